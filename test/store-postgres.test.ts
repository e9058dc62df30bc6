// The store contract on a real PostgreSQL server: DATABASE_URL, or a throw-away cluster started here.
import { after } from 'node:test';
import { openStore } from '../src/store/open-store.js';
import { storeContract } from '../src/store/store-contract.js';
import { type Cluster, pgSkipReason, startCluster } from './support/pg-cluster.js';

const skip = process.env.COMPACT_REQUIRE_PG ? null : pgSkipReason();
let cluster: Cluster | undefined;
after(() => cluster?.stop());

storeContract(
  'PostgreSQL server',
  async () => {
    cluster = await startCluster();
    const db = await openStore({ databaseUrl: cluster.url });
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.close();
    return openStore({ databaseUrl: cluster.url });
  },
  { skip },
);

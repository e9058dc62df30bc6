// The ledger store on PGlite and on a real PostgreSQL: seed, append-only trigger, tamper detection, all-or-nothing.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { EntryDraft } from '../src/core/ledger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { appendEntries, ledgerHead, readLedger, seedLedger, verifyLedger } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { type Cluster, pgSkipReason, startCluster } from './support/pg-cluster.js';

const reg = await loadRegistry('data');

async function filled(open: () => Promise<Db>): Promise<Db> {
  const db = await open();
  await saveRegistry(db, reg.registry!);
  const s = await seedLedger(db, 'data', '2025-01-01T00:00:00.000Z');
  assert.deepEqual(s.issues, []);
  return db;
}

/** Changes a stored row behind the ledger's back: the trigger is switched off, as a superuser could. */
async function tamper(db: Db, sql: string) {
  await db.exec(
    `ALTER TABLE ledger_entries DISABLE TRIGGER ledger_append_only; ${sql}; ALTER TABLE ledger_entries ENABLE TRIGGER ledger_append_only;`,
  );
}

function suite(name: string, open: () => Promise<Db>, skip: string | null) {
  describe(`ledger store (${name})`, { skip: skip ?? false }, () => {
    test('the bundled pledges load with their sources and clause links; the chain verifies', async () => {
      const db = await filled(open);
      const all = await readLedger(db);
      assert.ok(all.length >= 30);
      const gb = all.find((e) => e.pledge_ref === 'ua-gb-2024#pledge-2024')!;
      assert.equal(gb.amount, '2500000000.00');
      assert.equal(gb.currency, 'GBP');
      assert.equal(gb.provision_id, 'military_assistance');
      assert.match(gb.source_url, /^https:\/\//);
      assert.ok(all.every((e) => /^https?:\/\//.test(e.source_url)));
      const dk = all.find((e) => e.pledge_ref === 'ua-dk-2024#pledge-2024')!;
      assert.equal(dk.within, 'seed:ua-dk-2024:pledge-2023-2028');
      assert.equal((await verifyLedger(db)).ok, true);
      assert.equal((await seedLedger(db, 'data')).appended, 0, 'seeding twice adds nothing');
      await db.close();
    });

    test('UPDATE and DELETE are rejected by the trigger', async () => {
      const db = await filled(open);
      await assert.rejects(db.query('UPDATE ledger_entries SET amount = 1 WHERE seq = 1'), /append-only/);
      await assert.rejects(db.query('DELETE FROM ledger_entries WHERE seq = 1'), /append-only/);
      await db.close();
    });

    for (const [field, sql] of [
      ['amount', 'UPDATE ledger_entries SET amount = amount + 1 WHERE seq = 5'],
      ['date', "UPDATE ledger_entries SET date = '2023-01-01' WHERE seq = 5"],
      ['party', "UPDATE ledger_entries SET provider = 'XX' WHERE seq = 5"],
    ] as const) {
      test(`changing the ${field} of a stored entry makes verify fail naming that entry`, async () => {
        const db = await filled(open);
        const ref = (await readLedger(db)).find((e) => e.seq === 5)!.ref;
        await tamper(db, sql);
        const v = await verifyLedger(db, { pageSize: 3 });
        assert.equal(v.ok, false);
        assert.equal(v.first_bad?.seq, 5);
        assert.equal(v.first_bad?.ref, ref);
        assert.equal(v.checked, 4);
        await db.close();
      });
    }

    test('a deleted row is a sequence gap', async () => {
      const db = await filled(open);
      await tamper(db, 'DELETE FROM ledger_entries WHERE seq = 7');
      const v = await verifyLedger(db);
      assert.equal(v.first_bad?.seq, 8);
      assert.match(v.first_bad!.reason, /sequence gap/);
      await db.close();
    });

    test('a batch with one bad link writes nothing and names the row and column', async () => {
      const db = await filled(open);
      const before = await ledgerHead(db);
      const good: EntryDraft = { ...(await readLedger(db))[0]!, ref: 'new-1', within: null, pledge_ref: null };
      const bad: EntryDraft = { ...good, ref: 'new-2', provision_id: 'no_such_clause' };
      const r = await appendEntries(
        db,
        [
          { line: 2, draft: good },
          { line: 3, draft: bad },
        ],
        '2025-01-02T00:00:00Z',
      );
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.issues.some((i) => i.path.join(' ') === 'row 3 column provision_id'));
      assert.deepEqual(await ledgerHead(db), before);
      await db.close();
    });

    test('concurrent appends serialise into one unbroken chain', async () => {
      const db = await filled(open);
      const first = (await readLedger(db))[0]!;
      const mk = (i: number): EntryDraft => ({ ...first, ref: `c-${i}`, within: null, pledge_ref: null });
      const results = await Promise.all(
        [0, 1, 2, 3].map((i) => appendEntries(db, [{ draft: mk(i) }], '2025-01-03T00:00:00Z')),
      );
      assert.ok(results.every((r) => r.ok));
      assert.equal((await verifyLedger(db)).ok, true);
      await db.close();
    });
  });
}

suite('PGlite', () => openStore({ dir: 'memory://' }), null);

const pgSkip = process.env.COMPACT_REQUIRE_PG ? null : pgSkipReason();
let cluster: Cluster | undefined;
after(() => cluster?.stop());
suite(
  'PostgreSQL',
  async () => {
    cluster ??= await startCluster();
    const db = await openStore({ databaseUrl: cluster.url });
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.close();
    return openStore({ databaseUrl: cluster.url });
  },
  pgSkip,
);

// A CLI's connection to the embedded database that a running `compact serve` shares on its local socket.
import type { Db } from './db.js';
import { openPostgres } from './pg-db.js';
import type { Advert } from './pglite-socket.js';

/** One connection (PGlite is one session; the server queues this client's units of work with its own). */
export async function openShared(dataDir: string, advert: Advert): Promise<Db> {
  try {
    return await openPostgres(
      { host: advert.dir, port: advert.port, user: 'postgres', database: 'postgres', max: 1 },
      'pglite',
    );
  } catch (e) {
    throw new Error(
      `the database at ${dataDir} is served by process ${advert.pid}, but its socket in ${advert.dir} does not answer (${(e as Error).message}); stop that process (Ctrl-C or kill ${advert.pid}) and retry`,
    );
  }
}

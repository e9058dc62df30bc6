// Chooses the store: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite; then migrates it.
import { resolve } from 'node:path';
import type { Db } from './db.js';
import { migrate } from './migrate.js';

export interface StoreOptions {
  /** PGlite data directory; 'memory://' for a throw-away store. */
  dir?: string;
  databaseUrl?: string;
  /** Share the embedded database with CLI commands on a local socket while open (`compact serve`). */
  share?: boolean;
}

/** Where the embedded store lives unless told otherwise. */
export function defaultDbDir(env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, env.COMPACT_DB ?? '.compact/db');
}

export async function openStore(opts: StoreOptions): Promise<Db> {
  let db: Db;
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./pg-db.js');
    db = await openPostgres(opts.databaseUrl);
  } else {
    const { openPglite } = await import('./pglite-db.js');
    db = await openPglite(opts.dir ?? 'memory://', { share: opts.share });
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

// The embedded store: PGlite in a data directory (or in memory), guarded by a lock file.
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';
import { acquireLock } from './file-lock.js';

const asText = (v: string) => v;
const parsers = {
  [types.DATE]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.TIMESTAMP]: asText,
  [types.NUMERIC]: asText,
  [types.INT8]: (v: string) => Number(v),
};

/** Opens PGlite at `dir`, or in memory when dir is 'memory://'. */
export async function openPglite(dir: string): Promise<Db> {
  const memory = dir === 'memory://';
  const release = memory ? () => {} : acquireLock(dir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(memory ? undefined : dir, { parsers });
  } catch (e) {
    release();
    throw e;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, ...(r.affectedRows !== undefined ? { rowCount: r.affectedRows } : {}) };
    },
    exec: async (sql: string) => {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx as unknown as Pick<PGlite, 'query' | 'exec'>))),
    close: async () => {
      await pg.close();
      release();
    },
  };
}

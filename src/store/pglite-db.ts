// The embedded store: PGlite in a data directory (or in memory), guarded by a lock file. A serving process can
// share it with CLI commands through a local socket; a CLI finding such a server connects through it.
import { PGlite, types } from '@electric-sql/pglite';
import { copyLine, type Db, type Queryable, StoreLockedError } from './db.js';
import { acquireLock } from './file-lock.js';
import { readAdvert, type Share, shareStore } from './pglite-socket.js';
import { SessionGate } from './session-gate.js';

const asText = (v: string) => v;
const parsers = {
  [types.DATE]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.TIMESTAMP]: asText,
  [types.NUMERIC]: asText,
  [types.INT8]: (v: string) => Number(v),
};

export interface PgliteOptions {
  /** Serve the database to other processes on a socket in the data directory (for `compact serve`). */
  share?: boolean;
}

/** Opens PGlite at `dir`, or in memory when dir is 'memory://'; reaches a sharing server's copy when it has the lock. */
export async function openPglite(dir: string, opts: PgliteOptions = {}): Promise<Db> {
  const memory = dir === 'memory://';
  let release: () => void;
  try {
    release = memory ? () => {} : acquireLock(dir);
  } catch (e) {
    if (!(e instanceof StoreLockedError)) throw e;
    const advert = readAdvert(dir);
    if (!advert || advert.pid !== e.pid || opts.share) throw e;
    const { openShared } = await import('./pglite-socket-client.js');
    return openShared(dir, advert);
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(memory ? undefined : dir, { parsers });
  } catch (e) {
    release();
    throw e;
  }
  const gate = new SessionGate();
  let share: Share | null = null;
  if (opts.share && !memory) {
    try {
      share = await shareStore(pg, gate, dir);
    } catch (e) {
      await pg.close();
      release();
      throw e;
    }
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable & Required<Pick<Queryable, 'copyRows'>> => ({
    query: async <T>(sql: string, params: unknown[] = []) => {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, ...(r.affectedRows !== undefined ? { rowCount: r.affectedRows } : {}) };
    },
    exec: async (sql: string) => {
      await q.exec(sql);
    },
    copyRows: async (table, columns, rows) => {
      if (!rows.length) return;
      const blob = new Blob(rows.map(copyLine));
      await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob });
    },
  });
  const inner = wrap(pg);
  return {
    kind: 'pglite',
    query: (sql, params) => gate.run(() => inner.query(sql, params)),
    exec: (sql) => gate.run(() => inner.exec(sql)),
    copyRows: (table, columns, rows) => gate.run(() => inner.copyRows!(table, columns, rows)),
    transaction: (fn) =>
      gate.run(() => pg.transaction((tx) => fn(wrap(tx as unknown as Pick<PGlite, 'query' | 'exec'>)))),
    close: async () => {
      await share?.stop();
      await gate.run(() => pg.close());
      release();
    },
  };
}

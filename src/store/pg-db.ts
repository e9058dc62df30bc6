// A PostgreSQL server through DATABASE_URL, with the same port as the embedded store.
import pg from 'pg';
import type { Db, Queryable } from './db.js';

const asText = (v: string) => v;
// Dates and timestamps stay ISO text and numerics exact, as in the embedded store.
pg.types.setTypeParser(1082, asText);
pg.types.setTypeParser(1114, asText);
pg.types.setTypeParser(1184, asText);
pg.types.setTypeParser(1700, asText);
pg.types.setTypeParser(20, (v: string) => Number(v));

/** Opens a pool on a URL or a pg configuration; `kind` names the store behind it (PGlite through its socket). */
export async function openPostgres(target: string | pg.PoolConfig, kind: Db['kind'] = 'postgres'): Promise<Db> {
  const pool = new pg.Pool(
    typeof target === 'string' ? { connectionString: target, max: Number(process.env.COMPACT_PG_POOL ?? 10) } : target,
  );
  const c = await pool.connect(); // fail fast with a clear error if the server is unreachable
  c.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => {
      const r = await q.query(sql, params);
      return { rows: r.rows as T[], ...(r.rowCount !== null ? { rowCount: r.rowCount } : {}) };
    },
    exec: async (sql: string) => {
      await q.query(sql);
    },
  });
  return {
    kind,
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

// Stores the world registry (ATOP alliances and the fulfilment cases) in one transaction, idempotently,
// and reads it back. Kept in tables of its own so nothing counts it with the 2024 agreements by accident.
import type { AtopAlliance } from '../core/history/atop-read.js';
import type { FulfilmentCase } from '../core/history/prior.js';
import type { Db, Queryable } from './db.js';
import { contentHash } from './registry-store.js';

export interface WorldImport {
  alliances: AtopAlliance[];
  cases: FulfilmentCase[];
  /** File name -> SHA-256 of the files read. */
  files: Record<string, string>;
}

export interface WorldImportReport {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  cases: number;
}

const BATCH = 200;

export async function importWorld(db: Db, w: WorldImport): Promise<WorldImportReport> {
  return db.transaction(async (tx) => {
    const have = new Map(
      (
        await tx.query<{ atopid: number; content_hash: string }>('SELECT atopid, content_hash FROM world_alliances')
      ).rows.map((r) => [r.atopid, r.content_hash]),
    );
    const report: WorldImportReport = { added: 0, changed: 0, unchanged: 0, removed: 0, cases: w.cases.length };
    const write: { atopid: number; hash: string; data: AtopAlliance }[] = [];
    for (const a of w.alliances) {
      const hash = contentHash(a);
      const old = have.get(a.atopid);
      have.delete(a.atopid);
      if (old === hash) report.unchanged++;
      else {
        if (old === undefined) report.added++;
        else report.changed++;
        write.push({ atopid: a.atopid, hash, data: a });
      }
    }
    for (let i = 0; i < write.length; i += BATCH) {
      await tx.query(
        `INSERT INTO world_alliances (atopid, content_hash, data)
         SELECT x.atopid, x.hash, x.data FROM jsonb_to_recordset($1::jsonb) AS x(atopid integer, hash text, data jsonb)
         ON CONFLICT (atopid) DO UPDATE SET content_hash = EXCLUDED.content_hash, data = EXCLUDED.data`,
        [JSON.stringify(write.slice(i, i + BATCH))],
      );
    }
    if (have.size) {
      report.removed = have.size;
      await tx.query('DELETE FROM world_alliances WHERE atopid = ANY($1::int[])', [[...have.keys()]]);
    }
    await tx.query('DELETE FROM world_cases');
    for (let i = 0; i < w.cases.length; i += BATCH) {
      await tx.query(
        `INSERT INTO world_cases (line, atopid, data)
         SELECT x.line, x.atopid, x.data FROM jsonb_to_recordset($1::jsonb) AS x(line integer, atopid integer, data jsonb)`,
        [JSON.stringify(w.cases.slice(i, i + BATCH).map((c) => ({ line: c.line, atopid: c.atopid, data: c })))],
      );
    }
    await tx.query('INSERT INTO world_imports (dataset, files, report) VALUES ($1, $2::jsonb, $3::jsonb)', [
      'atop-4.01',
      JSON.stringify(w.files),
      JSON.stringify(report),
    ]);
    return report;
  });
}

export interface StoredWorld {
  alliances: AtopAlliance[];
  cases: FulfilmentCase[];
  /** The latest import: its files and their SHA-256; null when nothing was imported. */
  imported: { files: Record<string, string>; at: string } | null;
}

export async function readWorld(db: Queryable): Promise<StoredWorld> {
  const alliances = (
    await db.query<{ data: AtopAlliance }>('SELECT data FROM world_alliances ORDER BY atopid')
  ).rows.map((r) => r.data);
  const cases = (await db.query<{ data: FulfilmentCase }>('SELECT data FROM world_cases ORDER BY line')).rows.map(
    (r) => r.data,
  );
  const last = (
    await db.query<{ files: Record<string, string>; imported_at: Date | string }>(
      'SELECT files, imported_at FROM world_imports ORDER BY id DESC LIMIT 1',
    )
  ).rows[0];
  return {
    alliances,
    cases,
    imported: last ? { files: last.files, at: new Date(last.imported_at).toISOString() } : null,
  };
}

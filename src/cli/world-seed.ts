// The bundled world registry (data/world, copies of the ATOP files) imported into a store that has none, so
// `npm start` serves the history view on a fresh machine. A write at start-up, never on a read.
import { join } from 'node:path';
import type { FulfilmentCase } from '../core/history/prior.js';
import { loadWorld } from '../data/load-world.js';
import type { Db } from '../store/db.js';
import { importWorld, readWorld } from '../store/world-store.js';
import type { Io } from './command.js';
import { CliFailure, packageRoot } from './context.js';

export const bundledWorldDir = join(packageRoot, 'data', 'world');

export async function ensureWorld(db: Db, io: Io, dir = bundledWorldDir): Promise<void> {
  const n = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM world_imports')).rows[0]?.n ?? 0;
  if (n > 0) return;
  const w = await loadWorld(dir);
  if (w.issues.length) {
    io.err(
      `world registry not imported from ${dir}: ${w.issues.length} problem(s); run \`compact import atop ${dir}\``,
    );
    return;
  }
  const r = await importWorld(db, w);
  io.err(`imported the world registry (${r.added} ATOP alliances) from ${dir} into the store`);
}

/** The alliance-war cases for the historical prior: the store's world registry, else the bundled copy. */
export async function fulfilmentCases(db: Db): Promise<FulfilmentCase[]> {
  const stored = await readWorld(db);
  if (stored.imported) return stored.cases;
  const w = await loadWorld(bundledWorldDir);
  if (w.issues.length) throw new CliFailure(`the bundled fulfilment data do not load: ${w.issues.length} problem(s)`);
  return w.cases;
}

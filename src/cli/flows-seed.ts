// The bundled tracker release (data/kiel, copies of the Kiel files) imported into a store that has none, so
// `npm start` shows pledges against allocations on a fresh machine. A write at start-up, never on a read.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkIdentities, parseRelease } from '../core/flows/index.js';
import { formatIssue } from '../core/issues.js';
import type { Db } from '../store/db.js';
import { importRelease } from '../store/flows-store.js';
import type { Io } from './command.js';
import { readReleaseDir } from './commands/flows.js';
import { packageRoot } from './context.js';

export const bundledFlowsDir = join(packageRoot, 'data', 'kiel');

export async function ensureFlows(db: Db, io: Io, dir = bundledFlowsDir): Promise<void> {
  const n = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_imports')).rows[0]?.n ?? 0;
  if (n > 0 || !existsSync(dir)) return;
  const parsed = parseRelease(readReleaseDir(dir));
  const issues = parsed.release ? checkIdentities(parsed.release) : parsed.issues;
  if (!parsed.release || issues.length) {
    io.err(
      `tracker release not imported from ${dir}: ${issues.map(formatIssue).join('; ')}; run \`compact flows import ${dir}\``,
    );
    return;
  }
  const r = await importRelease(db, parsed.release, new Date().toISOString());
  if (!r.ok) {
    io.err(`tracker release not imported from ${dir}: ${r.issues.map(formatIssue).join('; ')}`);
    return;
  }
  io.err(`imported tracker release ${parsed.release.info.release} (${r.appended} ledger entries) from ${dir}`);
}

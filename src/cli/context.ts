// Opens the store a command works on and, when it is empty, fills it: the registry and the ledger seed.
import { resolve } from 'node:path';
import { formatIssue } from '../core/issues.js';
import { loadRegistry } from '../data/load-registry.js';
import { bundledDataDir } from '../platform/paths.js';
import type { Db } from '../store/db.js';
import { fillStore } from '../store/fill.js';
import { defaultDbDir, openStore } from '../store/open-store.js';
import type { Io, Options } from './command.js';

// The package paths live in the platform layer (the API needs them too); re-exported for the commands.
export { bundledDataDir, packageRoot } from '../platform/paths.js';

/** Options every store-using command accepts. */
export const storeOptions: Options = {
  db: { type: 'string' },
  data: { type: 'string' },
};

export function dataDir(values: Record<string, unknown>, io: Io): string {
  const v = (values.data as string | undefined) ?? io.env.COMPACT_DATA;
  return v ? resolve(io.cwd, v) : bundledDataDir;
}

/** Opens the store named by --db, COMPACT_DB or DATABASE_URL; loads the registry if the store has none yet. */
export async function openContext(
  values: Record<string, unknown>,
  io: Io,
  opts: { autoload?: boolean; share?: boolean } = {},
): Promise<Db> {
  const databaseUrl = io.env.DATABASE_URL || undefined;
  const dir =
    values.db === 'memory://'
      ? 'memory://'
      : values.db
        ? resolve(io.cwd, String(values.db))
        : defaultDbDir(io.env, io.cwd);
  const db = await openStore(databaseUrl ? { databaseUrl } : { dir, share: opts.share });
  if (opts.autoload !== false) {
    const n = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM records')).rows[0]?.n ?? 0;
    if (n === 0) {
      const src = dataDir(values, io);
      const r = await loadRegistry(src, io.cwd);
      if (!r.registry) {
        await db.close();
        throw new CliFailure(
          r.issues.map(formatIssue).join('\n') +
            `\n${r.issues.length} problem(s): nothing loaded. Fix the files above, then run \`compact validate\`.`,
        );
      }
      const filled = await fillStore(db, r.registry, r.files, src);
      io.err(
        `loaded the registry from ${src} into the empty store${filled.ledger_seeded ? ` and ${filled.ledger_seeded} ledger entries` : ''}`,
      );
      if (filled.ledger_seed_issues.length)
        io.err(
          `ledger seed not loaded: ${filled.ledger_seed_issues.length} problem(s); run \`compact load\` to see them`,
        );
    }
  }
  return db;
}

/** An expected failure: printed without a stack trace, exit code 1. */
export class CliFailure extends Error {}

/** Runs fn with an open store and always closes it. */
export async function withStore<T>(
  values: Record<string, unknown>,
  io: Io,
  fn: (db: Db) => Promise<T>,
  opts?: { autoload?: boolean },
): Promise<T> {
  const db = await openContext(values, io, opts);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

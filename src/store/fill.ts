// The store's fill: the registry and, while the ledger is still empty, the data directory's ledger seed (the
// agreements' own pledges, each citing its source). `compact load` and the first use of an empty store both
// come through here, so reads never have to fill anything.
import type { Issue } from '../core/issues.js';
import type { Registry } from '../core/model.js';
import type { Db } from './db.js';
import { seedLedger } from './ledger-store.js';
import { type LoadReport, saveRegistry } from './registry-store.js';

export interface FillReport extends LoadReport {
  /** Ledger entries appended from `<dataDir>/ledger/seed.csv` (0 when the ledger had entries or no seed exists). */
  ledger_seeded: number;
  /** Why the seed was not appended (nothing of it is written then); the registry is loaded regardless. */
  ledger_seed_issues: Issue[];
}

/** Saves the registry (one transaction), then seeds an empty ledger from dataDir (a second transaction). */
export async function fillStore(
  db: Db,
  reg: Registry,
  files: Map<string, string>,
  dataDir: string,
  recordedAt = new Date().toISOString(),
): Promise<FillReport> {
  const report = await saveRegistry(db, reg, files);
  const seed = await seedLedger(db, dataDir, recordedAt);
  return { ...report, ledger_seeded: seed.appended, ledger_seed_issues: seed.issues };
}

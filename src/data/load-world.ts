// Reads a directory of the historical alliance data (ATOP 4.01, COW codes, fulfilment in war) from disk:
// file hashes for the citation, CSV parsing, and the core readers. Problems name file, line and column.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AtopAlliance, readAtop } from '../core/history/atop-read.js';
import { readCowStates } from '../core/history/cow.js';
import { type FulfilmentCase, readFulfilment } from '../core/history/prior.js';
import type { TableIssue } from '../core/history/table.js';
import { parseCsv } from '../core/ledger/csv-parse.js';

/** The files a directory must hold, by role. */
export const WORLD_FILES = {
  alliances: 'atop-4.01-alliances.csv',
  members: 'atop-4.01-members.csv',
  cow: 'cow-states.csv',
  fulfilment: 'fulfilment-berkemeier-fuhrmann-2018.csv',
} as const;

export interface LoadedWorld {
  alliances: AtopAlliance[];
  cases: FulfilmentCase[];
  files: Record<string, string>;
  issues: TableIssue[];
}

export async function loadWorld(dir: string): Promise<LoadedWorld> {
  const files: Record<string, string> = {};
  const issues: TableIssue[] = [];
  const read = async (name: string) => {
    try {
      const text = await readFile(join(dir, name), 'utf8');
      files[name] = createHash('sha256').update(text).digest('hex');
      const parsed = parseCsv(text);
      for (const i of parsed.issues) issues.push({ file: name, line: i.line ?? 1, column: null, message: i.message });
      return parsed.records;
    } catch (e) {
      issues.push({ file: join(dir, name), line: 0, column: null, message: `cannot read: ${(e as Error).message}` });
      return [];
    }
  };
  const [a, m, c, f] = await Promise.all([
    read(WORLD_FILES.alliances),
    read(WORLD_FILES.members),
    read(WORLD_FILES.cow),
    read(WORLD_FILES.fulfilment),
  ]);
  if (issues.length) return { alliances: [], cases: [], files, issues };
  const cow = readCowStates(WORLD_FILES.cow, c);
  const atop = readAtop(
    { alliances: { name: WORLD_FILES.alliances, records: a }, members: { name: WORLD_FILES.members, records: m } },
    cow.table,
  );
  const ful = readFulfilment(WORLD_FILES.fulfilment, f);
  return { alliances: atop.alliances, cases: ful.cases, files, issues: [...cow.issues, ...atop.issues, ...ful.issues] };
}

export const formatTableIssue = (i: TableIssue): string =>
  `${i.file}:${i.line}${i.column ? ` column ${i.column}` : ''}: ${i.message}`;

// Correlates of War state codes joined to party codes: ISO 3166 alpha-2 where the state still exists,
// a stable `cow-NNN` id (with the COW name) for those that do not, so historical states stay distinct.
import type { CsvRecord } from '../ledger/csv-parse.js';
import { columnIndex, type TableIssue } from './table.js';

export interface CowState {
  ccode: number;
  abb: string;
  name: string;
  iso2: string | null;
  iso3: string | null;
}

export interface CowTable {
  byCode: ReadonlyMap<number, CowState>;
  /** The party code for a COW code: ISO alpha-2 when the state exists today, else `cow-<code>`. */
  party(ccode: number): string;
  /** The state's name, or null for a code the list does not have. */
  name(ccode: number): string | null;
}

const COLUMNS = ['ccode', 'cow_abb', 'name', 'iso2', 'iso3'] as const;

/** Reads cow-states.csv records (header first). Issues name the line and column. */
export function readCowStates(file: string, records: CsvRecord[]): { table: CowTable; issues: TableIssue[] } {
  const issues: TableIssue[] = [];
  const [head, ...rows] = records;
  const col = columnIndex(file, head, COLUMNS, issues);
  const byCode = new Map<number, CowState>();
  if (col) {
    for (const r of rows) {
      const code = Number(r.fields[col.ccode]);
      if (!Number.isInteger(code) || code <= 0) {
        issues.push({
          file,
          line: r.line,
          column: 'ccode',
          message: `expected a COW code, found "${r.fields[col.ccode]}"`,
        });
        continue;
      }
      const opt = (i: number) => (r.fields[i]?.trim() ? r.fields[i]!.trim() : null);
      byCode.set(code, {
        ccode: code,
        abb: r.fields[col.cow_abb] ?? '',
        name: r.fields[col.name] ?? '',
        iso2: opt(col.iso2),
        iso3: opt(col.iso3),
      });
    }
  }
  return {
    issues,
    table: {
      byCode,
      party: (c) => byCode.get(c)?.iso2 ?? `cow-${c}`,
      name: (c) => byCode.get(c)?.name ?? null,
    },
  };
}

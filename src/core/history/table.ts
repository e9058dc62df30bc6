// Header checks shared by the readers of the historical data files: every expected column present, once.
import type { CsvRecord } from '../ledger/csv-parse.js';

/** A problem in a data file, located by file, line and column name. */
export interface TableIssue {
  file: string;
  line: number;
  column: string | null;
  message: string;
}

/** Maps each wanted column to its index; null (with issues) when the header lacks one or repeats one. */
export function columnIndex<K extends string>(
  file: string,
  head: CsvRecord | undefined,
  wanted: readonly K[],
  issues: TableIssue[],
): Record<K, number> | null {
  if (!head) {
    issues.push({ file, line: 1, column: null, message: 'the file is empty: expected a header line' });
    return null;
  }
  const names = head.fields.map((f) => f.trim());
  const out = {} as Record<K, number>;
  let ok = true;
  for (const w of wanted) {
    const at = names.indexOf(w);
    if (at < 0) {
      issues.push({ file, line: head.line, column: w, message: `missing column "${w}"; found: ${names.join(', ')}` });
      ok = false;
    } else if (names.indexOf(w, at + 1) >= 0) {
      issues.push({ file, line: head.line, column: w, message: `column "${w}" appears twice` });
      ok = false;
    } else out[w] = at;
  }
  return ok ? out : null;
}

/** A whole-number cell; '' and non-numbers are null. Stata exports write integers as "1.0". */
export function intCell(v: string | undefined): number | null {
  if (v === undefined || v.trim() === '' || v.trim() === '.') return null;
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : null;
}

// The one CSV writer of every export (CLI and API): RFC 4180 quoting, and cells that a spreadsheet would read as
// a formula neutralised. A cell starting with = + - @, a tab or a carriage return is prefixed with a single quote
// (spreadsheets then show it as text); plain numbers such as -5.00 are left alone, since no spreadsheet reads
// them as anything but numbers. docs/security.md describes the rule.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** The text of a cell as a spreadsheet will take it: formula-looking text gets a leading `'`. */
export function neutralizeFormula(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** One CSV cell: null is empty, arrays are joined with `;`, objects are JSON; quoted when it needs to be. */
export function csvCell(v: unknown): string {
  const raw =
    v === null || v === undefined
      ? ''
      : Array.isArray(v)
        ? v.join(';')
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);
  const s = neutralizeFormula(raw);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: a header of `columns`, then one line per row. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n');
}

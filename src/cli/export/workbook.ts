// The one workbook writer behind every `--xlsx FILE`: result sheets, a Sources sheet (every cited URL and quote)
// and a Method sheet (as-of date, rates, caveats, version, ledger head), with readable widths and number formats.
import ExcelJS from 'exceljs';

export type ColumnKind = 'text' | 'long' | 'money' | 'int' | 'share' | 'date';

export interface Column {
  key: string;
  header?: string;
  kind?: ColumnKind;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

/** One citation as the Sources sheet lists it. `url` is the official text's where the record lists one. */
export interface SourceRow {
  record: string;
  source: string;
  cited_by: string;
  url: string;
  /** The copy actually read, when it is not the official URL. */
  copy_read: string | null;
  publisher: string | null;
  where: string | null;
  quote: string | null;
}

export interface Method {
  command: string;
  as_of: string;
  generated_at: string;
  version: string;
  ledger_head: { head_hash: string; count: number } | null;
  rates: { currency: string; year: number; rate: string; source: string }[];
  caveats: string[];
}

const FORMAT: Partial<Record<ColumnKind, string>> = {
  money: '#,##0.00',
  int: '0',
  share: '0.0000',
};

/** A cell value: numbers for numeric kinds (null stays empty), arrays joined, objects as JSON. */
function cellValue(v: unknown, kind: ColumnKind): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if ((kind === 'money' || kind === 'int' || kind === 'share') && (typeof v === 'number' || /^-?\d/.test(String(v))))
    return Number(v);
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return v as ExcelJS.CellValue;
}

function addSheet(wb: ExcelJS.Workbook, s: Sheet): void {
  const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => {
    const kind = c.kind ?? 'text';
    const header = c.header ?? c.key;
    const longest = Math.max(
      header.length,
      ...s.rows.slice(0, 2000).map((r) => {
        const v = cellValue(r[c.key], kind);
        return v === null
          ? 0
          : kind === 'money'
            ? Number(v).toLocaleString('en', { minimumFractionDigits: 2 }).length
            : String(v).length;
      }),
    );
    // Long text wraps at a readable width; other columns fit their content.
    const width = kind === 'long' ? Math.min(80, Math.max(30, longest)) : Math.min(60, Math.max(8, longest + 2));
    return {
      header,
      key: c.key,
      width,
      style: {
        ...(FORMAT[kind] ? { numFmt: FORMAT[kind] } : {}),
        alignment: { vertical: 'top' as const, wrapText: kind === 'long' },
      },
    };
  });
  ws.getRow(1).font = { bold: true };
  for (const r of s.rows)
    ws.addRow(Object.fromEntries(s.columns.map((c) => [c.key, cellValue(r[c.key], c.kind ?? 'text')])));
}

/** Writes the workbook: result sheets in order, then Sources and Method. */
export async function writeWorkbook(file: string, sheets: Sheet[], sources: SourceRow[], method: Method) {
  const wb = new ExcelJS.Workbook();
  wb.creator = `compact ${method.version}`;
  for (const s of sheets) addSheet(wb, s);
  addSheet(wb, {
    name: 'Sources',
    columns: [
      { key: 'record' },
      { key: 'source' },
      { key: 'cited_by', header: 'cited by' },
      { key: 'url', header: 'url (official where listed)' },
      { key: 'copy_read', header: 'copy read' },
      { key: 'publisher' },
      { key: 'where' },
      { key: 'quote', kind: 'long' },
    ],
    rows: sources as unknown as Record<string, unknown>[],
  });
  const kv: Record<string, unknown>[] = [
    { item: 'command', value: method.command },
    { item: 'as of', value: method.as_of },
    { item: 'generated at', value: method.generated_at },
    { item: 'compact version', value: method.version },
    { item: 'ledger head hash', value: method.ledger_head?.head_hash ?? 'not read' },
    { item: 'ledger entries', value: method.ledger_head?.count ?? 'not read' },
    {
      item: 'dates',
      value: 'Dates are whole UTC days; an agreement is in force from its start day up to, not including, its end day.',
    },
    {
      item: 'rates',
      value: method.rates.length ? `${method.rates.length} rates, listed below` : 'no exchange rate used',
    },
    ...method.caveats.map((c, i) => ({ item: `caveat ${i + 1}`, value: c })),
    ...method.rates.map((r) => ({
      item: `rate ${r.currency} ${r.year}`,
      value: `${r.rate} ${r.currency} per EUR (${r.source})`,
    })),
  ];
  addSheet(wb, { name: 'Method', columns: [{ key: 'item' }, { key: 'value', kind: 'long' }], rows: kv });
  await wb.xlsx.writeFile(file);
}

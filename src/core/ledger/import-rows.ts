// Maps CSV records to entry drafts (the ledger's own columns), naming row and column on error.
import type { Issue } from '../issues.js';
import type { CsvRecord } from './csv-parse.js';
import { draftIssuesAt } from './draft-issues.js';
import type { EntryDraft } from './types.js';

/** The ledger CSV columns, in the order exports write them. Required: ref, entry_type, provider, date, kind, status, source_url. */
export const LEDGER_COLUMNS = [
  'ref',
  'entry_type',
  'provider',
  'recipient',
  'agreement_id',
  'provision_id',
  'pledge_ref',
  'amount',
  'currency',
  'date',
  'year_from',
  'year_to',
  'kind',
  'capability',
  'item',
  'quantity',
  'status',
  'channel',
  'within',
  'corrects',
  'supersedes',
  'source_url',
  'source_quote',
  'note',
] as const;
const REQUIRED = ['ref', 'entry_type', 'provider', 'date', 'kind', 'status', 'source_url'];

export interface MappedRow {
  /** 1-based CSV line of the record. */
  line: number;
  draft: EntryDraft;
}

type Get = (col: string) => string | null;

function intOrRaw(v: string | null): number | null {
  if (v === null) return null;
  return /^-?\d+$/.test(v) ? Number(v) : (v as unknown as number); // non-integers are reported by checkDraft
}

/** Builds a draft from a row through `get` (column name -> trimmed value or null when empty). */
export function draftFromColumns(get: Get): EntryDraft {
  const type = get('entry_type') ?? '';
  const sup = get('supersedes');
  return {
    ref: get('ref') ?? '',
    entry_type: type as EntryDraft['entry_type'],
    provider: (get('provider') ?? '').toUpperCase(),
    recipient: (get('recipient') ?? 'UA').toUpperCase(),
    agreement_id: get('agreement_id'),
    provision_id: get('provision_id'),
    pledge_ref: get('pledge_ref'),
    amount: get('amount')?.replace(/_/g, '') ?? null,
    currency: get('currency')?.toUpperCase() ?? null,
    date: get('date') ?? '',
    year_from: intOrRaw(get('year_from')),
    year_to: intOrRaw(get('year_to')),
    kind: (get('kind') ?? '') as EntryDraft['kind'],
    capability: get('capability') as EntryDraft['capability'],
    item: get('item'),
    quantity: intOrRaw(get('quantity')),
    status: (get('status') ?? '') as EntryDraft['status'],
    channel: (get('channel') ?? 'bilateral') as EntryDraft['channel'],
    within: get('within'),
    corrects: get('corrects'),
    supersedes: sup === null ? type === 'correction' : sup === 'true',
    source_url: get('source_url') ?? '',
    source_quote: get('source_quote'),
    note: get('note'),
  };
}

/** A column mapping: the header it reads, and how a draft is built from a row. */
export interface CsvFormat {
  name: string;
  required: string[];
  build(get: Get): EntryDraft;
}

export const LEDGER_FORMAT: CsvFormat = { name: 'ledger', required: REQUIRED, build: draftFromColumns };

/**
 * Maps records (the first is the header) to drafts. Every problem names the CSV line and column, what was
 * expected and what was found. Returns drafts only when there is no issue at all; `built` has every draft that
 * could be built, issues or not (so a caller can tell whose rows a refused file holds). A column named twice is
 * an error: which of the two a reader takes is exactly what must not be left to chance.
 */
export function mapRecords(
  records: CsvRecord[],
  format: CsvFormat,
): { rows: MappedRow[]; issues: Issue[]; built: MappedRow[] } {
  const issues: Issue[] = [];
  const [head, ...body] = records;
  if (!head)
    return {
      rows: [],
      built: [],
      issues: [
        {
          code: 'csv_syntax',
          path: [],
          message: 'the file is empty',
          expected: `a header row with ${format.required.join(', ')}`,
          found: 'nothing',
        },
      ],
    };
  const header = head.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  const twice: Issue[] = [];
  header.forEach((h, i) => {
    const first = index.get(h);
    if (first === undefined) index.set(h, i);
    else if (h !== '')
      twice.push({
        code: 'csv_syntax',
        path: ['header', `column ${h}`],
        message: `column ${h} appears twice (columns ${first + 1} and ${i + 1})`,
        expected: 'each column once',
        found: head.fields.join(', '),
        line: head.line,
      });
  });
  if (twice.length) return { rows: [], issues: twice, built: [] };
  const missing = format.required.filter((c) => !index.has(c));
  if (missing.length)
    return {
      rows: [],
      built: [],
      issues: [
        {
          code: 'csv_syntax',
          path: ['header'],
          message: `missing column(s) ${missing.join(', ')}`,
          expected: format.required.join(', '),
          found: header.join(', '),
          line: head.line,
        },
      ],
    };
  const rows: MappedRow[] = [];
  const built: MappedRow[] = [];
  for (const r of body) {
    if (r.fields.length !== header.length) {
      issues.push({
        code: 'csv_syntax',
        path: [`row ${r.line}`],
        message: 'wrong number of fields',
        expected: `${header.length} fields`,
        found: `${r.fields.length}`,
        line: r.line,
      });
      continue;
    }
    const get: Get = (c) => {
      const i = index.get(c);
      const v = i === undefined ? '' : r.fields[i]!.trim();
      return v === '' ? null : v;
    };
    const draft = format.build(get);
    built.push({ line: r.line, draft });
    const found = draftIssuesAt(draft, r.line, (field) =>
      index.has(field) ? field : format.name === 'ledger' ? field : `${field} (mapped)`,
    );
    if (found.length) issues.push(...found);
    else rows.push({ line: r.line, draft });
  }
  return issues.length ? { rows: [], issues, built } : { rows, issues, built };
}

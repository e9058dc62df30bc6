// `--xlsx FILE` and `--csv` for the briefing commands: each command hands over its result sheets and the
// citations behind them; this module resolves every citation to its URL (the official text's where the record
// lists one) and quote, states the method, and writes through the one workbook writer and the one CSV function.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement, Framework, Registry, Source } from '../../core/model.js';
import type { Queryable } from '../../store/db.js';
import { ledgerHead } from '../../store/ledger-store.js';
import { csv, type Io, str } from '../command.js';
import { packageRoot } from '../context.js';
import { type Method, type Sheet, type SourceRow, writeWorkbook } from './workbook.js';

export const exportOptions = { xlsx: { type: 'string' }, csv: { type: 'boolean' } } as const;

/** A fact of the result and the record source it rests on. */
export interface Cite {
  record: string;
  source: string;
  cited_by: string;
  where?: string | null;
  quote?: string | null;
}

export const version: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

/**
 * The URL to cite for a record's source: the official text's when the source is the copy of the text that was
 * read (id `text`) and the record lists official URLs, with the copy kept beside it; else the source's own.
 */
export function citedUrl(rec: Agreement | Framework, src: Source): { url: string; copy_read: string | null } {
  const official = 'official_text_urls' in rec ? rec.official_text_urls : [];
  if (official.includes(src.url) || !official.length || src.id !== 'text') return { url: src.url, copy_read: null };
  return { url: official[0]!, copy_read: src.url };
}

/** Every citation resolved against the registry, once each, in the order first cited. */
export function sourceRows(reg: Registry, cites: Cite[]): SourceRow[] {
  const recs = new Map<string, Agreement | Framework>([
    ...reg.agreements.map((a) => [a.id, a] as const),
    ...reg.frameworks.map((f) => [f.id, f] as const),
  ]);
  const seen = new Set<string>();
  const out: SourceRow[] = [];
  for (const c of cites) {
    const k = JSON.stringify([c.record, c.source, c.cited_by, c.quote ?? null]);
    if (seen.has(k)) continue;
    seen.add(k);
    const rec = recs.get(c.record);
    // A citation may name the source by id (records) or by URL (ledger lines cite the URL they were read from).
    const src = rec?.sources.find((s) => s.id === c.source) ?? rec?.sources.find((s) => s.url === c.source);
    const u = rec && src ? citedUrl(rec, src) : { url: c.source, copy_read: null };
    out.push({
      record: c.record,
      source: c.source,
      cited_by: c.cited_by,
      url: u.url,
      copy_read: u.copy_read,
      publisher: src?.publisher ?? null,
      where: c.where ?? null,
      quote: c.quote ?? src?.quote ?? null,
    });
  }
  return out;
}

/** The Method sheet's facts; the ledger head is read from the store the command used. */
export async function methodOf(
  db: Queryable | null,
  command: string,
  asOf: string,
  caveats: string[],
  rates: Method['rates'] = [],
): Promise<Method> {
  return {
    command,
    as_of: asOf,
    generated_at: new Date().toISOString(),
    version,
    ledger_head: db ? await ledgerHead(db) : null,
    rates,
    caveats,
  };
}

/**
 * Writes the workbook (--xlsx FILE) and/or prints the first sheet as CSV (--csv). Returns true when the normal
 * output should be left out (CSV printed, or only a workbook asked for without --json).
 */
export async function emitExport(
  values: Record<string, unknown>,
  io: Io,
  make: () => Promise<{ sheets: Sheet[]; sources: SourceRow[]; method: Method }>,
): Promise<boolean> {
  const file = str(values.xlsx);
  if (!file && !values.csv) return false;
  const { sheets, sources, method } = await make();
  if (file) {
    await writeWorkbook(file, sheets, sources, method);
    io.err(
      `wrote ${file}: ${sheets.map((s) => `${s.name} (${s.rows.length} rows)`).join(', ')}, Sources (${sources.length}), Method`,
    );
  }
  if (values.csv) {
    const s = sheets[0]!;
    io.out(
      csv(
        s.rows,
        s.columns.map((c) => c.key),
      ),
    );
    return true;
  }
  return !values.json;
}

// The coordination views on the command line (coverage, gaps) and the helpers the ledger commands share.
import ExcelJS from 'exceljs';
import { isIsoDate } from '../../core/dates.js';
import { formatIssue } from '../../core/issues.js';
import { burdenShare, coverage, type ForceWindow, gaps, predictability, rateIndex } from '../../core/ledger/index.js';
import { loadGdp, loadNeeds, loadRates } from '../../data/load-ledger-data.js';
import type { Db } from '../../store/db.js';
import { type LedgerHead, ledgerBuckets, ledgerHead, streamLedger } from '../../store/ledger-store.js';
import { listAgreements, readRegistry } from '../../store/registry-store.js';
import { type Command, type Io, json, str, table, UsageError } from '../command.js';
import { CliFailure, dataDir, storeOptions, withStore } from '../context.js';
import { type Cite, emitExport, exportOptions, methodOf, sourceRows } from '../export/briefing.js';
import { coverageSheets } from '../export/sheets.js';

/**
 * withStore for the ledger commands. It never seeds: the ledger seed is appended by `compact load` and by the
 * first fill of an empty store, so a read changes nothing.
 */
export async function withLedger<T>(values: Record<string, unknown>, io: Io, fn: (db: Db) => Promise<T>): Promise<T> {
  return withStore(values, io, fn);
}

/** Writes rows to an .xlsx workbook: a header row, numeric cells for amounts and counts, and a `chain` sheet. */
export async function writeXlsx(
  file: string,
  sheet: string,
  rows: Record<string, unknown>[],
  cols: string[],
  head: LedgerHead,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(cols).font = { bold: true };
  const numeric = new Set(['amount', 'entries', 'no_rate', 'year', 'committed', 'indicative', 'expired', 'delivered']);
  for (const r of rows)
    ws.addRow(cols.map((c) => (numeric.has(c) && r[c] !== null && r[c] !== undefined ? Number(r[c]) : (r[c] ?? null))));
  cols.forEach((c, i) => {
    if (c === 'amount' || ['committed', 'indicative', 'expired', 'delivered'].includes(c))
      ws.getColumn(i + 1).numFmt = '#,##0.00';
  });
  const chain = wb.addWorksheet('chain');
  chain.addRow(['head_hash', 'count']).font = { bold: true };
  chain.addRow([head.head_hash, head.count]);
  await wb.xlsx.writeFile(file);
}

async function views(db: Db, values: Record<string, unknown>, io: Io, asOf: string) {
  const dir = dataDir(values, io);
  const rates = await loadRates(dir);
  if (!rates.table) throw new CliFailure(rates.issues.map(formatIssue).join('\n'));
  const force = new Map<string, ForceWindow>(
    (await listAgreements(db)).map((a) => [a.id, { start: a.in_force_from, end: a.in_force_until }]),
  );
  return coverage(await ledgerBuckets(db), rateIndex(rates.table), force, asOf);
}

function asOfOf(values: Record<string, unknown>): string {
  const v = str(values['as-of']) ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(v)) throw new UsageError(`--as-of: expected a date YYYY-MM-DD, found ${v}`);
  return v;
}

export const coverageCommand: Command = {
  name: ['coverage'],
  summary: 'capability x guarantor x year: committed, indicative, expired and delivered support (EUR)',
  help: `Usage: compact coverage [--year Y] [--as-of DATE] [--json] [--csv] [--xlsx FILE]
The coordination matrix the Ukraine Compact lacks. Amounts in EUR at the ECB annual average of each entry's
date year; multi-year amounts split evenly over their years, except that an amount the text states for a year
takes precedence over an even split of a larger fund. Expired = earmarked for a year after the agreement ends.
delivered "no data" = the ledger holds no delivery entry for the cell (unknown, not zero; a past year without
delivery data is not expired). --json adds predictability
(share of next year's support already committed) and burden share (% of GDP; where a year's GDP is not published,
the latest earlier cited value, named in gdp_year; null where none). --csv prints the cells; --xlsx FILE writes a
workbook with coverage, burden share and predictability, every ledger line's source and quote, and the method.
Example: compact coverage --year 2025 --xlsx coverage.xlsx`,
  options: {
    ...storeOptions,
    ...exportOptions,
    json: { type: 'boolean' },
    year: { type: 'string' },
    'as-of': { type: 'string' },
  },
  async run({ values }, io) {
    const year = str(values.year);
    if (year && !/^\d{4}$/.test(year)) throw new UsageError(`--year: expected a year such as 2025, found ${year}`);
    const asOf = asOfOf(values);
    return withLedger(values, io, async (db) => {
      const cov = await views(db, values, io, asOf);
      const gdp = await loadGdp(dataDir(values, io));
      if (!gdp.values) throw new CliFailure(gdp.issues.map(formatIssue).join('\n'));
      const cells = year ? cov.cells.filter((c) => c.year === Number(year)) : cov.cells;
      const head = await ledgerHead(db);
      const burden = burdenShare(cov, gdp.values);
      const quiet = await emitExport(values, io, async () => {
        const rates = await loadRates(dataDir(values, io));
        const cites: Cite[] = [];
        for await (const page of streamLedger(db))
          for (const e of page)
            cites.push({
              record: e.agreement_id ?? e.provider,
              source: e.source_url,
              cited_by: `ledger ${e.ref}`,
              quote: e.source_quote,
            });
        for (const b of burden)
          if (b.gdp_year !== null) {
            const g = gdp.values!.find((v) => v.party === b.party && v.year === b.gdp_year)!;
            cites.push({
              record: `GDP ${b.party} ${b.gdp_year}`,
              source: g.source,
              cited_by: `burden share ${b.party} ${b.year}`,
            });
          }
        return {
          sheets: coverageSheets(cov, cells, burden, predictability(cov)),
          sources: sourceRows(await readRegistry(db), cites),
          method: await methodOf(
            db,
            `coverage${year ? ` --year ${year}` : ''} --as-of ${asOf}`,
            asOf,
            [
              "EUR at the ECB annual average of each entry's date year (listed below); entries without a rate are left out and counted in the No rate sheet.",
              'Multi-year amounts are split evenly over their years, except that an amount the text states for a year takes precedence over an even split of a larger fund; parts within a fund are never added on top of it.',
              'Expired = earmarked for a year after the agreement ends. Delivered empty = no delivery entry in the ledger (no data, not zero); a past year without delivery data is not expired.',
              "Contributions through EU instruments are the EU's and are left out.",
              "Burden share: where the year's GDP is not published, the latest earlier cited value (GDP of year).",
            ],
            (rates.table?.rates ?? []).map((r) => ({
              currency: r.currency,
              year: r.year,
              rate: r.rate ?? 'not published',
              source: r.source,
            })),
          ),
        };
      });
      if (quiet) return 0;
      if (values.json)
        io.out(
          json({
            ...cov,
            cells,
            years: year ? [Number(year)] : cov.years,
            predictability: predictability(cov),
            burden_share: burden,
            ledger: head,
          }),
        );
      else
        io.out(
          `${table(
            cells.map((c) => ({ ...c, delivered: c.delivered ?? 'no data' })),
            ['capability', 'guarantor', 'year', 'committed', 'indicative', 'expired', 'delivered'],
          )}\n${cells.length} cell(s) as of ${asOf}; EUR; ${cov.no_rate.reduce((a, n) => a + n.entries, 0)} entr(ies) without a rate left out${trackerTable(cov.allocated, year ? Number(year) : null)}`,
        );
      return 0;
    });
  },
};

/** The tracker's allocations per guarantor and year, beside the pledges (they carry no capability). */
function trackerTable(rows: { guarantor: string; year: number; eur: string }[], year: number | null): string {
  const shown = rows.filter((r) => year === null || r.year === year);
  if (!shown.length) return '\n\nNo tracker release in the ledger: `compact flows import DIR` adds its allocations.';
  return `\n\nAllocated per the Kiel tracker (bilateral, EUR; no capability coded):\n${table(shown, ['guarantor', 'year', 'eur'])}`;
}

export const gapsCommand: Command = {
  name: ['gaps'],
  summary: 'compare stated needs per capability and year with committed and indicative support',
  help: `Usage: compact gaps --needs FILE.yaml [--as-of DATE] [--json]
FILE lists requirements per capability and year in EUR (format in docs/ledger.md; an illustrative example is
config/needs-example.yaml). Each row gives need, committed, indicative, delivered and the gaps.
Example: compact gaps --needs config/needs-example.yaml --json`,
  options: { ...storeOptions, json: { type: 'boolean' }, needs: { type: 'string' }, 'as-of': { type: 'string' } },
  async run({ values }, io) {
    const file = str(values.needs);
    if (!file) throw new UsageError('--needs FILE is required');
    const asOf = asOfOf(values);
    const n = await loadNeeds(file);
    if (!n.needs) throw new CliFailure(`${n.issues.map(formatIssue).join('\n')}\nfix the needs file and run again.`);
    return withLedger(values, io, async (db) => {
      const rows = gaps(await views(db, values, io, asOf), n.needs!);
      if (values.json) io.out(json({ as_of: asOf, illustrative: n.illustrative, rows }));
      else
        io.out(
          `${n.illustrative ? 'ILLUSTRATIVE needs file\n' : ''}${table(rows as unknown as Record<string, unknown>[], ['capability', 'year', 'need', 'committed', 'indicative', 'gap_committed', 'gap_with_indicative', 'covered_share'])}`,
        );
      return 0;
    });
  },
};

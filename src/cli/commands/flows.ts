// Tracker flows on the command line: import a release, list its revisions, donors, burden sharing, fulfilment.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkIdentities, type InputFile, parseRelease } from '../../core/flows/index.js';
import { formatIssue } from '../../core/issues.js';
import { rateIndex } from '../../core/ledger/index.js';
import { loadDailyRates } from '../../data/load-daily-rates.js';
import { loadRates } from '../../data/load-ledger-data.js';
import { importRelease, listImports, listRevisions } from '../../store/flows-store.js';
import { burdenReport, donorsReport, fulfilmentReport, NoReleaseError } from '../../store/flows-views.js';
import { ledgerHead } from '../../store/ledger-store.js';
import { type Command, csv, type Io, json, str, table, UsageError } from '../command.js';
import { CliFailure, dataDir, storeOptions } from '../context.js';
import { withLedger, writeXlsx } from './ledger-views.js';

/** The regular files of a release folder with their SHA-256. */
export function readReleaseDir(dir: string): InputFile[] {
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return { name, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
    });
}

function year(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (!/^\d{4}$/.test(s)) throw new UsageError(`--year: expected a year such as 2024, found ${s}`);
  return Number(s);
}

const party = (v: unknown) => str(v)?.toUpperCase();

async function withReport<T>(values: Record<string, unknown>, io: Io, fn: Parameters<typeof withLedger<T>>[2]) {
  try {
    return await withLedger(values, io, fn);
  } catch (e) {
    if (e instanceof NoReleaseError) throw new CliFailure(e.message);
    throw e;
  }
}

const importCmd: Command = {
  name: ['flows', 'import'],
  summary: 'import a Kiel Ukraine Support Tracker release (its folder of CSV files) into the ledger',
  help: `Usage: compact flows import DIR [--json]
Reads the tracker's files in DIR (release_info.csv, data_explorer.csv, total_allocations.csv; weapons.csv,
eu_aid_shares.csv, procurement_trends.csv when present), recognises each header among the versions known,
checks the identities of the release (kinds sum to the total per row; donors sum to total_allocations.csv per
month; per donor, allocations + still to be allocated = commitments) and appends, in one transaction:
allocations per donor x month x kind, commitments per donor x month, heavy weapons per donor x category and
system, each citing the release, file, SHA-256 and row. A cell that changed since the last import is appended
as a correction; the same files again append nothing.
Exit 2, writing nothing, on an unknown header or a broken identity (each named as file:line:column).
Example: compact flows import ../shared/data/kiel`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const dir = positionals[0];
    if (!dir) throw new UsageError('give the folder of the release, e.g. ../shared/data/kiel');
    const abs = resolve(io.cwd, dir);
    let files: InputFile[];
    try {
      files = readReleaseDir(abs);
    } catch (e) {
      throw new CliFailure(`${dir}: cannot read the folder (${(e as Error).message}); give the release's folder`);
    }
    const parsed = parseRelease(files);
    const issues = parsed.release ? checkIdentities(parsed.release) : parsed.issues;
    if (issues.length) {
      io.err(
        `${issues.map((i) => formatIssue({ ...i, file: i.file ? join(dir, i.file) : dir })).join('\n')}\n${issues.length} problem(s): nothing imported. The files are the tracker's: check that DIR holds one release as published, unedited.`,
      );
      return 2;
    }
    const rel = parsed.release!;
    io.err(
      `read release ${rel.info.release} (${rel.info.period}, dated ${rel.info.date}): ${rel.files.map((f) => `${f.name} [${f.form}, ${f.rows} rows]`).join(', ')}${rel.ignored.length ? `; not tracker files, ignored: ${rel.ignored.join(', ')}` : ''}`,
    );
    io.err('identities hold');
    return withLedger(values, io, async (db) => {
      const progress = (d: number, t: number) => io.err(`appending ${d}/${t}`);
      const r = await importRelease(db, rel, new Date().toISOString(), progress);
      if (!r.ok) {
        io.err(`${r.issues.map(formatIssue).join('\n')}\nnothing imported.`);
        return 2;
      }
      const head = r.head ?? (await ledgerHead(db));
      if (values.json) io.out(json({ release: rel.info, files: rel.files, ...r, changes: r.changes.length, head }));
      else if (r.unchanged_since)
        io.out(
          `nothing to import: these files were imported on ${r.unchanged_since.imported_at} (import ${r.unchanged_since.import_id}); the ledger is unchanged (${head.count} entries, head ${head.head_hash})`,
        );
      else
        io.out(
          `imported release ${rel.info.release} (${rel.info.period}) as import ${r.import_id}: ${r.appended - r.corrected} new entries, ${r.corrected} corrections${r.appended === 0 ? ' (every figure as already recorded: nothing appended)' : ''}; ledger has ${head.count} entries, head ${head.head_hash}`,
        );
      return 0;
    });
  },
};

const revisions: Command = {
  name: ['flows', 'revisions'],
  summary: 'list the tracker imports and every figure a later file corrected',
  help: `Usage: compact flows revisions [--json]
Each import (release, files with their SHA-256, entries appended and corrected) and each correction: the cell,
its figure before and after, when, and from which file and line.
Example: compact flows revisions --json`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    return withLedger(values, io, async (db) => {
      const imports = await listImports(db);
      const revs = await listRevisions(db);
      if (values.json) io.out(json({ imports, revisions: revs }));
      else {
        io.out(
          table(
            imports.map((i) => ({ ...i, files: i.files.map((f) => `${f.name}@${f.sha256.slice(0, 12)}`).join(' ') })),
            ['id', 'release', 'period', 'release_date', 'imported_at', 'appended', 'corrected', 'files'],
          ),
        );
        io.out(
          revs.length
            ? table(revs as unknown as Record<string, unknown>[], [
                'seq',
                'corrects',
                'from_amount',
                'to_amount',
                'from_quantity',
                'to_quantity',
                'release',
                'file',
                'line',
                'recorded_at',
              ])
            : 'no corrections: every import so far agreed with the figures already recorded',
        );
      }
      return 0;
    });
  },
};

const donors: Command = {
  name: ['flows', 'donors'],
  summary: "per donor: the tracker's allocations by kind, commitments, still to be allocated",
  help: `Usage: compact flows donors [--party P] [--year Y] [--monthly] [--json|--csv]
Bilateral allocations (EUR) per donor from the latest imported release; "with EU share" is shown beside the
bilateral total for EU members (whole history only) and never added into it.
Example: compact flows donors --year 2024 --json`,
  options: {
    ...storeOptions,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    party: { type: 'string' },
    year: { type: 'string' },
    monthly: { type: 'boolean' },
  },
  async run({ values }, io) {
    const f = { party: party(values.party), year: year(values.year) };
    return withReport(values, io, async (db) => {
      const r = await donorsReport(db, f);
      const rows = r.donors.map((d) => ({
        party: d.party,
        country: d.country,
        has_agreement: d.has_agreement,
        military: d.allocated.military,
        financial: d.allocated.financial,
        humanitarian: d.allocated.humanitarian,
        allocated: d.allocated.total,
        committed: d.committed,
        still_to_be_allocated: d.still_to_be_allocated,
        eu_share: d.eu_share,
        allocated_with_eu_share: d.allocated_with_eu_share,
      }));
      const cols = Object.keys(rows[0] ?? { party: 1 });
      if (values.json) io.out(json(values.monthly ? r : { ...r, donors: r.donors.map(({ monthly: _, ...d }) => d) }));
      else if (values.csv) io.out(csv(rows, cols));
      else io.out(`${table(rows, cols)}\nEUR; ${r.citation.text}. ${r.eu_boundary}`);
      return 0;
    });
  },
};

const burden: Command = {
  name: ['flows', 'burden'],
  summary: "allocations per donor and year as a share of its 2021 GDP (the tracker's gdp column)",
  help: `Usage: compact flows burden [--party P] [--json|--csv]
pct_gdp = the year's allocations / the donor's 2021 GDP (EUR bn, the tracker's own gdp column) x 100. EU
members' shares of EU-level aid (eu_aid_shares.csv) are listed beside, never added.
Example: compact flows burden --party DE`,
  options: { ...storeOptions, json: { type: 'boolean' }, csv: { type: 'boolean' }, party: { type: 'string' } },
  async run({ values }, io) {
    const p = party(values.party);
    return withReport(values, io, async (db) => {
      const r = await burdenReport(db);
      const rows = r.rows.filter((x) => !p || x.party === p);
      const cols = ['party', 'year', 'allocated', 'gdp_2021_bn', 'pct_gdp'];
      if (values.json) io.out(json({ ...r, rows, eu_shares: r.eu_shares.filter((x) => !p || x.party === p) }));
      else if (values.csv) io.out(csv(rows as unknown as Record<string, unknown>[], cols));
      else io.out(`${table(rows as unknown as Record<string, unknown>[], cols)}\n${r.citation.text}, column gdp`);
      return 0;
    });
  },
};

export const FULFILMENT_COLS = [
  'party',
  'pledge_ref',
  'kind',
  'period',
  'pledged',
  'currency',
  'pledged_eur',
  'rate',
  'committed',
  'allocated',
  'ratio',
  'caveats',
];

const fulfilmentCmd: Command = {
  name: ['fulfilment'],
  summary: "each agreement pledge with an amount and period against the tracker's allocations",
  help: `Usage: compact fulfilment [--party P] [--year Y] [--rates daily|annual] [--json|--csv|--xlsx FILE]
For every pledge stated in an agreement with an amount and a period: pledged (converted to EUR at the ECB rate of
its date, or with --rates annual at its year's average), the tracker's commitments of the donor in the period
(all kinds), its allocations of the same kind in the period, allocated/pledged, and the caveats of the comparison.
Pledges with no period are listed as not comparable. Needs an imported release (compact flows import DIR).
Example: compact fulfilment --party GB --year 2024`,
  options: {
    ...storeOptions,
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    xlsx: { type: 'string' },
    party: { type: 'string' },
    year: { type: 'string' },
    rates: { type: 'string' },
  },
  async run({ values }, io) {
    const basis = str(values.rates) ?? 'daily';
    if (basis !== 'daily' && basis !== 'annual')
      throw new UsageError(`--rates: expected daily or annual, found ${basis}`);
    const f = { party: party(values.party), year: year(values.year) };
    const dir = dataDir(values, io);
    const [daily, annual] = await Promise.all([loadDailyRates(dir), loadRates(dir)]);
    if (!daily.daily || !annual.table)
      throw new CliFailure([...daily.issues, ...annual.issues].map(formatIssue).join('\n'));
    return withReport(values, io, async (db) => {
      const r = await fulfilmentReport(db, { basis, daily: daily.daily!, annual: rateIndex(annual.table!) }, f);
      const rows = r.rows.map((x) => ({
        party: x.party,
        pledge_ref: x.pledge_ref,
        kind: x.kind,
        period: x.period.from === x.period.to ? `${x.period.from}` : `${x.period.from}-${x.period.to}`,
        pledged: x.pledged.amount,
        currency: x.pledged.currency,
        pledged_eur: x.pledged_eur,
        rate: x.rate?.value ? `${x.rate.value} (${x.rate.fixing_date ?? x.rate.basis})` : x.rate ? 'EUR' : 'no rate',
        committed: x.committed,
        allocated: x.allocated,
        ratio: x.ratio,
        caveats: x.caveats.map((c) => c.code).join(' '),
      }));
      if (str(values.xlsx)) {
        await writeXlsx(str(values.xlsx)!, 'fulfilment', rows, FULFILMENT_COLS, await ledgerHead(db));
        io.err(`wrote ${rows.length} rows to ${str(values.xlsx)}`);
      }
      if (values.json) io.out(json(r));
      else if (values.csv) io.out(csv(rows, FULFILMENT_COLS));
      else if (!str(values.xlsx))
        io.out(
          `${table(rows, FULFILMENT_COLS)}\n${rows.length} pledge(s) compared, ${r.not_comparable.length} not comparable (no period or amount). EUR; allocations: ${r.citation.text}; rates: ECB reference rates (${basis}), last fixing ${r.rates.last_fixing}.`,
        );
      return 0;
    });
  },
};

export const flowsCommands: Command[] = [importCmd, revisions, donors, burden, fulfilmentCmd];

// Reads a tracker release (the files' text and checksums) into typed rows: exact amounts, each row with its line.
import type { Issue } from '../issues.js';
import { parseCsv } from '../ledger/csv-parse.js';
import { isDecimal, scaledMinor } from '../ledger/money.js';
import { partyOfDonor } from './donors.js';
import { type FileForm, type FlowFile, isFlowFile, REQUIRED_FILES, recogniseHeader } from './forms.js';

/** One file as the adapter read it: its text and the SHA-256 of its bytes. */
export interface InputFile {
  name: string;
  text: string;
  sha256: string;
}

export interface ReleaseInfo {
  release: string;
  period: string;
  date: string;
  label: string;
}

/** Where a figure comes from: the file, its checksum and the row (line number and the line verbatim). */
export interface RowRef {
  file: FlowFile;
  sha256: string;
  line: number;
  raw: string;
}

/** Amounts are EUR hundredths (bigint), converted exactly from the files' EUR billion. */
export interface DonorMonth extends RowRef {
  country: string;
  iso: string;
  party: string;
  year: number;
  month: number;
  total: bigint;
  financial: bigint;
  humanitarian: bigint;
  military: bigint;
  commitments: bigint | null;
  to_be_allocated: bigint | null;
  /** The donor's 2021 GDP, EUR bn, as published. */
  gdp: string;
  pct_gdp: string;
}

export interface MonthTotal extends RowRef {
  year: number;
  month: number;
  total: bigint;
  military: bigint;
  financial: bigint;
  humanitarian: bigint;
}

export interface WeaponsRow extends RowRef {
  donor: string;
  party: string;
  category: string;
  count: number;
  value_eur: bigint;
  systems: { name: string; count: number }[];
}

export interface EuShareRow extends RowRef {
  country: string;
  iso: string;
  party: string;
  bilateral_pct_gdp: string;
  eu_share_pct_gdp: string;
  total_pct_gdp: string;
  eu_share: bigint;
}

export interface ProcurementRow extends RowRef {
  year: number;
  month: number;
  stockpile: string;
  procurement: string;
  unspecified: string;
  nato_purl: string;
}

export interface ParsedRelease {
  info: ReleaseInfo;
  files: { name: FlowFile; sha256: string; form: string; rows: number }[];
  /** Files in the folder that are not tracker files (README and the like): listed, not read. */
  ignored: string[];
  donorMonths: DonorMonth[];
  monthTotals: MonthTotal[];
  weapons: WeaponsRow[];
  euShares: EuShareRow[];
  procurement: ProcurementRow[];
}

const BN = 9; // EUR billion to EUR

interface Cursor {
  file: FlowFile;
  sha256: string;
  form: FileForm;
  line: number;
  raw: string;
  fields: string[];
  issues: Issue[];
}

function cell(c: Cursor, col: string): { value: string; column: number } | null {
  const i = c.form.columns.indexOf(col);
  return i < 0 ? null : { value: c.fields[i] ?? '', column: i + 1 };
}

function fail(c: Cursor, column: number, col: string, message: string, expected: string, found: string) {
  c.issues.push({ code: 'schema', path: [col], file: c.file, line: c.line, column, message, expected, found });
}

function int(c: Cursor, col: string, min: number, max: number): number {
  const x = cell(c, col)!;
  const n = /^\d{1,6}$/.test(x.value) ? Number(x.value) : Number.NaN;
  if (!(n >= min && n <= max)) fail(c, x.column, col, 'not a whole number in range', `${min}-${max}`, x.value);
  return n;
}

function bn(c: Cursor, col: string, power = BN): bigint {
  const x = cell(c, col)!;
  const v = scaledMinor(x.value, power);
  if (v === null)
    fail(
      c,
      x.column,
      col,
      isDecimal(x.value) ? 'finer than a euro cent: cannot be held exactly' : 'not a plain decimal number',
      power === BN ? 'EUR billion, e.g. 0.002645' : 'EUR, e.g. 28672479',
      x.value,
    );
  return v ?? 0n;
}

function dec(c: Cursor, col: string): string {
  const x = cell(c, col)!;
  if (!isDecimal(x.value)) fail(c, x.column, col, 'not a plain decimal number', 'e.g. 1312.77', x.value);
  return x.value;
}

function text(c: Cursor, col: string): string {
  const x = cell(c, col)!;
  if (x.value.trim() === '') fail(c, x.column, col, 'empty', 'a value', 'nothing');
  return x.value;
}

function party(c: Cursor, col: string, iso: string): string {
  const p = partyOfDonor(iso);
  if (!p) fail(c, cell(c, col)!.column, col, 'unknown donor code', 'ISO 3166-1 alpha-3 or EU', iso);
  return p ?? iso;
}

/** "CAESAR artillery howitzer (19); Bohdana self-propelled howitzer (18)" → systems with counts. */
export function parseSystems(list: string): { name: string; count: number }[] | null {
  if (list.trim() === '') return [];
  const out: { name: string; count: number }[] = [];
  for (const part of list.split('; ')) {
    const m = /^(.*\S)\s*\((\d+)\)$/.exec(part.trim());
    if (!m) return null;
    out.push({ name: m[1]!, count: Number(m[2]) });
  }
  return out;
}

/**
 * Parses every tracker file in `files`. Unknown headers, missing required files and bad values come back as
 * issues naming file, line and column; then nothing else is returned.
 */
export function parseRelease(files: InputFile[]): { release?: ParsedRelease; issues: Issue[] } {
  const issues: Issue[] = [];
  const byName = new Map(files.filter((f) => isFlowFile(f.name)).map((f) => [f.name as FlowFile, f]));
  for (const req of REQUIRED_FILES)
    if (!byName.has(req))
      issues.push({
        code: 'not_found',
        path: [req],
        file: req,
        message: `a release needs ${req}`,
        expected: REQUIRED_FILES.join(', '),
        found: [...byName.keys()].join(', ') || 'no tracker file',
      });
  if (issues.length) return { issues };
  const out: ParsedRelease = {
    info: { release: '', period: '', date: '', label: '' },
    files: [],
    ignored: files.filter((f) => !isFlowFile(f.name)).map((f) => f.name),
    donorMonths: [],
    monthTotals: [],
    weapons: [],
    euShares: [],
    procurement: [],
  };
  const countryIso = new Map<string, string>();
  // data_explorer first: weapons.csv names donors by country, mapped through data_explorer's country → iso.
  const order: FlowFile[] = [
    'release_info.csv',
    'data_explorer.csv',
    'total_allocations.csv',
    'weapons.csv',
    'eu_aid_shares.csv',
    'procurement_trends.csv',
  ];
  for (const name of order) {
    const f = byName.get(name);
    if (!f) continue;
    const parsed = parseCsv(f.text);
    if (parsed.issues.length) {
      issues.push(...parsed.issues.map((i) => ({ ...i, file: name })));
      continue;
    }
    const [head, ...records] = parsed.records;
    const rec = recogniseHeader(name, head?.fields ?? []);
    if ('issue' in rec) {
      issues.push(rec.issue);
      continue;
    }
    out.files.push({ name, sha256: f.sha256, form: rec.form.form, rows: records.length });
    const lines = f.text.split(/\r?\n/);
    for (const r of records) {
      const c: Cursor = {
        file: name,
        sha256: f.sha256,
        form: rec.form,
        line: r.line,
        raw: lines[r.line - 1] ?? '',
        fields: r.fields,
        issues,
      };
      if (r.fields.length !== rec.form.columns.length) {
        fail(
          c,
          Math.min(r.fields.length, rec.form.columns.length) + 1,
          'row',
          'wrong number of fields',
          `${rec.form.columns.length}`,
          `${r.fields.length}`,
        );
        continue;
      }
      const ref: RowRef = { file: name, sha256: f.sha256, line: r.line, raw: c.raw };
      if (name === 'release_info.csv') {
        out.info = {
          release: text(c, 'release'),
          period: text(c, 'period'),
          date: text(c, 'date'),
          label: text(c, 'label'),
        };
        if (!/^\d{4}-\d{2}-\d{2}$/.test(out.info.date))
          fail(c, cell(c, 'date')!.column, 'date', 'not a date', 'YYYY-MM-DD', out.info.date);
      } else if (name === 'data_explorer.csv') {
        const iso = text(c, 'iso');
        const country = text(c, 'country');
        countryIso.set(country, iso);
        out.donorMonths.push({
          ...ref,
          country,
          iso,
          party: party(c, 'iso', iso),
          year: int(c, 'year', 2000, 2100),
          month: int(c, 'month', 1, 12),
          total: bn(c, 'total'),
          financial: bn(c, 'financial'),
          humanitarian: bn(c, 'humanitarian'),
          military: bn(c, 'military'),
          commitments: cell(c, 'commitments') ? bn(c, 'commitments') : null,
          to_be_allocated: cell(c, 'to_be_allocated') ? bn(c, 'to_be_allocated') : null,
          gdp: dec(c, 'gdp'),
          pct_gdp: dec(c, 'pct_gdp'),
        });
      } else if (name === 'total_allocations.csv') {
        out.monthTotals.push({
          ...ref,
          year: int(c, 'year', 2000, 2100),
          month: int(c, 'month', 1, 12),
          total: bn(c, 'total_allocations'),
          military: bn(c, 'military'),
          financial: bn(c, 'financial'),
          humanitarian: bn(c, 'humanitarian'),
        });
      } else if (name === 'weapons.csv') {
        const donor = text(c, 'donor');
        const iso = countryIso.get(donor);
        if (!iso)
          fail(c, 1, 'donor', 'a donor data_explorer.csv does not name', 'a country of data_explorer.csv', donor);
        const list = cell(c, 'weapons_list')!;
        const systems = parseSystems(list.value);
        if (!systems)
          fail(c, list.column, 'weapons_list', 'not a list of systems with counts', '"name (n); name (n)"', list.value);
        out.weapons.push({
          ...ref,
          donor,
          party: iso ? party(c, 'donor', iso) : donor,
          category: text(c, 'category'),
          count: int(c, 'number_of_weapons', 0, 999999),
          value_eur: bn(c, 'monetary_value_eur', 0),
          systems: systems ?? [],
        });
      } else if (name === 'eu_aid_shares.csv') {
        const iso = text(c, 'iso');
        out.euShares.push({
          ...ref,
          country: text(c, 'country'),
          iso,
          party: party(c, 'iso', iso),
          bilateral_pct_gdp: dec(c, 'bilateral_pct_gdp'),
          eu_share_pct_gdp: dec(c, 'eu_share_pct_gdp'),
          total_pct_gdp: dec(c, 'total_pct_gdp'),
          eu_share: bn(c, 'eu_share_bn'),
        });
      } else {
        out.procurement.push({
          ...ref,
          year: int(c, 'year', 2000, 2100),
          month: int(c, 'month', 1, 12),
          stockpile: dec(c, 'stockpile'),
          procurement: dec(c, 'procurement'),
          unspecified: dec(c, 'unspecified'),
          nato_purl: dec(c, 'nato_purl'),
        });
      }
    }
  }
  return issues.length ? { issues } : { release: out, issues };
}

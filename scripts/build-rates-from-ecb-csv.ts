// One-off builder (kept as provenance): turns rows of the ECB's eurofxref-hist.csv into the annual-average table
// data/rates/ecb-annual.yaml. Run: node --import tsx scripts/build-rates-from-ecb-csv.ts [rows.csv] [--out file]
//
// Input: rows copied verbatim (header + daily rows, newest first) from a public GitHub copy of the ECB file
// https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip; the copy used is DERIVED_FROM below and the rows
// are kept in data/rates/sources/. Each annual average is the arithmetic mean of the year's daily reference
// rates (the ECB's definition of its annual averages), computed in exact decimal arithmetic and rounded half up
// to 5 significant digits. A year the copy does not reach stays null; a year it covers only in part is marked
// partial and its note gives the last date. Nothing is typed by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outFile = outIdx >= 0 ? args[outIdx + 1]! : join(root, 'data/rates/ecb-annual.yaml');
const inFile =
  args.find((a, i) => !a.startsWith('--') && i !== outIdx + 1) ??
  join(root, 'data/rates/sources/eurofxref-hist.2022-01-03_2025-05-09.csv');

const SOURCE = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip';
const DERIVED_FROM =
  'https://github.com/h0tbird/eurofxref/blob/1be77cd409e46895ef4ae634e3aabec682cbfeab/eurofxref-hist.csv';
/** Last date in that copy (its first data row): a later date cannot be in it. */
const COPY_ENDS = '2025-05-09';
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
const rows = lines.slice(1).map((l) => l.split(','));
for (const r of rows) {
  if (r.length !== header.length) throw new Error(`row ${r[0]} has ${r.length} fields, header has ${header.length}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(r[0]!)) throw new Error(`bad date ${r[0]}`);
}
if (rows[0]![0] !== COPY_ENDS) throw new Error(`expected the copy's first row to be ${COPY_ENDS}, got ${rows[0]![0]}`);

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
    const partial = y === 2026 || COPY_ENDS < `${y}-12-31`;
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
    const part = partial ? `; PARTIAL YEAR: the copy ends ${COPY_ENDS}, so this is not the full-year average` : '';
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
  '# read from a public GitHub copy (derived_from in each note; rows kept in data/rates/sources/). Each value is the',
  '# arithmetic mean of the daily rates of the year, rounded half up to 5 significant digits. The copy ends 2025-05-09:',
  '# the 2025 rows are partial (January to 9 May only, not the full-year average) and 2026 is null. Do not edit by hand;',
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
writeFileSync(outFile, `${out.join('\n')}\n`);
const table = CURRENCIES.map((c) =>
  [c, ...YEARS.map((y) => entries.find((e) => e.currency === c && e.year === y)!.rate ?? 'null')].join('\t'),
);
console.log(['CUR', ...YEARS].join('\t'));
console.log(table.join('\n'));
console.log(`wrote ${entries.length} rates to ${outFile}`);

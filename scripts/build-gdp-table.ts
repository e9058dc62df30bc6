// One-off builder (kept as provenance): fills data/gdp/gdp-eur.yaml from a stored, citable GDP table.
// Run: node --import tsx scripts/build-gdp-table.ts   (after scripts/build-rates-from-ecb-csv.ts)
//
// Source: World Bank, GDP (current US$), indicator NY.GDP.MKTP.CD, as carried by the datasets/gdp repository
// (data/top-economies.csv, values in trillions of US$ to 4 decimals, i.e. rounded to the nearest 100 million US$).
// The rows used are kept verbatim in data/gdp/sources/. That copy reaches 2023 and covers only the largest
// economies, so only those guarantors and years are filled; every other row keeps its null.
// The table is in EUR: EUR = USD / (ECB annual average USD per EUR of the same year, from data/rates/ecb-annual.yaml),
// in exact integer arithmetic, rounded half up to whole euros. Rows of other parties/years are left as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const gdpFile = join(root, 'data/gdp/gdp-eur.yaml');
const srcFile = join(root, 'data/gdp/sources/datasets-gdp-top-economies.2022-2023.csv');
const ratesFile = join(root, 'data/rates/ecb-annual.yaml');

const SOURCE = 'https://data.worldbank.org/indicator/NY.GDP.MKTP.CD';
const DERIVED_FROM =
  'https://github.com/datasets/gdp/blob/635b071b43d0c83388128baeb9f4cc7279467d47/data/top-economies.csv';
const CODE: Record<string, string> = {
  'United States': 'US',
  Germany: 'DE',
  Japan: 'JP',
  'United Kingdom': 'GB',
  France: 'FR',
  Italy: 'IT',
  Canada: 'CA',
};

type Row = { party: string; year: number; gdp_eur: string | null; source: string; note: string | null };
const doc = parse(readFileSync(gdpFile, 'utf8')) as { values: Row[] };
const rates = (
  parse(readFileSync(ratesFile, 'utf8')) as {
    rates: { currency: string; year: number; rate: string | null; partial: boolean }[];
  }
).rates;

function scaled(s: string, decimals: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2] ?? '').length > decimals) throw new Error(`bad decimal ${s}`);
  return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt(((m[2] ?? '') + '0'.repeat(decimals)).slice(0, decimals));
}

const lines = readFileSync(srcFile, 'utf8').trim().split('\n');
if (lines[0] !== 'country,year,gdp_trillion') throw new Error('unexpected header');
const filled: Row[] = [];
for (const l of lines.slice(1)) {
  const [country, yearS, tr] = l.split(',');
  const party = CODE[country!];
  if (!party) continue;
  const year = Number(yearS);
  const r = rates.find((x) => x.currency === 'USD' && x.year === year);
  if (!r || r.rate === null || r.partial) throw new Error(`no full-year USD rate for ${year}`);
  const usd = scaled(tr!, 4) * 10n ** 8n; // trillions (4 decimals) -> whole US$
  const rate = scaled(r.rate, 8); // USD per EUR, 8 decimals
  const eur = (2n * usd * 10n ** 8n + rate) / (2n * rate); // usd / (rate/1e8), half up
  filled.push({
    party,
    year,
    gdp_eur: eur.toString(),
    source: SOURCE,
    note:
      `derived_from: ${DERIVED_FROM} (World Bank GDP, current US$: ${tr} trillion, rounded there to 4 decimals); ` +
      `method: converted to EUR at the ECB annual average ${r.rate} USD per EUR for ${year} (data/rates/ecb-annual.yaml), EUR = USD / rate, rounded to whole euros`,
  });
}

const byKey = new Map(doc.values.map((v) => [`${v.party}|${v.year}`, v]));
for (const f of filled) byKey.set(`${f.party}|${f.year}`, f);
const values = [...byKey.values()].sort((a, b) => (a.party === b.party ? a.year - b.year : a.party < b.party ? -1 : 1));

const out = [
  '# Gross domestic product of the guarantors at current prices in EUR, for burden-share views (% of GDP).',
  '# Filled values come from World Bank GDP (current US$, NY.GDP.MKTP.CD) as stored in the datasets/gdp repository',
  '# (derived_from in each note), converted to EUR at the ECB annual average USD rate of the same year by',
  '# scripts/build-gdp-table.ts; that copy reaches 2023 and covers only the largest economies. Every other value is',
  '# null (no citable copy was found when the table was built): burden share then reports null rather than a guess.',
  '# Null rows cite the table a value should come from (Eurostat nama_10_gdp B1GQ CP_MEUR, or the IMF WEO for non-EU',
  '# states). Values are full euros as quoted strings.',
  'schema_version: 1',
  'description: GDP at current prices, EUR',
  'unit: EUR, current prices',
  'values:',
];
/** A YAML scalar: plain where that is unambiguous, JSON-quoted otherwise. */
const scalar = (s: string) => (/^[A-Za-z][\w ,.()/-]*$/.test(s) ? s : JSON.stringify(s));
for (const v of values) {
  out.push(
    `  - party: ${v.party}`,
    `    year: ${v.year}`,
    `    gdp_eur: ${v.gdp_eur === null ? 'null' : JSON.stringify(v.gdp_eur)}`,
    `    source: ${v.source}`,
    `    note: ${v.note === null ? 'null' : scalar(v.note)}`,
  );
}
writeFileSync(gdpFile, `${out.join('\n')}\n`);
for (const f of filled) console.log(`${f.party} ${f.year} ${f.gdp_eur}`);
console.log(`filled ${filled.length} of ${values.length} rows in ${gdpFile}`);

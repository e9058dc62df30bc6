// The parties file: every state, union and organisation the registry names, with NATO and EU membership dates.
import type { Obj } from './source-book.js';

const NATO: Record<string, string> = {
  BE: '1949-08-24',
  CA: '1949-08-24',
  DK: '1949-08-24',
  FR: '1949-08-24',
  IS: '1949-08-24',
  IT: '1949-08-24',
  LU: '1949-08-24',
  NL: '1949-08-24',
  NO: '1949-08-24',
  PT: '1949-08-24',
  GB: '1949-08-24',
  US: '1949-08-24',
  GR: '1952-02-18',
  TR: '1952-02-18',
  DE: '1955-05-06',
  ES: '1982-05-30',
  CZ: '1999-03-12',
  HU: '1999-03-12',
  PL: '1999-03-12',
  BG: '2004-03-29',
  EE: '2004-03-29',
  LV: '2004-03-29',
  LT: '2004-03-29',
  RO: '2004-03-29',
  SK: '2004-03-29',
  SI: '2004-03-29',
  AL: '2009-04-01',
  HR: '2009-04-01',
  ME: '2017-06-05',
  MK: '2020-03-27',
  FI: '2023-04-04',
  SE: '2024-03-07',
};
const EU: Record<string, string> = {
  BE: '1958-01-01',
  FR: '1958-01-01',
  DE: '1958-01-01',
  IT: '1958-01-01',
  LU: '1958-01-01',
  NL: '1958-01-01',
  DK: '1973-01-01',
  IE: '1973-01-01',
  GR: '1981-01-01',
  ES: '1986-01-01',
  PT: '1986-01-01',
  AT: '1995-01-01',
  FI: '1995-01-01',
  SE: '1995-01-01',
  CZ: '2004-05-01',
  EE: '2004-05-01',
  CY: '2004-05-01',
  LV: '2004-05-01',
  LT: '2004-05-01',
  HU: '2004-05-01',
  MT: '2004-05-01',
  PL: '2004-05-01',
  SK: '2004-05-01',
  SI: '2004-05-01',
  BG: '2007-01-01',
  RO: '2007-01-01',
  HR: '2013-07-01',
};
const NAMES: Record<string, string> = {
  UA: 'Ukraine',
  RU: 'Russian Federation',
  BY: 'Belarus',
  CN: 'China',
  AU: 'Australia',
  KR: 'Republic of Korea',
  TR: 'Türkiye',
  AT: 'Austria',
  HU: 'Hungary',
  SK: 'Slovakia',
  BG: 'Bulgaria',
  ME: 'Montenegro',
  MK: 'North Macedonia',
  XK: 'Kosovo',
  CY: 'Cyprus',
  MT: 'Malta',
  NZ: 'New Zealand',
};

export function buildParties(agreements: Obj[]): Obj {
  const names = new Map<string, string>(Object.entries(NAMES));
  for (const a of agreements)
    if (!names.has(a.partner as string)) names.set(a.partner as string, a.partner_name as string);
  for (const c of [...Object.keys(NATO), ...Object.keys(EU)]) if (!names.has(c)) names.set(c, c);
  const parties = [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({
      code,
      name: code === 'EU' ? 'European Union' : name,
      kind: code === 'EU' ? 'union' : 'state',
      nato_member_since: NATO[code] ?? null,
      eu_member_since: EU[code] ?? null,
      source:
        code === 'EU'
          ? 'eu-countries'
          : NATO[code]
            ? 'nato-members'
            : EU[code]
              ? 'eu-countries'
              : code === 'XK'
                ? 'iso-user-assigned'
                : 'iso-3166',
    }));
  return {
    schema_version: 1,
    sources: [
      {
        id: 'iso-3166',
        url: 'https://www.iso.org/iso-3166-country-codes.html',
        title: 'ISO 3166 Country Codes',
        publisher: 'ISO',
        date: null,
        quote: null,
      },
      {
        id: 'iso-user-assigned',
        url: 'https://www.iso.org/iso-3166-country-codes.html',
        title: 'ISO 3166: XK is a user-assigned code widely used for Kosovo',
        publisher: 'ISO',
        date: null,
        quote: null,
      },
      {
        id: 'nato-members',
        url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm',
        title: 'NATO member countries (dates of accession)',
        publisher: 'NATO',
        date: null,
        quote: null,
      },
      {
        id: 'eu-countries',
        url: 'https://european-union.europa.eu/principles-countries-history/eu-countries_en',
        title: 'EU countries (years of accession)',
        publisher: 'European Union',
        date: null,
        quote: null,
      },
    ],
    parties,
  };
}

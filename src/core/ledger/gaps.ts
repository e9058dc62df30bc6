// Gaps against stated needs, predictability of next year's support, and burden share against GDP.
import type { Capability } from '../taxonomy.js';
import type { Coverage } from './coverage.js';
import { fromMinor, ratio, toMinor } from './money.js';

/** One requirement: EUR needed for a capability in a year (amount an exact decimal string). */
export interface Need {
  capability: Capability | 'unassigned';
  year: number;
  amount_eur: string;
  note: string | null;
}

export interface GapRow {
  capability: string;
  year: number;
  need: string;
  committed: string;
  indicative: string;
  /** null when no delivery is recorded for the capability and year (no data, not zero). */
  delivered: string | null;
  /** need - committed (positive = uncovered). */
  gap_committed: string;
  /** need - committed - indicative. */
  gap_with_indicative: string;
  /** committed / need, four decimals; null when the need is zero. */
  covered_share: string | null;
}

/** Compares each need with the guarantors' committed and indicative amounts for its capability and year. */
export function gaps(cov: Coverage, needs: Need[]): GapRow[] {
  const sum = new Map<string, { committed: bigint; indicative: bigint; delivered: bigint; deliveries: number }>();
  for (const c of cov.cells) {
    const k = `${c.capability}|${c.year}`;
    const s = sum.get(k) ?? { committed: 0n, indicative: 0n, delivered: 0n, deliveries: 0 };
    s.committed += toMinor(c.committed);
    s.indicative += toMinor(c.indicative);
    if (c.delivered !== null) {
      s.delivered += toMinor(c.delivered);
      s.deliveries++;
    }
    sum.set(k, s);
  }
  return needs.map((n) => {
    const s = sum.get(`${n.capability}|${n.year}`) ?? { committed: 0n, indicative: 0n, delivered: 0n, deliveries: 0 };
    const need = toMinor(n.amount_eur);
    return {
      capability: n.capability,
      year: n.year,
      need: fromMinor(need),
      committed: fromMinor(s.committed),
      indicative: fromMinor(s.indicative),
      delivered: s.deliveries ? fromMinor(s.delivered) : null,
      gap_committed: fromMinor(need - s.committed),
      gap_with_indicative: fromMinor(need - s.committed - s.indicative),
      covered_share: ratio(s.committed, need),
    };
  });
}

export interface PredictabilityRow {
  guarantor: string;
  year: number;
  committed: string;
  indicative: string;
  /** committed / (committed + indicative) for the year; null when nothing is planned. */
  committed_share: string | null;
}

/** Share of next year's (asOf year + 1) planned support already committed, per guarantor and overall (`*`). */
export function predictability(cov: Coverage): PredictabilityRow[] {
  const next = Number(cov.as_of.slice(0, 4)) + 1;
  const acc = new Map<string, { c: bigint; i: bigint }>();
  for (const cell of cov.cells.filter((x) => x.year === next)) {
    for (const g of [cell.guarantor, '*']) {
      const a = acc.get(g) ?? { c: 0n, i: 0n };
      a.c += toMinor(cell.committed);
      a.i += toMinor(cell.indicative);
      acc.set(g, a);
    }
  }
  return [...acc]
    .sort(([a], [b]) => (a === '*' ? 1 : b === '*' ? -1 : a.localeCompare(b)))
    .map(([guarantor, a]) => ({
      guarantor,
      year: next,
      committed: fromMinor(a.c),
      indicative: fromMinor(a.i),
      committed_share: ratio(a.c, a.c + a.i),
    }));
}

/** GDP of a party in a year, in EUR (exact decimal string) or null where no cited value was found. */
export interface GdpValue {
  party: string;
  year: number;
  gdp_eur: string | null;
  source: string;
}

export interface BurdenRow {
  party: string;
  year: number;
  planned_eur: string;
  gdp_eur: string | null;
  /** The year of the GDP value used: the same year, else the latest earlier year with a cited value. */
  gdp_year: number | null;
  /** planned / GDP in per cent, four decimals; null without a GDP value for that year or an earlier one. */
  percent_of_gdp: string | null;
}

/**
 * Planned support (committed + indicative, not expired) as a share of each guarantor's GDP in that year. Where the
 * year's GDP is not (yet) published, the latest earlier cited value is used and named in `gdp_year`, so a reader
 * sees "2024 support against 2023 GDP" rather than a blank; with no value at all the share stays null.
 */
export function burdenShare(cov: Coverage, gdp: GdpValue[]): BurdenRow[] {
  const byParty = new Map<string, { year: number; gdp: string }[]>();
  for (const v of gdp)
    if (v.gdp_eur !== null) byParty.set(v.party, [...(byParty.get(v.party) ?? []), { year: v.year, gdp: v.gdp_eur }]);
  const gdpFor = (party: string, year: number) =>
    (byParty.get(party) ?? []).filter((v) => v.year <= year).sort((a, b) => b.year - a.year)[0] ?? null;
  const acc = new Map<string, bigint>();
  for (const c of cov.cells) {
    const k = `${c.guarantor}|${c.year}`;
    acc.set(k, (acc.get(k) ?? 0n) + toMinor(c.committed) + toMinor(c.indicative));
  }
  return [...acc]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, planned]) => {
      const [party, year] = k.split('|') as [string, string];
      const used = gdpFor(party, Number(year));
      return {
        party,
        year: Number(year),
        planned_eur: fromMinor(planned),
        gdp_eur: used?.gdp ?? null,
        gdp_year: used?.year ?? null,
        percent_of_gdp: used === null ? null : ratio(planned * 100n, toMinor(used.gdp)),
      };
    });
}

// What the tracker's figures say per donor: allocated, committed, still to be allocated, monthly series, yearly
// totals, and allocations as a share of the donor's 2021 GDP; EU shares shown beside, never added.
import { fromMinor, ratio, scaledMinor, toMinor } from '../ledger/money.js';
import type { SupportKind } from '../ledger/types.js';
import { TRACKER_URL } from './cells.js';
import type { ReleaseInfo } from './parse.js';

/** Effective tracker figures per donor, month, type and kind (summed by the store). Amounts EUR, two decimals. */
export interface FlowMonth {
  provider: string;
  year: number;
  month: number;
  type: 'allocation' | 'commitment';
  kind: SupportKind;
  amount: string;
}

export interface FlowReleaseFacts {
  release: ReleaseInfo;
  files: { name: string; sha256: string; form: string; rows: number }[];
  imported_at: string;
  donors: { party: string; iso: string; country: string; gdp_2021_bn: string; line: number }[];
  eu_shares: {
    party: string;
    country: string;
    bilateral_pct_gdp: string;
    eu_share_pct_gdp: string;
    total_pct_gdp: string;
    eu_share: string;
    line: number;
  }[];
}

/** The citation to show with any figure from the tracker. */
export interface TrackerCitation {
  text: string;
  url: string;
  release: string;
  period: string;
  date: string;
  file: string;
  sha256: string | null;
}

export function trackerCitation(f: FlowReleaseFacts, file = 'data_explorer.csv'): TrackerCitation {
  const sha = f.files.find((x) => x.name === file)?.sha256 ?? null;
  return {
    text: `Kiel Institute for the World Economy, Ukraine Support Tracker, Release ${f.release.release} (${f.release.period}), dated ${f.release.date}, file ${file}`,
    url: TRACKER_URL,
    release: f.release.release,
    period: f.release.period,
    date: f.release.date,
    file,
    sha256: sha,
  };
}

const KINDS = ['military', 'financial', 'humanitarian'] as const;

export interface KindAmounts {
  military: string;
  financial: string;
  humanitarian: string;
  total: string;
}

export interface DonorFlows {
  party: string;
  country: string | null;
  /** False for donors party to no agreement in the registry (kept as providers without an agreement). */
  has_agreement: boolean;
  allocated: KindAmounts;
  /** All kinds: the tracker's commitments are not split by kind. */
  committed: string | null;
  /** committed − allocated over the donor's whole history, never below zero (the tracker's own clamping). */
  still_to_be_allocated: string | null;
  first_month: string | null;
  last_month: string | null;
  /** EU members: its share of EU-level aid, shown beside the bilateral figures and never added to them. */
  eu_share: string | null;
  allocated_with_eu_share: string | null;
  monthly: { month: string; military: string; financial: string; humanitarian: string; committed: string | null }[];
}

type Acc = { military: bigint; financial: bigint; humanitarian: bigint };
const zero = (): Acc => ({ military: 0n, financial: 0n, humanitarian: 0n });
const kinds = (a: Acc): KindAmounts => ({
  military: fromMinor(a.military),
  financial: fromMinor(a.financial),
  humanitarian: fromMinor(a.humanitarian),
  total: fromMinor(a.military + a.financial + a.humanitarian),
});
const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

function addKind(a: Acc, kind: SupportKind, v: bigint) {
  if (kind === 'military' || kind === 'financial' || kind === 'humanitarian') a[kind] += v;
}

/** Per donor (optionally one year): allocated by kind, committed, still to be allocated, monthly series. */
export function donorFlows(
  months: FlowMonth[],
  facts: FlowReleaseFacts | null,
  withAgreement: Set<string>,
  opts: { year?: number; party?: string } = {},
): DonorFlows[] {
  const by = new Map<
    string,
    { alloc: Acc; com: bigint; hasCom: boolean; monthly: Map<string, Acc & { com: bigint | null }> }
  >();
  for (const m of months) {
    if (opts.year !== undefined && m.year !== opts.year) continue;
    if (opts.party !== undefined && m.provider !== opts.party) continue;
    const d = by.get(m.provider) ?? { alloc: zero(), com: 0n, hasCom: false, monthly: new Map() };
    by.set(m.provider, d);
    const k = ym(m.year, m.month);
    const mm = d.monthly.get(k) ?? { ...zero(), com: null };
    d.monthly.set(k, mm);
    const v = toMinor(m.amount);
    if (m.type === 'allocation') {
      addKind(d.alloc, m.kind, v);
      addKind(mm, m.kind, v);
    } else {
      d.com += v;
      d.hasCom = true;
      mm.com = (mm.com ?? 0n) + v;
    }
  }
  const names = new Map(facts?.donors.map((d) => [d.party, d.country]) ?? []);
  const eu = new Map(facts?.eu_shares.map((e) => [e.party, e.eu_share]) ?? []);
  return [...by.entries()]
    .map(([party, d]) => {
      const total = d.alloc.military + d.alloc.financial + d.alloc.humanitarian;
      const still = d.com - total;
      const share = eu.get(party);
      const keys = [...d.monthly.keys()].sort();
      return {
        party,
        country: names.get(party) ?? null,
        has_agreement: withAgreement.has(party),
        allocated: kinds(d.alloc),
        committed: d.hasCom ? fromMinor(d.com) : null,
        still_to_be_allocated: d.hasCom ? fromMinor(still > 0n ? still : 0n) : null,
        first_month: keys[0] ?? null,
        last_month: keys.at(-1) ?? null,
        eu_share: opts.year === undefined && share !== undefined ? share : null,
        allocated_with_eu_share:
          opts.year === undefined && share !== undefined ? fromMinor(total + toMinor(share)) : null,
        monthly: keys.map((k) => {
          const x = d.monthly.get(k)!;
          return {
            month: k,
            military: fromMinor(x.military),
            financial: fromMinor(x.financial),
            humanitarian: fromMinor(x.humanitarian),
            committed: x.com === null ? null : fromMinor(x.com),
          };
        }),
      };
    })
    .sort((a, b) => (toMinor(b.allocated.total) < toMinor(a.allocated.total) ? -1 : 1));
}

export interface YearTotal extends KindAmounts {
  provider: string;
  year: number;
}

/** Allocations per donor, calendar year and kind (party "ALL" sums every donor). */
export function yearTotals(months: FlowMonth[], opts: { all?: boolean } = {}): YearTotal[] {
  const acc = new Map<string, Acc & { provider: string; year: number }>();
  for (const m of months) {
    if (m.type !== 'allocation') continue;
    for (const p of opts.all ? [m.provider, 'ALL'] : [m.provider]) {
      const k = `${p}:${m.year}`;
      const a = acc.get(k) ?? { ...zero(), provider: p, year: m.year };
      acc.set(k, a);
      addKind(a, m.kind, toMinor(m.amount));
    }
  }
  return [...acc.values()]
    .map((a) => ({ provider: a.provider, year: a.year, ...kinds(a) }))
    .sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : a.year - b.year));
}

export interface BurdenRow {
  party: string;
  year: number;
  allocated: string;
  gdp_2021_bn: string;
  /** Allocations as % of 2021 GDP, six decimals. */
  pct_gdp: string | null;
  source: { text: string; file: string; line: number };
}

/** Allocations per donor and year as a share of its 2021 GDP, from the tracker's own gdp column (cited). */
export function burdenSharing(months: FlowMonth[], facts: FlowReleaseFacts): BurdenRow[] {
  const gdp = new Map(facts.donors.map((d) => [d.party, d]));
  const cite = trackerCitation(facts);
  return yearTotals(months).flatMap((t) => {
    const g = gdp.get(t.provider);
    if (!g) return [];
    const gMinor = scaledMinor(g.gdp_2021_bn, 9);
    // % = allocated / gdp × 100; gdp may carry more decimals than cents, so compare at a common scale.
    const gdpScaled = gMinor ?? approxMinor(g.gdp_2021_bn);
    return [
      {
        party: t.provider,
        year: t.year,
        allocated: t.total,
        gdp_2021_bn: g.gdp_2021_bn,
        pct_gdp: ratio(toMinor(t.total) * 100n, gdpScaled, 6),
        source: { text: `${cite.text}, column gdp`, file: 'data_explorer.csv', line: g.line },
      },
    ];
  });
}

/** A GDP in EUR bn with more than 11 decimals, to whole hundredths of a euro (exact to far below the shown digits). */
function approxMinor(bn: string): bigint {
  const [i, f = ''] = bn.split('.');
  return BigInt(i!) * 10n ** 11n + BigInt(f.slice(0, 11).padEnd(11, '0'));
}

export { KINDS as FLOW_VIEW_KINDS };

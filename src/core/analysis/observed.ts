// Projections on observed flows: each guarantor's allocations over the last twelve months of the imported tracker
// release, taken as its yearly rate and projected flat over the horizon while one of its agreements is in force.
// The alternative to the stated pledges, which the texts name mostly for 2024 only.
import type { LedgerEntry } from '../ledger/types.js';
import type { Agreement } from '../model.js';
import { applyScale, inForceDuring, type Projection } from './planned.js';

export const BASES = ['stated', 'observed'] as const;
export type Basis = (typeof BASES)[number];

export interface ObservedRate {
  partner: string;
  /** EUR allocated over the window (the trailing twelve months of the release). */
  eur_12m: number;
  /** EUR allocated per calendar year in the release, for the comparison beside a scenario (e.g. 2024 against 2025). */
  by_year: Record<string, number>;
}

export interface Observed {
  /** First and last month of the window, YYYY-MM; null when no tracker release is in the ledger. */
  window: { from: string; to: string } | null;
  rates: ObservedRate[];
  /** Donors in the release that are party to no agreement: not guarantors, so not projected. */
  without_agreement: string[];
}

const month = (d: string) => d.slice(0, 7);
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** The tracker's bilateral allocations (refs `kiel:`), corrections applied, per partner: last twelve months and per year. */
export function observedRates(entries: LedgerEntry[], agreements: Agreement[]): Observed {
  const tracker = entries.filter((e) => e.ref.startsWith('kiel:') || (e.corrects?.startsWith('kiel:') ?? false));
  // The month matters here, so entries rather than buckets: a superseding correction replaces its target.
  const liveRefs = new Set(
    tracker
      .filter((e) => e.effective_type === 'allocation' && e.channel === 'bilateral' && e.currency === 'EUR')
      .filter((e) => e.amount !== null)
      .map((e) => e.ref),
  );
  const superseded = new Set(tracker.filter((e) => e.supersedes && e.corrects).map((e) => e.corrects!));
  const rows = tracker.filter((e) => liveRefs.has(e.ref) && !superseded.has(e.ref));
  if (!rows.length) return { window: null, rates: [], without_agreement: [] };
  const last = rows
    .map((e) => month(e.date))
    .sort()
    .at(-1)!;
  const lastIdx = monthIndex(last);
  const first = lastIdx - 11;
  const partners = new Set(agreements.map((a) => a.partner));
  const acc = new Map<string, ObservedRate>();
  const outside = new Set<string>();
  for (const e of rows) {
    if (!partners.has(e.provider)) {
      outside.add(e.provider);
      continue;
    }
    const r = acc.get(e.provider) ?? { partner: e.provider, eur_12m: 0, by_year: {} };
    const eur = Number(e.amount);
    const y = e.date.slice(0, 4);
    r.by_year[y] = (r.by_year[y] ?? 0) + eur;
    if (monthIndex(month(e.date)) >= first) r.eur_12m += eur;
    acc.set(e.provider, r);
  }
  const fromIdx = first;
  const from = `${Math.floor(fromIdx / 12)}-${String((fromIdx % 12) + 1).padStart(2, '0')}`;
  return {
    window: { from, to: last },
    rates: [...acc.values()].sort((a, b) => a.partner.localeCompare(b.partner)),
    without_agreement: [...outside].sort(),
  };
}

/**
 * Planned EUR per partner and horizon year on the observed basis, in the years one of its agreements is in force:
 * the year's allocations for a year the release covers whole, the twelve-month rate from the window's last year on.
 */
export function plannedFromObserved(
  observed: Observed,
  agreements: Agreement[],
  years: number[],
  proj: Projection,
): Map<string, number[]> {
  const planned = new Map<string, number[]>();
  const endYear = Number(observed.window?.to.slice(0, 4) ?? 0);
  for (const r of observed.rates) {
    const own = agreements.filter((a) => a.partner === r.partner);
    planned.set(
      r.partner,
      // A year the release covers whole is what was allocated in it; from the window's last year on, the rate.
      years.map((y) =>
        own.some((a) => inForceDuring(a, y)) ? (y < endYear ? (r.by_year[String(y)] ?? 0) : r.eur_12m) : 0,
      ),
    );
  }
  applyScale(planned, years, proj);
  return planned;
}

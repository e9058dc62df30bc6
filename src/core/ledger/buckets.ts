// From entries to the buckets every view sums: corrections resolved, parts of larger amounts left out.
import { fromMinor, splitMinor, toMinor } from './money.js';
import { type AnnualRate, type RateTable, rateIndex, toEur } from './rates.js';
import type { LedgerBucket, LedgerEntry } from './types.js';

/**
 * Entries that count: an entry superseded by a correction drops out (the correction counts in its place with
 * the target's type); an entry `within` a larger one is left to the larger one, so totals never count twice —
 * unless it states an amount for some of the larger one's years (Denmark: "at least EUR 1.8 billion" for 2024
 * within its 2023-2028 fund). Then the stated amount takes precedence over an even split of the whole, and the
 * rest of the whole is split over its other years (see `withYearParts`).
 */
export function effectiveBuckets(entries: LedgerEntry[]): LedgerBucket[] {
  const superseded = new Set(
    entries.filter((e) => e.entry_type === 'correction' && e.supersedes && e.corrects).map((e) => e.corrects!),
  );
  const live = entries.filter((e) => !superseded.has(e.ref) && e.amount !== null);
  const byRef = new Map(live.map((e) => [e.ref, e]));
  const parts = new Map<string, LedgerEntry[]>();
  for (const e of live) {
    const whole = e.within ? byRef.get(e.within) : undefined;
    if (whole && whole.within === null && isYearPart(e, whole))
      parts.set(whole.ref, [...(parts.get(whole.ref) ?? []), e]);
  }
  return live.flatMap((e) => {
    // parts come out with their whole (withYearParts), or not at all
    if (e.within !== null) return [];
    const ps = parts.get(e.ref);
    return ps ? withYearParts(entryBucket(e), ps.map(entryBucket)) : [entryBucket(e)];
  });
}

/** A part that names its own earmarked years, all inside the whole's, in the whole's currency and type. */
export function isYearPart(
  part: Pick<LedgerEntry, 'year_from' | 'year_to' | 'currency' | 'effective_type' | 'date'>,
  whole: Pick<LedgerEntry, 'year_from' | 'year_to' | 'currency' | 'effective_type' | 'date'>,
): boolean {
  if (part.year_from === null || part.year_to === null || whole.year_from === null || whole.year_to === null)
    return false;
  return (
    part.currency === whole.currency &&
    part.effective_type === whole.effective_type &&
    part.year_from >= whole.year_from &&
    part.year_to <= whole.year_to
  );
}

/**
 * A whole with parts that state amounts for some of its years: the parts count as stated, the whole's remainder
 * (never below zero) is split evenly over the years no part names, as runs of consecutive years. When the parts
 * name every year, the remainder is spread over all of them. The sum equals max(whole, sum of parts).
 */
export function withYearParts(whole: LedgerBucket, parts: LedgerBucket[]): LedgerBucket[] {
  const all = yearsOf(whole);
  parts = parts.map((p) => ({ ...p, part_of: [all[0]!, all.at(-1)!] as [number, number] }));
  const stated = parts.reduce((a, p) => a + toMinor(p.amount), 0n);
  const rest = toMinor(whole.amount) - stated;
  if (rest <= 0n) return parts;
  const named = new Set(parts.flatMap((p) => yearsOf(p)));
  const free = all.filter((y) => !named.has(y));
  const years = free.length ? free : all;
  const shares = splitMinor(rest, years.length);
  const runs: { from: number; to: number; minor: bigint }[] = [];
  years.forEach((y, i) => {
    const last = runs.at(-1);
    if (last && last.to === y - 1) {
      last.to = y;
      last.minor += shares[i]!;
    } else runs.push({ from: y, to: y, minor: shares[i]! });
  });
  // The whole's entries are counted once, on its first run.
  const remainder = runs.map((r, i) => ({
    ...whole,
    year_from: r.from,
    year_to: r.to,
    amount: fromMinor(r.minor),
    count: i === 0 ? whole.count : 0,
  }));
  return [...remainder, ...parts];
}

export function entryBucket(e: LedgerEntry): LedgerBucket {
  return {
    effective_type: e.effective_type,
    provider: e.provider,
    agreement_id: e.agreement_id,
    kind: e.kind,
    capability: e.capability,
    status: e.status,
    channel: e.channel,
    currency: e.currency,
    date_year: Number(e.date.slice(0, 4)),
    year_from: e.year_from,
    year_to: e.year_to,
    amount: e.amount!,
    count: 1,
    tracker: e.ref.startsWith('kiel:'),
  };
}

/** The years a bucket's amount is earmarked for: its period, else the year of its date. */
export function yearsOf(b: Pick<LedgerBucket, 'year_from' | 'year_to' | 'date_year'>): number[] {
  if (b.year_from === null || b.year_to === null) return [b.date_year];
  return Array.from({ length: b.year_to - b.year_from + 1 }, (_, i) => b.year_from! + i);
}

/** A bucket's amount per earmarked year in EUR hundredths (converted at the date year's rate, split evenly). */
export interface YearShare {
  year: number;
  eurMinor: bigint | null;
}

export function eurByYear(b: LedgerBucket, idx: Map<string, AnnualRate>): YearShare[] {
  const years = yearsOf(b);
  const c = toEur(b.amount, b.currency, b.date_year, idx);
  if (c.eurMinor === null) return years.map((year) => ({ year, eurMinor: null }));
  const parts = splitMinor(c.eurMinor, years.length);
  return years.map((year, i) => ({ year, eurMinor: parts[i]! }));
}

/** Planned EUR per partner and year, for the analysis engine. */
export interface PlannedRow {
  partner: string;
  year: number;
  /** Exact EUR, two decimals. */
  eur: string;
  entries: number;
  /** Entries left out for want of a rate (their currency and year have no published rate in the table). */
  no_rate: number;
}

/**
 * Pledged and allocated support (committed and indicative) per partner and earmarked year, in EUR.
 * Bilateral only: contributions through EU instruments are the EU's. Pure; sorted by partner then year.
 */
export function plannedByPartnerYear(entries: LedgerEntry[], rates: RateTable): PlannedRow[] {
  return plannedFromBuckets(effectiveBuckets(entries), rateIndex(rates));
}

export function plannedFromBuckets(buckets: LedgerBucket[], idx: Map<string, AnnualRate>): PlannedRow[] {
  const acc = new Map<string, { partner: string; year: number; eur: bigint; entries: number; no_rate: number }>();
  for (const b of buckets) {
    if (b.channel !== 'bilateral' || (b.effective_type !== 'pledge' && b.effective_type !== 'allocation')) continue;
    if (b.tracker) continue; // stated support: the tracker's observed allocations are a different basis
    for (const s of eurByYear(b, idx)) {
      const k = `${b.provider}:${s.year}`;
      const row = acc.get(k) ?? { partner: b.provider, year: s.year, eur: 0n, entries: 0, no_rate: 0 };
      if (s.eurMinor === null) row.no_rate += b.count;
      else {
        row.eur += s.eurMinor;
        row.entries += b.count;
      }
      acc.set(k, row);
    }
  }
  return [...acc.values()]
    .sort((a, b) => (a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : a.year - b.year))
    .map((r) => ({ ...r, eur: fromMinor(r.eur) }));
}

/** Sums decimal strings exactly. */
export function sumAmounts(xs: string[]): string {
  return fromMinor(xs.reduce((a, x) => a + toMinor(x), 0n));
}

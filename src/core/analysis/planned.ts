// Planned EUR amounts per partner and year for the simulation: from the ledger (its own buckets, rates and rules),
// or, when the ledger is empty, projected from the agreements' pledges. Both give a plain `Map<partner, number[]>`.
import { forcePeriod } from '../in-force.js';
import {
  effectiveBuckets,
  type LedgerEntry,
  plannedFromBuckets,
  type RateTable,
  rateIndex,
  sumAmounts,
  yearsOf,
} from '../ledger/index.js';
import type { Agreement } from '../model.js';

export interface Projection {
  /** First calendar year of the horizon. */
  fromYear: number;
  /** Number of years. */
  years: number;
  /** Repeat a single-year stated amount over every later horizon year the agreement is in force. Off unless a scenario says so. */
  repeatAnnual: boolean;
  /** Multiplier per partner ('*' = all), applied to every amount from `fromYear` on (scenario change_pledges). */
  scale?: { partner: string; factor: number; fromYear: number }[];
}

export interface Planned {
  years: number[];
  /** Partner code -> EUR per horizon year. Partners with no placeable amount are absent. */
  planned: Map<string, number[]>;
  /** Pledges left out, with why (no amount, no period, unknown currency, part of another). */
  skipped: { agreement: string; pledge: string; reason: string; amount: number | null; currency: string | null }[];
  /** Pledges used, with the EUR amount placed per year. */
  used: {
    agreement: string;
    pledge: string;
    eur_per_year: number;
    years: [number, number];
    source: string;
    amount_text: string | null;
  }[];
}

/** True if the agreement is in force on any day of calendar year `y`. */
export function inForceDuring(a: Agreement, y: number): boolean {
  const p = forcePeriod(a);
  if (!p.start) return false;
  return p.start < `${y + 1}-01-01` && (p.end === null || p.end > `${y}-01-01`);
}

/**
 * Parts (`within`) that state an amount for some of their whole's years, in its currency: they take precedence over
 * an even split of the whole (Denmark's "at least EUR 1.8 billion" for 2024 within its 2023-2028 fund).
 */
function yearParts(pledges: Agreement['pledges']) {
  const byWhole = new Map<string, { stated: number; named: Set<number>; free: number }>();
  const counted = new Set<string>();
  for (const p of pledges) {
    const w = p.within ? pledges.find((x) => x.id === p.within) : undefined;
    if (!w?.years || !p.years || p.amount === null || w.currency !== p.currency || w.within) continue;
    if (p.years[0] < w.years[0] || p.years[1] > w.years[1]) continue;
    const c = byWhole.get(w.id) ?? { stated: 0, named: new Set<number>(), free: 0 };
    c.stated += p.amount;
    for (let y = p.years[0]; y <= p.years[1]; y++) c.named.add(y);
    byWhole.set(w.id, c);
    counted.add(p.id);
  }
  for (const [id, c] of byWhole) {
    const w = pledges.find((x) => x.id === id)!;
    c.free = w.years![1] - w.years![0] + 1 - c.named.size;
    if (c.free <= 0) {
      // the parts name every year: the rest (if any) is spread over all of them
      c.free = w.years![1] - w.years![0] + 1;
      c.named.clear();
    }
  }
  return { byWhole, counted };
}

/**
 * Projects pledges onto horizon years: a pledge of `amount` over years [y0, y1] places amount / (y1 - y0 + 1) in each
 * of those years; only years in which the agreement is in force count; `rates` are units of currency per 1 EUR.
 */
export function plannedFromPledges(agreements: Agreement[], rates: Record<string, number>, proj: Projection): Planned {
  const years = Array.from({ length: proj.years }, (_, i) => proj.fromYear + i);
  const planned = new Map<string, number[]>();
  const skipped: Planned['skipped'] = [];
  const used: Planned['used'] = [];
  for (const a of agreements) {
    const parts = yearParts(a.pledges);
    for (const p of a.pledges) {
      if (p.kind !== 'pledge') continue;
      const skip = (reason: string) =>
        skipped.push({ agreement: a.id, pledge: p.id, reason, amount: p.amount, currency: p.currency });
      if (p.amount === null) {
        skip('no amount stated');
        continue;
      }
      if (!p.years) {
        skip('no period that names years');
        continue;
      }
      if (p.within && !parts.counted.has(p.id)) {
        skip(`part of ${p.within}: counted there`);
        continue;
      }
      const rate = p.currency === 'EUR' ? 1 : p.currency ? rates[p.currency] : undefined;
      if (!rate) {
        skip(`no rate for currency ${p.currency ?? 'null'}`);
        continue;
      }
      const [y0, y1] = p.years;
      // A whole with parts stated for some of its years: the parts count as stated, the rest over the other years.
      const carved = parts.byWhole.get(p.id);
      const free = carved ? carved.free : y1 - y0 + 1;
      const eur = Math.max(0, p.amount - (carved?.stated ?? 0)) / rate / free;
      const last = proj.repeatAnnual && y0 === y1 ? years[years.length - 1]! : y1;
      const row = planned.get(a.partner) ?? years.map(() => 0);
      years.forEach((y, i) => {
        if (y >= y0 && y <= last && !carved?.named.has(y) && inForceDuring(a, y)) row[i] = row[i]! + eur;
      });
      planned.set(a.partner, row);
      used.push({
        agreement: a.id,
        pledge: p.id,
        eur_per_year: eur,
        years: [y0, last],
        source: p.source,
        amount_text: p.amount_text,
      });
    }
  }
  applyScale(planned, years, proj);
  return { years, planned, skipped, used };
}

export function applyScale(planned: Map<string, number[]>, years: number[], proj: Projection): void {
  for (const s of proj.scale ?? []) {
    for (const [partner, row] of planned) {
      if (s.partner === '*' || s.partner === partner)
        years.forEach((y, i) => {
          if (y >= s.fromYear) row[i] = row[i]! * s.factor;
        });
    }
  }
}

/** Units of currency per 1 EUR for one year from a cited rate table; currencies without a published value are absent. */
export function ratesForYear(table: RateTable, year: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of table.rates) if (r.year === year && r.rate !== null) out[r.currency] = Number(r.rate);
  return out;
}

/** Ledger amounts left out for want of a rate, per partner and original currency (exact decimal strings). */
export interface Excluded {
  partner: string;
  currency: string;
  amount: string;
  entries: number;
}

export interface PlannedFromLedger {
  years: number[];
  planned: Map<string, number[]>;
  /** Entries that count (pledge or allocation, bilateral, not within another, not superseded) and were placed. */
  entries_used: number;
  /** No rate for the currency in the year of the entry's date: left out, never converted by guess. */
  excluded: Excluded[];
  /** Sum of `excluded` per original currency. */
  excluded_totals: Record<string, string>;
  /** EUR of converted amounts that fall in no horizon year in which their agreement is in force. */
  eur_outside_horizon_or_force: number;
}

/**
 * Planned EUR per partner and horizon year from ledger entries. Each counting entry goes through the ledger's own
 * rules (`effectiveBuckets`: corrections and `within` resolved; `plannedFromBuckets`: bilateral pledges and
 * allocations only, converted at the ECB annual rate of the entry's date year, split evenly over its earmarked
 * years). Then: a year counts only while the entry's agreement (if it names one) is in force on some day of it;
 * with `repeatAnnual`, an amount earmarked for a single year is repeated over every later horizon year under the
 * same condition; scenario scale factors apply last. An entry with no rate is listed in `excluded`, in its currency.
 */
export function plannedFromLedger(
  entries: LedgerEntry[],
  rates: RateTable,
  agreements: Agreement[],
  proj: Projection,
): PlannedFromLedger {
  const years = Array.from({ length: proj.years }, (_, i) => proj.fromYear + i);
  const last = years[years.length - 1] ?? proj.fromYear - 1;
  const idx = rateIndex(rates);
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const planned = new Map<string, number[]>();
  const excl = new Map<string, { partner: string; currency: string; amounts: string[]; entries: number }>();
  let used = 0,
    outside = 0;
  for (const b of effectiveBuckets(entries)) {
    const rows = plannedFromBuckets([b], idx);
    if (rows.length === 0) continue; // not a bilateral pledge or allocation
    if (rows.some((r) => r.no_rate > 0)) {
      const k = `${b.provider}:${b.currency}`;
      const e = excl.get(k) ?? { partner: b.provider, currency: b.currency ?? 'null', amounts: [], entries: 0 };
      e.amounts.push(b.amount);
      e.entries += b.count;
      excl.set(k, e);
      continue;
    }
    used += b.count;
    const agreement = b.agreement_id === null ? null : byId.get(b.agreement_id);
    const counts = (y: number) => (agreement === null ? true : agreement !== undefined && inForceDuring(agreement, y));
    // A part stated for a year of a larger fund is not repeated: the fund already covers its other years.
    const single = yearsOf(b).length === 1 && !b.part_of;
    const row = planned.get(b.provider) ?? years.map(() => 0);
    for (const r of rows) {
      const eur = Number(r.eur);
      const until = proj.repeatAnnual && single ? last : r.year;
      let placed = false;
      for (let y = Math.max(r.year, proj.fromYear); y <= Math.min(until, last); y++) {
        if (!counts(y)) continue;
        row[y - proj.fromYear] = row[y - proj.fromYear]! + eur;
        placed = true;
      }
      if (!placed) outside += eur;
    }
    planned.set(b.provider, row);
  }
  applyScale(planned, years, proj);
  const excluded = [...excl.values()]
    .map((e) => ({ partner: e.partner, currency: e.currency, amount: sumAmounts(e.amounts), entries: e.entries }))
    .sort((x, y) => (x.partner + x.currency < y.partner + y.currency ? -1 : 1));
  const totals = new Map<string, string[]>();
  for (const e of excluded) totals.set(e.currency, [...(totals.get(e.currency) ?? []), e.amount]);
  return {
    years,
    planned,
    entries_used: used,
    excluded,
    excluded_totals: Object.fromEntries([...totals].sort().map(([c, xs]) => [c, sumAmounts(xs)])),
    eur_outside_horizon_or_force: outside,
  };
}

// The coordination matrix: capability x guarantor x year, split into committed, indicative, expired and delivered;
// a cell without any delivery entry says so (`no_data`) rather than showing a zero or calling the pledge expired.
import type { IsoDate } from '../model.js';
import { CAPABILITIES, type Capability } from '../taxonomy.js';
import { eurByYear } from './buckets.js';
import { fromMinor } from './money.js';
import type { AnnualRate } from './rates.js';
import type { LedgerBucket } from './types.js';

/** When an agreement is in force: first day, and first day no longer in force (null = no end known). */
export interface ForceWindow {
  start: IsoDate | null;
  end: IsoDate | null;
}

export interface CoverageCell {
  capability: string;
  guarantor: string;
  year: number;
  committed: string;
  indicative: string;
  /** Earmarked for a year wholly after the agreement ends. */
  expired: string;
  /** Sum of delivery entries; null when the ledger holds none for this cell (no data, which is not zero). */
  delivered: string | null;
  delivery: 'recorded' | 'no_data';
}

export interface Coverage {
  as_of: IsoDate;
  capabilities: string[];
  guarantors: string[];
  years: number[];
  cells: CoverageCell[];
  /** Buckets left out for want of a rate, by currency and year. */
  no_rate: { currency: string | null; year: number; entries: number }[];
  /**
   * What a tracker release says each guarantor allocated per year (EUR, bilateral), beside the pledges: the
   * tracker codes no capability and no clause, so these sit per guarantor and year, never in a capability cell.
   */
  allocated: { guarantor: string; year: number; eur: string }[];
}

/** Capability column for support without a capability tag. */
export const UNASSIGNED = 'unassigned';

/**
 * A ledger line's capability: its own tag, else the one capability of the clause it fulfils (the clause's
 * effective tags, coded ∪ lexicon). A clause with several capabilities does not say which one the money buys.
 */
export function inheritedCapability(own: Capability | null, clause: readonly Capability[] | null): Capability | null {
  return own ?? (clause?.length === 1 ? clause[0]! : null);
}

/**
 * Builds the matrix from buckets (EUR at each entry's date-year rate; multi-year amounts split evenly, a part
 * stated for a year taking precedence — see effectiveBuckets). A planned amount is **expired** only when its year
 * falls wholly after its agreement's end; otherwise it is committed or indicative by its status. A past year with
 * no delivery entry is `no_data`, never expired: the ledger not knowing of a delivery does not make a pledge lapse.
 * EU-channel contributions are the EU's and are left out here.
 */
export function coverage(
  buckets: LedgerBucket[],
  idx: Map<string, AnnualRate>,
  force: Map<string, ForceWindow>,
  asOf: IsoDate,
): Coverage {
  type Acc = {
    committed: bigint;
    indicative: bigint;
    expired: bigint;
    delivered: bigint;
    deliveries: number;
    planned: { minor: bigint; status: string; agreement: string | null }[];
  };
  const cells = new Map<string, Acc & { capability: string; guarantor: string; year: number }>();
  const noRate = new Map<string, { currency: string | null; year: number; entries: number }>();
  const cell = (capability: string, guarantor: string, year: number) => {
    const k = `${capability}|${guarantor}|${year}`;
    let c = cells.get(k);
    if (!c)
      cells.set(
        k,
        (c = {
          capability,
          guarantor,
          year,
          committed: 0n,
          indicative: 0n,
          expired: 0n,
          delivered: 0n,
          deliveries: 0,
          planned: [],
        }),
      );
    return c;
  };
  const allocated = new Map<string, { guarantor: string; year: number; minor: bigint }>();
  for (const b of buckets) {
    if (b.channel === 'bilateral' && b.tracker && b.effective_type === 'allocation')
      for (const s of eurByYear(b, idx)) {
        if (s.eurMinor === null) continue;
        const k = `${b.provider}|${s.year}`;
        const a = allocated.get(k) ?? { guarantor: b.provider, year: s.year, minor: 0n };
        a.minor += s.eurMinor;
        allocated.set(k, a);
      }
    if (b.channel !== 'bilateral' || b.tracker) continue; // tracker flows carry no clause or capability
    if (b.effective_type !== 'pledge' && b.effective_type !== 'allocation' && b.effective_type !== 'delivery') continue;
    const cap = b.capability ?? UNASSIGNED;
    for (const s of eurByYear(b, idx)) {
      if (s.eurMinor === null) {
        const k = `${b.currency}|${b.date_year}`;
        const n = noRate.get(k) ?? { currency: b.currency, year: b.date_year, entries: 0 };
        n.entries += b.count;
        noRate.set(k, n);
        continue;
      }
      const c = cell(cap, b.provider, s.year);
      if (b.effective_type === 'delivery') {
        c.delivered += s.eurMinor;
        c.deliveries += b.count;
      } else c.planned.push({ minor: s.eurMinor, status: b.status, agreement: b.agreement_id });
    }
  }
  for (const c of cells.values()) {
    for (const p of c.planned) {
      const f = p.agreement ? force.get(p.agreement) : undefined;
      const afterEnd = f?.end != null && f.end <= `${c.year}-01-01`;
      if (afterEnd) c.expired += p.minor;
      else if (p.status === 'committed') c.committed += p.minor;
      else c.indicative += p.minor;
    }
  }
  const list = [...cells.values()].sort(
    (a, b) => (a.capability + a.guarantor).localeCompare(b.capability + b.guarantor) || a.year - b.year,
  );
  const caps = new Set(list.map((c) => c.capability));
  return {
    as_of: asOf,
    capabilities: [...CAPABILITIES, UNASSIGNED].filter((c) => caps.has(c)),
    guarantors: [...new Set(list.map((c) => c.guarantor))].sort(),
    years: [...new Set(list.map((c) => c.year))].sort((a, b) => a - b),
    cells: list.map((c) => ({
      capability: c.capability,
      guarantor: c.guarantor,
      year: c.year,
      committed: fromMinor(c.committed),
      indicative: fromMinor(c.indicative),
      expired: fromMinor(c.expired),
      delivered: c.deliveries ? fromMinor(c.delivered) : null,
      delivery: c.deliveries ? ('recorded' as const) : ('no_data' as const),
    })),
    no_rate: [...noRate.values()],
    allocated: [...allocated.values()]
      .sort((a, b) => a.guarantor.localeCompare(b.guarantor) || a.year - b.year)
      .map((a) => ({ guarantor: a.guarantor, year: a.year, eur: fromMinor(a.minor) })),
  };
}

// Totals grouped by any of party, year, kind, type, status, capability, channel — in EUR or original currencies.

import { eurByYear, yearsOf } from './buckets.js';
import { fromMinor, splitMinor, toMinor } from './money.js';
import type { AnnualRate } from './rates.js';
import type { LedgerBucket } from './types.js';

export const TOTAL_DIMENSIONS = [
  'party',
  'year',
  'kind',
  'type',
  'status',
  'capability',
  'channel',
  'agreement',
] as const;
export type TotalDimension = (typeof TOTAL_DIMENSIONS)[number];

export interface TotalRow {
  [dimension: string]: string | number | null;
  currency: string;
  amount: string;
  entries: number;
  no_rate: number;
}

const keyOf: Record<TotalDimension, (b: LedgerBucket) => string | null> = {
  party: (b) => b.provider,
  year: () => null, // set per earmarked year below
  kind: (b) => b.kind,
  type: (b) => b.effective_type,
  status: (b) => b.status,
  capability: (b) => b.capability,
  channel: (b) => b.channel,
  agreement: (b) => b.agreement_id,
};

/**
 * Sums buckets by the chosen dimensions (type is always one: pledges and deliveries are never added together).
 * With `eur`, amounts are converted at the annual rate of each entry's date year and rows count the entries
 * without a rate in `no_rate`; otherwise each currency is its own row. With `year`, multi-year amounts are
 * split evenly over their earmarked years. EU-channel contributions are left out unless `includeEuChannel`.
 */
export function totals(
  buckets: LedgerBucket[],
  by: TotalDimension[],
  opts: { eur: boolean; idx: Map<string, AnnualRate>; includeEuChannel?: boolean },
): TotalRow[] {
  const dims: TotalDimension[] = by.includes('type') ? by : [...by, 'type'];
  const acc = new Map<string, TotalRow & { minor: bigint }>();
  for (const b of buckets) {
    if (b.channel === 'eu' && !opts.includeEuChannel) continue;
    const shares: { year: number; minor: bigint | null }[] = opts.eur
      ? eurByYear(b, opts.idx).map((s) => ({ year: s.year, minor: s.eurMinor }))
      : (() => {
          const ys = yearsOf(b);
          const parts = splitMinor(toMinor(b.amount), ys.length);
          return ys.map((year, i) => ({ year, minor: parts[i]! }));
        })();
    const perYear = dims.includes('year')
      ? shares
      : [{ year: 0, minor: shares.some((s) => s.minor === null) ? null : shares.reduce((a, s) => a + s.minor!, 0n) }];
    for (const s of perYear) {
      const currency = opts.eur ? 'EUR' : (b.currency ?? '-');
      const vals = dims.map((d) => (d === 'year' ? s.year : keyOf[d](b)));
      const k = JSON.stringify([...vals, currency]);
      const row =
        acc.get(k) ??
        ({
          ...Object.fromEntries(dims.map((d, i) => [d, vals[i]!])),
          currency,
          amount: '',
          entries: 0,
          no_rate: 0,
          minor: 0n,
        } as TotalRow & { minor: bigint });
      if (s.minor === null) row.no_rate += b.count;
      else {
        row.minor += s.minor;
        row.entries += b.count;
      }
      acc.set(k, row);
    }
  }
  const rows = [...acc.values()].map(({ minor, ...r }) => ({ ...r, amount: fromMinor(minor) }) as TotalRow);
  return rows.sort((a, b) => {
    for (const d of [...dims, 'currency']) {
      const [x, y] = [a[d], b[d]];
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}

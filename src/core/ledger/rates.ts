// Dated conversion to EUR from an annual rate table; a missing rate is reported, never guessed.
import { convertMinor, toMinor } from './money.js';

/** One published annual average: units of `currency` per 1 EUR in `year`; rate null when not found. */
export interface AnnualRate {
  currency: string;
  year: number;
  rate: string | null;
  source: string;
  partial: boolean;
}

export interface RateTable {
  rates: AnnualRate[];
}

export type Conversion =
  | { eurMinor: bigint; rate: string | null }
  | { eurMinor: null; reason: 'no_rate' | 'no_amount'; currency: string | null; year: number };

/** Index for O(1) lookups: `CUR:year` -> rate. */
export function rateIndex(t: RateTable): Map<string, AnnualRate> {
  return new Map(t.rates.map((r) => [`${r.currency}:${r.year}`, r]));
}

/**
 * Converts an amount in `currency` to EUR hundredths at the annual average of `year` (the year of the entry's
 * date). EUR passes through unchanged. Without a published rate the result says `no_rate`.
 */
export function toEur(
  amount: string | bigint | null,
  currency: string | null,
  year: number,
  idx: Map<string, AnnualRate>,
): Conversion {
  if (amount === null || currency === null) return { eurMinor: null, reason: 'no_amount', currency, year };
  const minor = typeof amount === 'bigint' ? amount : toMinor(amount);
  if (currency === 'EUR') return { eurMinor: minor, rate: null };
  const r = idx.get(`${currency}:${year}`);
  if (!r || r.rate === null) return { eurMinor: null, reason: 'no_rate', currency, year };
  return { eurMinor: convertMinor(minor, r.rate), rate: r.rate };
}

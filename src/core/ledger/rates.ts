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

/** Daily ECB fixings per currency, dates ascending (YYYY-MM-DD), rates as published; N/A days left out. */
export interface DailyRates {
  series: Map<string, { dates: string[]; rates: string[] }>;
  /** The last fixing date in the table: no conversion after it. */
  last: string;
  first: string;
  source: string;
}

export type DatedRate =
  | { rate: string; fixing_date: string }
  | { rate: null; reason: 'after_last_fixing' | 'before_first_fixing' | 'no_series'; last_fixing: string };

/**
 * The rate for `date`: that day's fixing, else the last fixing before it (weekends, holidays). A date after the
 * table's last fixing has no rate: it is never extrapolated.
 */
export function rateOn(d: DailyRates, currency: string, date: string): DatedRate {
  const s = d.series.get(currency);
  if (!s || s.dates.length === 0) return { rate: null, reason: 'no_series', last_fixing: d.last };
  if (date > d.last) return { rate: null, reason: 'after_last_fixing', last_fixing: d.last };
  let lo = 0;
  let hi = s.dates.length - 1;
  if (date < s.dates[0]!) return { rate: null, reason: 'before_first_fixing', last_fixing: d.last };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.dates[mid]! <= date) lo = mid;
    else hi = mid - 1;
  }
  return { rate: s.rates[lo]!, fixing_date: s.dates[lo]! };
}

export type DatedConversion =
  | { eurMinor: bigint; rate: string | null; fixing_date: string | null; basis: 'daily' | 'annual' | 'eur' }
  | { eurMinor: null; reason: string };

/**
 * Converts to EUR hundredths at the rate of `date` (basis daily) or at the annual average of its year (basis
 * annual; a partial year's average is used and flagged by the caller from the table). Missing rates are reported.
 */
export function toEurOn(
  amount: string | bigint,
  currency: string,
  date: string,
  opts: { basis: 'daily' | 'annual'; daily: DailyRates; annual: Map<string, AnnualRate> },
): DatedConversion {
  const minor = typeof amount === 'bigint' ? amount : toMinor(amount);
  if (currency === 'EUR') return { eurMinor: minor, rate: null, fixing_date: null, basis: 'eur' };
  if (opts.basis === 'annual') {
    const c = toEur(minor, currency, Number(date.slice(0, 4)), opts.annual);
    return c.eurMinor === null
      ? { eurMinor: null, reason: `no ${currency} annual average for ${date.slice(0, 4)}` }
      : { eurMinor: c.eurMinor, rate: c.rate, fixing_date: null, basis: 'annual' };
  }
  const r = rateOn(opts.daily, currency, date);
  if (r.rate === null)
    return {
      eurMinor: null,
      reason:
        r.reason === 'after_last_fixing'
          ? `no rate: ${date} is after the last ECB fixing in the table (${r.last_fixing})`
          : `no ${currency} rate for ${date} (${r.reason.replace(/_/g, ' ')})`,
    };
  return { eurMinor: convertMinor(minor, r.rate), rate: r.rate, fixing_date: r.fixing_date, basis: 'daily' };
}

/** Parses the daily table's text (comment lines start with #; first other line is the header). */
export function parseDailyRates(text: string, source: string): DailyRates {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0]!.split(',');
  const series = new Map<string, { dates: string[]; rates: string[] }>();
  for (const c of header.slice(1)) series.set(c, { dates: [], rates: [] });
  let first = '';
  let last = '';
  for (const l of lines.slice(1)) {
    const f = l.split(',');
    const date = f[0]!;
    if (!first || date < first) first = date;
    if (date > last) last = date;
    header.slice(1).forEach((c, i) => {
      const v = f[i + 1];
      if (v && v !== 'N/A') {
        const s = series.get(c)!;
        s.dates.push(date);
        s.rates.push(v);
      }
    });
  }
  return { series, first, last, source };
}

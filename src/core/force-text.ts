// The one way a period of force is written, everywhere (CLI, API, dashboard, exports). Periods end exclusively
// (in-force.ts); people read the last day: "in force from 2024-01-12 through 2034-01-11 (last day)". The
// exclusive end is kept in JSON under an explicit name, `in_force_ends_at`, an instant: the first moment out of force.
import { addDays } from './dates.js';
import { type ForcePeriod, forcePeriod } from './in-force.js';
import type { Agreement, Instant, IsoDate } from './model.js';

/** What the wording needs to know about a period of force. */
export interface ForceFacts {
  start: IsoDate | null;
  /** Exclusive end day; null = no end known. */
  end: IsoDate | null;
  startAssumed: boolean;
  termYears: number | null;
  openEnded: boolean;
}

export interface ForceDates {
  /** Last day in force (inclusive); null when no end is known. */
  in_force_last_day: IsoDate | null;
  /** The first instant no longer in force (00:00Z of the day after the last day); null when no end is known. */
  in_force_ends_at: Instant | null;
  in_force_text: string;
}

/** The last day in force, given the exclusive end day. */
export const lastDayOf = (endExclusive: IsoDate): IsoDate => addDays(endExclusive, -1);

/** The end written as people read it: "through 2034-01-11 (last day)". */
export const throughText = (endExclusive: IsoDate): string => `through ${lastDayOf(endExclusive)} (last day)`;

/** The period in words: start (or why unknown), then last day, open end or unknown end. */
export function forceText(f: ForceFacts): string {
  if (!f.start)
    return `not counted as in force: date of entry into force unknown${f.termYears ? `; term of ${f.termYears} years from entry into force, end unknown` : ''}`;
  const from = `in force from ${f.start}${f.startAssumed ? ' (assumed from signature)' : ''}`;
  if (f.end) return `${from} ${throughText(f.end)}`;
  return `${from}, ${f.openEnded ? 'open-ended (until terminated)' : 'end unknown (term not known)'}`;
}

export function forceDates(f: ForceFacts): ForceDates {
  return {
    in_force_last_day: f.end ? lastDayOf(f.end) : null,
    in_force_ends_at: f.end ? `${f.end}T00:00:00Z` : null,
    in_force_text: forceText(f),
  };
}

/** The facts of an agreement's period of force, computed from the record. */
export function forceFactsOf(a: Agreement, p: ForcePeriod = forcePeriod(a)): ForceFacts {
  return {
    start: p.start,
    end: p.end,
    startAssumed: p.startAssumed,
    termYears: a.term.years,
    openEnded: a.term.open_ended,
  };
}

/** The period of force with its dates in the common wording, for JSON answers (`force` of an agreement). */
export function describedForce(a: Agreement): ForcePeriod & ForceDates {
  const p = forcePeriod(a);
  return { ...p, ...forceDates(forceFactsOf(a, p)) };
}

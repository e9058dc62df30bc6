// The obligation lifecycle as a pure function of the obligation, its transitions and the clock (an argument).
import { instantMs } from '../dates.js';
import type { Issue } from '../issues.js';
import type { Instant } from '../model.js';
import type { ObligationState, Transition } from './types.js';

export interface StatusOptions {
  /**
   * Grace after the due instant, in milliseconds, after which an unfulfilled obligation counts as breached without
   * an explicit transition. Absent (the default): breach needs an explicit transition; overdue is as far as the
   * clock alone goes.
   */
  breachGraceMs?: number | null;
}

/**
 * The state of an obligation as of `asOf`, counting only transitions dated at or before it:
 * pending -> overdue (derived: due < asOf) -> fulfilled_late | breached; pending -> fulfilled; either -> waived.
 * A fulfilment after the due instant is fulfilled_late. The first terminal transition wins.
 */
export function statusAsOf(
  ob: { due: Instant | null },
  transitions: Transition[],
  asOf: Instant,
  opts: StatusOptions = {},
): ObligationState {
  const now = instantMs(asOf);
  const due = ob.due ? instantMs(ob.due) : null;
  const done = transitions.filter((t) => instantMs(t.at) <= now).sort((a, b) => instantMs(a.at) - instantMs(b.at))[0];
  if (done) {
    if (done.to === 'fulfilled') return due !== null && instantMs(done.at) > due ? 'fulfilled_late' : 'fulfilled';
    return done.to;
  }
  if (due === null || now <= due) return 'pending';
  if (opts.breachGraceMs != null && now > due + opts.breachGraceMs) return 'breached';
  return 'overdue';
}

/** Checks a new transition against the state at its instant: only pending or overdue obligations may change. */
export function checkTransition(
  ob: { due: Instant | null; event_at: Instant },
  transitions: Transition[],
  next: Transition,
  opts: StatusOptions = {},
): Issue[] {
  if (instantMs(next.at) < instantMs(ob.event_at))
    return [
      {
        code: 'date_range',
        path: ['at'],
        message: 'a transition cannot precede the event that created the obligation',
        expected: `at or after ${ob.event_at}`,
        found: next.at,
      },
    ];
  const later = transitions.find((t) => instantMs(t.at) > instantMs(next.at));
  if (later)
    return [
      {
        code: 'conflict',
        path: ['at'],
        message: `a later transition (${later.to} at ${later.at}) is already recorded`,
        expected: `at or after ${later.at}`,
        found: next.at,
      },
    ];
  const state = statusAsOf(ob, transitions, next.at, opts);
  if (state !== 'pending' && state !== 'overdue')
    return [
      {
        code: 'conflict',
        path: ['to'],
        message: `the obligation is already ${state} at ${next.at}`,
        expected: 'a pending or overdue obligation',
        found: state,
      },
    ];
  return [];
}

/** "due in 23h 12m" / "overdue by 2d 3h" relative to asOf; "no deadline" when due is null. */
export function countdown(due: Instant | null, asOf: Instant): string {
  if (!due) return 'no deadline';
  const ms = instantMs(due) - instantMs(asOf);
  const span = humanSpan(Math.abs(ms));
  return ms >= 0 ? `due in ${span}` : `overdue by ${span}`;
}

function humanSpan(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  return m >= 2880 ? `${d}d ${h}h` : m >= 60 ? `${Math.floor(m / 60)}h ${min}m` : `${min}m`;
}

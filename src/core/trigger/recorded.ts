// Recorded events as context for later evaluations: termination notices end agreements; ceasefires end hostilities.
import { dateOf, instantMs } from '../dates.js';
import type { Issue } from '../issues.js';
import type { Registry, TreatyAction } from '../model.js';
import type { TriggerEvent } from './types.js';

/**
 * The treaty action a termination-notice event adds to its agreement, or an issue when the agreement is unknown or
 * no notice period is known (neither coded in the agreement nor given with the event).
 */
export function noticeAction(reg: Registry, e: TriggerEvent): { action: TreatyAction | null; issues: Issue[] } {
  const a = reg.agreements.find((x) => x.id === e.agreement);
  if (!a)
    return {
      action: null,
      issues: [
        {
          code: 'not_found',
          path: ['agreement'],
          message: 'no such agreement',
          expected: 'an agreement id such as ua-gb-2024',
          found: String(e.agreement),
        },
      ],
    };
  if (e.party && !a.parties.includes(e.party))
    return {
      action: null,
      issues: [
        {
          code: 'inconsistent',
          path: ['party'],
          message: `${e.party} is not a party to ${a.id}`,
          expected: a.parties.join(' | '),
          found: e.party,
        },
      ],
    };
  const months = e.notice_months ?? a.termination?.notice_months ?? null;
  if (months === null)
    return {
      action: null,
      issues: [
        {
          code: 'inconsistent',
          path: ['notice_months'],
          message: `${a.id} codes no notice period; give one with the event (--notice-months)`,
          expected: 'a number of months',
          found: 'none',
        },
      ],
    };
  return {
    action: {
      type: 'termination_notice',
      date: dateOf(e.at),
      party: e.party,
      notice_months: months,
      extends_years: null,
      note: `recorded event ${e.id}`,
      source: a.termination?.citation.source ?? a.sources[0]!.id,
    },
    issues: [],
  };
}

/** The registry as it stands after the recorded events before `at`: termination notices become treaty actions. */
export function withRecordedEvents(reg: Registry, events: TriggerEvent[], at: string): Registry {
  const before = events.filter((e) => e.type === 'termination_notice' && instantMs(e.at) <= instantMs(at));
  if (before.length === 0) return reg;
  const agreements = reg.agreements.map((a) => {
    const acts = before
      .filter((e) => e.agreement === a.id)
      .map((e) => noticeAction(reg, e).action)
      .filter((x): x is TreatyAction => x !== null);
    return acts.length ? { ...a, treaty_actions: [...a.treaty_actions, ...acts] } : a;
  });
  return { ...reg, agreements };
}

/** The earliest recorded ceasefire at or before `at`: from then on the current hostilities count as concluded. */
export function hostilitiesConcludedAt(events: TriggerEvent[], at: string): string | null {
  const c = events
    .filter((e) => e.type === 'ceasefire' && instantMs(e.at) <= instantMs(at))
    .sort((a, b) => instantMs(a.at) - instantMs(b.at));
  return c[0]?.at ?? null;
}

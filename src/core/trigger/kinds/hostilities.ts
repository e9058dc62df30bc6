// The evaluation context's hostilities state, as a condition a clause can require.

import { instantMs } from '../../dates.js';
import type { EvaluateOptions, Skip, TriggerEvent } from '../types.js';

type Check = { ok: true; text: string } | { ok: false; reason: Skip['reason']; detail: string };

/**
 * `after_current_hostilities` holds when the options say the current hostilities concluded at or before the
 * event. Absent that, the hostilities that began in 2022 are taken as still going on. Other conditions: none known.
 */
export function hostilitiesCondition(condition: string | null, e: TriggerEvent, o: EvaluateOptions): Check {
  if (!condition) return { ok: true, text: 'no condition on the state of hostilities' };
  if (condition !== 'after_current_hostilities')
    return { ok: false, reason: 'condition_unmet', detail: `unknown condition ${condition}` };
  const end = o.hostilitiesConcludedAt ?? null;
  if (end && instantMs(end) <= instantMs(e.at))
    return {
      ok: true,
      text: `current hostilities concluded at ${end}, before the event: "following the conclusion of current hostilities" holds`,
    };
  return {
    ok: false,
    reason: 'condition_unmet',
    detail: end
      ? `current hostilities conclude at ${end}, after the event`
      : 'the clause applies following the conclusion of current hostilities; they are ongoing at the event (no conclusion given)',
  };
}

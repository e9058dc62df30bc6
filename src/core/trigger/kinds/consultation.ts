// consultation: "in the event of future armed attack ... the Participants will consult within 24 hours".
import { addDuration } from '../../dates.js';
import type { EventType, MechanismKind } from '../types.js';
import { checkAggressor, checkTarget, counterparties, qualifierOf, runChecks, str } from './common.js';

export const consultationKind: MechanismKind = {
  kind: 'consultation',
  summary: 'each promisor consults the others, by the clause deadline (params.deadline, ISO duration) or immediately',
  answers: (params) =>
    Array.isArray(params.events) && params.events.length ? (params.events as EventType[]) : ['armed_attack'],
  evaluate(input) {
    const { event, provision } = input;
    const params = provision.mechanism!.params;
    const deadline = str(params.deadline);
    return runChecks([checkAggressor(params, event), checkTarget(params, event)], (conditions) => ({
      conditions,
      obligations: provision.promisors.map((promisor) => ({
        kind: 'consult',
        promisor,
        promisees: counterparties(input, promisor),
        due: deadline ? addDuration(event.at, deadline) : null,
        qualifier: qualifierOf(provision, [!deadline && params.immediate === true && 'immediately']),
        wording: deadline
          ? `consult within ${deadline.replace(/^PT?/, '').toLowerCase()} of the event`
          : params.immediate
            ? 'consult immediately'
            : 'consult (no deadline stated)',
      })),
    }));
  },
};

// collective_convening (Ukraine Compact) and convene_and_decide (Kyiv Security Compact's 24h/72h; breach response).
import { addDuration } from '../../dates.js';
import type { EventType, MechanismKind } from '../types.js';
import { checkAggressor, checkTarget, counterparties, qualifierOf, runChecks, str } from './common.js';
import { hostilitiesCondition } from './hostilities.js';

export const collectiveConveningKind: MechanismKind = {
  kind: 'collective_convening',
  summary: 'the promisors convene swiftly and collectively; may be conditioned on the end of current hostilities',
  answers: () => ['armed_attack'],
  evaluate(input) {
    const { event, provision, options } = input;
    const params = provision.mechanism!.params;
    return runChecks(
      [
        checkAggressor(params, event),
        checkTarget(params, event),
        hostilitiesCondition(str(params.condition), event, options),
      ],
      (conditions) => ({
        conditions,
        obligations: provision.promisors.map((promisor) => ({
          kind: 'convene',
          promisor,
          promisees: counterparties(input, promisor),
          due: null,
          qualifier: qualifierOf(provision, [/swiftly/i.test(provision.quote) && 'swiftly']),
          wording: 'convene collectively at the most senior levels to determine next steps',
        })),
      }),
    );
  },
};

export const conveneAndDecideKind: MechanismKind = {
  kind: 'convene_and_decide',
  summary: 'each promisor convenes within params.convene and decides on measures within params.decide of the event',
  answers: (params) => [(str(params.event) ?? 'armed_attack') as EventType],
  evaluate(input) {
    const { event, provision } = input;
    const params = provision.mechanism!.params;
    const convene = str(params.convene);
    const decide = str(params.decide);
    // The 2022 text counts from Ukraine's request; the engine counts from the event and says so.
    const onRequest = params.on_request === true && "counted from the event, taken as the moment of Ukraine's request";
    return runChecks([checkAggressor(params, event), checkTarget(params, event)], (conditions) => ({
      conditions,
      obligations: provision.promisors.flatMap((promisor) => [
        {
          part: 'convene',
          kind: 'convene',
          promisor,
          promisees: counterparties(input, promisor),
          due: convene ? addDuration(event.at, convene) : null,
          qualifier: qualifierOf(provision, [onRequest]),
          wording: `convene within ${convene ?? '?'}`,
        },
        {
          part: 'decide',
          kind: 'decide',
          promisor,
          promisees: counterparties(input, promisor),
          due: decide ? addDuration(event.at, decide) : null,
          qualifier: qualifierOf(provision, [onRequest]),
          wording: `decide on measures within ${decide ?? '?'}`,
        },
      ]),
    }));
  },
};

// assistance_response and cost_imposition: open-ended duties to assist Ukraine and to impose costs on the aggressor.
import type { KindInput, KindResult, MechanismKind } from '../types.js';
import { checkAggressor, checkTarget, counterparties, qualifierOf, runChecks, str } from './common.js';

function respond(input: KindInput, obligationKind: string, fallback: string): KindResult {
  const { event, provision } = input;
  const params = provision.mechanism!.params;
  const terms = str(params.terms);
  const wordingClass = str(params.wording);
  // No fixed deadline: the pace is what the clause says ("swift and sustained"), recorded as wording.
  const wording = `${terms ?? (params.immediate ? 'immediate' : fallback)}${wordingClass ? ` (${wordingClass.replace(/_/g, ' ')})` : ''}`;
  return runChecks([checkAggressor(params, event), checkTarget(params, event)], (conditions) => ({
    conditions,
    obligations: provision.promisors.map((promisor) => ({
      kind: obligationKind,
      promisor,
      promisees: counterparties(input, promisor),
      due: null,
      qualifier: qualifierOf(provision, [
        params.immediate === true && 'immediately',
        params.automatic === true && 'automatic',
      ]),
      wording,
    })),
  }));
}

export const assistanceResponseKind: MechanismKind = {
  kind: 'assistance_response',
  summary: 'each promisor assists the attacked party; no deadline, the clause wording sets the pace',
  answers: () => ['armed_attack'],
  evaluate: (input) => respond(input, 'assist', 'pace not stated'),
};

export const costImpositionKind: MechanismKind = {
  kind: 'cost_imposition',
  summary: 'each promisor imposes economic and other costs (sanctions) on the aggressor; no deadline',
  answers: () => ['armed_attack'],
  evaluate: (input) => respond(input, 'impose_costs', 'costs on the aggressor'),
};

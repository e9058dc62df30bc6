// accession_review (NATO accession: decide on future status) and ceasefire_activation (Paris Declaration components).
import type { MechanismKind } from '../types.js';
import { counterparties, qualifierOf, str } from './common.js';

export const accessionReviewKind: MechanismKind = {
  kind: 'accession_review',
  summary:
    "on Ukraine's accession to NATO the parties decide on the agreement's future status (a review, not a termination)",
  answers: () => ['nato_accession'],
  evaluate(input) {
    const { event, provision } = input;
    if ((event.party ?? 'UA') !== 'UA')
      return {
        skip: 'condition_unmet',
        detail: `the clause is about Ukraine joining NATO; the event is about ${event.party}`,
      };
    return {
      conditions: ['Ukraine became a member of NATO while the agreement is in force'],
      obligations: provision.promisors.map((promisor) => ({
        kind: 'review_status',
        promisor,
        promisees: counterparties(input, promisor),
        due: null,
        qualifier: qualifierOf(provision),
        wording: 'decide on the future status of the agreement (it does not end by itself)',
      })),
    };
  },
};

/** What activating a component obliges, by the provision's area; anything else is support. */
const ACTIVATION_DUTY: Record<string, string> = {
  reassurance_force: 'deploy',
  ceasefire_guarantee: 'monitor',
  military_assistance: 'assist',
  response_to_attack: 'stand_ready',
};

export const ceasefireActivationKind: MechanismKind = {
  kind: 'ceasefire_activation',
  summary: 'a ceasefire activates the component: deploy, monitor, assist or stand ready, by the provision area',
  answers: () => ['ceasefire'],
  evaluate(input) {
    const { provision } = input;
    const component = str(provision.mechanism!.params.component) ?? provision.id;
    return {
      conditions: [`a ceasefire activates ${component}`],
      obligations: provision.promisors.map((promisor) => ({
        kind: ACTIVATION_DUTY[provision.area] ?? 'support',
        promisor,
        promisees: counterparties(input, promisor),
        due: null,
        qualifier: qualifierOf(provision, ['once hostilities cease']),
        wording: `activate ${component}`,
      })),
    };
  },
};

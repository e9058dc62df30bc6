// What each mechanism kind means for the analysis: deadlines it sets, whether it answers an attack, how firm it is.
// A registry of handlers keyed by kind, so shared analysis code never branches on a kind's name.
import type { Mechanism } from '../model.js';

/** The analysis-relevant reading of one mechanism. Durations are ISO 8601 (PT24H); null when the text sets none. */
export interface MechanismTraits {
  /** Deadline to meet or consult after the request or event. */
  convene: string | null;
  /** Deadline to decide on measures. */
  decide: string | null;
  /** True when the mechanism answers an armed attack on Ukraine. */
  respondsToAttack: boolean;
  /** True when the response is stated as immediate or automatic. */
  immediate: boolean;
  /** The verb class the mechanism carries (commitments, conditional_commitments, intentions), if stated. */
  wording: string | null;
  /** What the response consists of, for explanations. */
  consequence: 'consult' | 'convene_and_decide' | 'assist' | 'impose_costs' | 'review_status' | 'deploy' | 'other';
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

type TraitsOf = (params: Record<string, unknown>) => MechanismTraits;

const base: MechanismTraits = {
  convene: null,
  decide: null,
  respondsToAttack: false,
  immediate: false,
  wording: null,
  consequence: 'other',
};

/** Known kinds. An unknown kind reads as `other` with no deadline and no response. */
export const MECHANISM_TRAITS: Record<string, TraitsOf> = {
  // ATOP-coded alliance obligations (world registry): a defence obligation answers an attack with assistance.
  alliance_obligation: (p) => ({
    ...base,
    respondsToAttack: p.obligation_kind === 'defend' || p.obligation_kind === 'consult',
    wording: 'commitments',
    consequence: p.obligation_kind === 'defend' ? 'assist' : p.obligation_kind === 'consult' ? 'consult' : 'other',
  }),
  consultation: (p) => ({ ...base, convene: s(p.deadline), respondsToAttack: true, consequence: 'consult' }),
  convene_and_decide: (p) => ({
    ...base,
    convene: s(p.convene),
    decide: s(p.decide),
    respondsToAttack: (s(p.event) ?? 'armed_attack') === 'armed_attack',
    wording: p.commitment === false ? 'intentions' : 'commitments',
    consequence: 'convene_and_decide',
  }),
  collective_convening: (p) => ({
    ...base,
    convene: s(p.deadline),
    respondsToAttack: true,
    wording: 'intentions',
    consequence: 'convene_and_decide',
  }),
  assistance_response: (p) => ({
    ...base,
    respondsToAttack: true,
    immediate: p.immediate === true,
    wording: s(p.wording),
    consequence: 'assist',
  }),
  cost_imposition: (p) => ({
    ...base,
    respondsToAttack: true,
    immediate: p.automatic === true,
    wording: 'commitments',
    consequence: 'impose_costs',
  }),
  accession_review: () => ({ ...base, consequence: 'review_status' }),
  ceasefire_activation: () => ({ ...base, consequence: 'deploy' }),
};

/** Reads a mechanism through the registry; null mechanism gives null. */
export function traitsOf(m: Mechanism | null): MechanismTraits | null {
  if (!m) return null;
  const f = MECHANISM_TRAITS[m.kind];
  return f ? f(m.params) : { ...base };
}

/** Hours in an ISO duration of days/hours/minutes (PT24H = 24); null if it cannot be read. */
export function durationHours(d: string | null): number | null {
  if (!d) return null;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(d);
  if (!m) return null;
  return Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
}

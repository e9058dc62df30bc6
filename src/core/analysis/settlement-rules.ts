// Rules of the settlement checker, per term kind: which provisions a term is weighed against, which text cues
// turn it into a conflict, a partial conflict or none, and which scenario operations accepting it implies.
import type { IsoDate, Registry } from '../model.js';
import type { ScenarioOp, SettlementTerm } from './scenario-types.js';
import { CUES } from './text-cues.js';

export type Verdict = 'conflict' | 'partial' | 'none';

export interface TermRule {
  /** Areas of the provisions the term is weighed against (cited in the result). */
  areas: string[];
  /** Checked in order; the first cue found in the term's text decides. */
  cues: { re: RegExp; verdict: Verdict; why: string }[];
  /** The verdict when no cue matches. */
  otherwise: { verdict: Verdict; why: string };
  /** When set, a conflict also needs a provision whose quote matches this cue (else the verdict drops to `none`). */
  needsQuote?: RegExp;
  /** Operations implied by accepting the term (applied when the verdict is not `none`). */
  effects?: (term: SettlementTerm, date: IsoDate, reg: Registry) => ScenarioOp[];
}

const none = (why: string): TermRule => ({ areas: [], cues: [], otherwise: { verdict: 'none', why } });
const neutralityEffect = (): ScenarioOp[] => [
  { op: 'remove_provisions', areas: ['nato_accession_support'], note: 'neutrality / non-alignment accepted' },
];

/** Term kind (data/settlements/README.md) -> rule. A kind alone never decides: the cues read the text. */
export const TERM_RULES: Record<string, TermRule> = {
  neutrality: {
    areas: ['nato_accession_support', 'nato_accession_effect'],
    cues: [{ re: /does not undertake|no obligation to be neutral/i, verdict: 'none', why: 'neutrality declined' }],
    otherwise: { verdict: 'conflict', why: "the agreements support Ukraine's NATO accession; neutrality ends it" },
    effects: neutralityEffect,
  },
  non_alignment: {
    areas: ['nato_accession_support'],
    cues: [],
    otherwise: { verdict: 'conflict', why: 'non-alignment rules out the NATO accession the agreements support' },
    effects: neutralityEffect,
  },
  nato_membership_ban: {
    areas: ['nato_accession_support'],
    cues: [{ re: /consensus/i, verdict: 'none', why: 'membership left to NATO consensus, not banned' }],
    otherwise: { verdict: 'conflict', why: 'a ban on NATO membership contradicts the accession support' },
    effects: neutralityEffect,
  },
  foreign_troops_ban: {
    areas: ['joint_exercises', 'training'],
    cues: [
      {
        re: /any military activit|military presence|exercise|specialists|instructors/i,
        verdict: 'conflict',
        why: "bans the training and exercises with partners' forces the agreements provide",
      },
      { re: /permanent|peacetime/i, verdict: 'none', why: 'the agreements provide no permanent stationing of forces' },
    ],
    otherwise: { verdict: 'partial', why: "limits partners' presence for training and exercises" },
  },
  exercises_ban: {
    areas: ['joint_exercises', 'training'],
    cues: [],
    otherwise: { verdict: 'conflict', why: 'restricts the exercises and training the agreements provide' },
  },
  force_cap: {
    areas: ['military_assistance', 'defence_industry'],
    cues: [
      {
        re: /800,?000|peacetime/i,
        verdict: 'partial',
        why: 'a high peacetime cap constrains the future force the agreements build, partly',
      },
    ],
    otherwise: { verdict: 'conflict', why: 'caps the future force the agreements commit to build' },
  },
  weapons_cap: {
    areas: ['military_assistance', 'air_defence'],
    cues: [],
    otherwise: { verdict: 'conflict', why: 'limits the weapons the agreements commit to supply' },
  },
  guarantor_with_veto: {
    areas: ['consultations_on_attack', 'response_to_attack'],
    cues: [],
    otherwise: { verdict: 'conflict', why: 'a guarantor with a veto can block the response the agreements provide' },
  },
  guarantee_by_third_party: {
    areas: ['response_to_attack'],
    cues: [{ re: /\b(russia|belarus)\b/i, verdict: 'partial', why: 'the aggressor among the guarantors' }],
    otherwise: { verdict: 'none', why: 'additional guarantors do not displace the agreements' },
  },
  abrogate_bilateral_agreements: {
    areas: ['response_to_attack', 'consultations_on_attack'],
    cues: [],
    otherwise: { verdict: 'conflict', why: 'terminates the agreements themselves' },
    effects: (_t, date) => [{ op: 'terminate_all', date, note: 'abrogation accepted in a settlement' }],
  },
  assistance_ban: {
    areas: ['military_assistance', 'intelligence', 'air_defence'],
    cues: [],
    otherwise: { verdict: 'conflict', why: 'stops the assistance the agreements provide' },
    effects: (_t, date) => [{ op: 'change_pledges', partner: '*', factor: 0, from_year: Number(date.slice(0, 4)) }],
  },
  sanctions_relief: {
    areas: ['sanctions'],
    cues: [
      {
        re: /gradual|phased|restored|snap-?back|if russia (attacks|invades)|may be subject/i,
        verdict: 'partial',
        why: 'conditional or gradual relief: partly against the sanctions commitments',
      },
      {
        re: /lift|stop|refus|all\b|at once|lifting/i,
        verdict: 'conflict',
        why: 'lifting sanctions contradicts the sanctions commitments',
      },
    ],
    otherwise: { verdict: 'partial', why: 'relief of unstated scope' },
  },
  frozen_assets: {
    areas: ['frozen_assets', 'accountability_war_crimes'],
    cues: [
      {
        re: /remain (frozen|immobili[sz]ed)|until russia (pays|compensates)/i,
        verdict: 'none',
        why: 'assets stay immobilised until Russia pays: as the agreements say',
      },
      {
        re: /unfroz|unfreez|released?|returned|waiv/i,
        verdict: 'conflict',
        why: 'releasing the assets contradicts the immobilisation commitments',
      },
    ],
    otherwise: { verdict: 'partial', why: 'asset terms of unstated direction' },
  },
  territorial_cession: {
    areas: ['response_to_attack'],
    cues: [],
    needsQuote: CUES.territorialIntegrity,
    otherwise: { verdict: 'conflict', why: "cedes territory the agreements recognise as Ukraine's" },
  },
  territorial_recognition: {
    areas: ['response_to_attack'],
    cues: [],
    needsQuote: CUES.territorialIntegrity,
    otherwise: {
      verdict: 'conflict',
      why: 'recognises annexations against the territorial integrity the agreements uphold',
    },
  },
  other: {
    areas: [],
    cues: [
      { re: /termination of all existing international treaties/i, verdict: 'conflict', why: 'terminates agreements' },
      {
        re: /waiver of claims|no reparations/i,
        verdict: 'conflict',
        why: 'waives the compensation the agreements tie the frozen assets to',
      },
      {
        re: /guarantees do not apply|carve-out/i,
        verdict: 'partial',
        why: 'excludes parts of Ukraine from the guarantees',
      },
    ],
    otherwise: { verdict: 'none', why: 'no rule weighs this term against the agreements' },
  },
  elections: none('the agreements do not address elections'),
  language_and_church: none('the agreements do not address language or church'),
  amnesty: none('the agreements do not address amnesty'),
  nuclear_status: none('the agreements do not address nuclear status'),
  eu_membership_allowed: none('agrees with the EU-accession support'),
  security_guarantee_article5_like: none('strengthens, does not contradict, the agreements'),
  keep_bilateral_agreements: none('keeps the agreements'),
  continued_assistance: none('agrees with the assistance commitments'),
  ceasefire: {
    areas: ['military_assistance'],
    cues: [
      {
        re: /cessation of foreign deliveries|military assistance/i,
        verdict: 'conflict',
        why: 'a ceasefire conditioned on ending assistance',
      },
    ],
    otherwise: { verdict: 'none', why: 'a ceasefire does not contradict the agreements' },
  },
};

/** Cue used by the `other` kind's agreement-level links (frozen assets) when weighing waivers. */
export const OTHER_AREAS_BY_CUE: { re: RegExp; areas: string[] }[] = [
  { re: /waiver of claims|no reparations/i, areas: ['frozen_assets', 'accountability_war_crimes'] },
  { re: /guarantees do not apply|carve-out/i, areas: ['response_to_attack'] },
  { re: /termination of all existing international treaties/i, areas: ['response_to_attack'] },
];

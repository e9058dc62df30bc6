// Rules of the settlement checker, per term kind: which provisions a term is weighed against, which text cues
// turn it into a conflict, a tension or compatible, and which scenario operations accepting it implies; plus the
// rules that read every term's text whatever its kind. No rule here defaults to compatible for a kind it does not know.
import type { IsoDate, Registry } from '../model.js';
import type { ScenarioOp, SettlementTerm } from './scenario-types.js';

/** Every term gets exactly one: `unassessed` when no rule (or no coded provision) could weigh it. */
export const VERDICTS = ['conflict', 'tension', 'compatible', 'unassessed'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** What a rule itself can conclude; `unassessed` is the checker's, never a rule's default. */
export type RuleVerdict = Exclude<Verdict, 'unassessed'>;

export interface TermRule {
  /** Areas of the provisions the term is weighed against (cited in the result). */
  areas: string[];
  /** Checked in order; the first cue found in the term's text decides. */
  cues: { re: RegExp; verdict: RuleVerdict; why: string }[];
  /** The verdict when no cue matches. */
  otherwise: { verdict: RuleVerdict; why: string };
  /** Operations implied by accepting the term (applied when the verdict is conflict or tension). */
  effects?: (term: SettlementTerm, date: IsoDate, reg: Registry) => ScenarioOp[];
}

const compatible = (why: string, areas: string[] = []): TermRule => ({
  areas,
  cues: [],
  otherwise: { verdict: 'compatible', why },
});
const neutralityEffect = (): ScenarioOp[] => [
  { op: 'remove_provisions', areas: ['nato_accession_support'], note: 'neutrality / non-alignment accepted' },
];

/** Term kind (data/settlements/README.md) -> rule. A kind alone never decides: the cues read the text. */
export const TERM_RULES: Record<string, TermRule> = {
  neutrality: {
    areas: ['nato_accession_support', 'nato_accession_effect'],
    cues: [
      {
        re: /does not undertake|no obligation to be neutral|declin\w* neutrality/i,
        verdict: 'compatible',
        why: 'neutrality declined',
      },
    ],
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
    cues: [{ re: /consensus/i, verdict: 'compatible', why: 'membership left to NATO consensus, not banned' }],
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
      {
        re: /permanent|peacetime/i,
        verdict: 'compatible',
        why: 'the agreements provide no permanent stationing of forces',
      },
    ],
    otherwise: { verdict: 'tension', why: "limits partners' presence for training and exercises" },
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
        verdict: 'tension',
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
    cues: [{ re: /\b(russia|belarus)\b/i, verdict: 'tension', why: 'the aggressor among the guarantors' }],
    otherwise: { verdict: 'compatible', why: 'additional guarantors do not displace the agreements' },
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
        re: /gradual|phased|in stages|step by step|case[- ]by[- ]case|restored|reinstated|snap-?back|if russia (attacks|invades)|may be subject/i,
        verdict: 'tension',
        why: 'conditional or gradual relief: partly against the sanctions commitments',
      },
      {
        re: /lift|stop|refus|all\b|at once|lifting/i,
        verdict: 'conflict',
        why: 'lifting sanctions contradicts the sanctions commitments',
      },
    ],
    otherwise: { verdict: 'tension', why: 'relief of unstated scope' },
  },
  frozen_assets: {
    areas: ['frozen_assets', 'accountability_war_crimes'],
    cues: [
      {
        re: /remain (frozen|immobili[sz]ed)|until russia (pays|compensates)/i,
        verdict: 'compatible',
        why: 'assets stay immobilised until Russia pays: as the agreements say',
      },
      {
        re: /unfroz|unfreez|released?|returned|waiv/i,
        verdict: 'conflict',
        why: 'releasing the assets contradicts the immobilisation commitments',
      },
    ],
    otherwise: { verdict: 'tension', why: 'asset terms of unstated direction' },
  },
  // Territorial kinds: the territory rule (settlement-territory.ts) reads the wording; these are its fall-backs
  // when the wording gives no cue, as the file's author classified the term.
  territorial_cession: {
    areas: ['territorial_integrity'],
    cues: [],
    otherwise: {
      verdict: 'conflict',
      why: "cedes territory the agreements recognise as Ukraine's (by the term's kind)",
    },
  },
  territorial_recognition: {
    areas: ['territorial_integrity'],
    cues: [],
    otherwise: {
      verdict: 'conflict',
      why: "recognises annexations against the territorial integrity the agreements uphold (by the term's kind)",
    },
  },
  amnesty: {
    areas: ['accountability_war_crimes'],
    cues: [
      {
        re: /except\w* (for )?(war crimes|crimes against humanity|genocide)|not (cover|extend to|apply to) (war crimes|crimes against)/i,
        verdict: 'compatible',
        why: 'an amnesty that excludes war crimes leaves the accountability commitments intact',
      },
      {
        re: /full|all (parties|participants|sides)|blanket|general|war-?time (acts|actions)|no (claims|prosecution)/i,
        verdict: 'conflict',
        why: 'a full amnesty for wartime acts contradicts the commitments to hold war crimes to account',
      },
    ],
    otherwise: { verdict: 'tension', why: 'an amnesty of unstated scope may reach the crimes the agreements pursue' },
  },
  elections: compatible('no commitment of the agreements concerns the timing of elections'),
  language_and_church: compatible('no commitment of the agreements concerns language or church'),
  nuclear_status: compatible("no commitment of the agreements concerns Ukraine's nuclear status"),
  eu_membership_allowed: compatible('agrees with the EU-accession support', ['eu_accession_support']),
  security_guarantee_article5_like: compatible('strengthens, does not contradict, the agreements', [
    'response_to_attack',
  ]),
  keep_bilateral_agreements: compatible('keeps the agreements'),
  continued_assistance: compatible('agrees with the assistance commitments', ['military_assistance']),
  ceasefire: {
    areas: ['military_assistance'],
    cues: [
      {
        re: /cessation of foreign deliveries|(end|stop|halt|cessation)\w* (of )?(western |foreign )?(military assistance|arms (deliveries|supplies))/i,
        verdict: 'conflict',
        why: 'a ceasefire conditioned on ending assistance',
      },
    ],
    otherwise: { verdict: 'compatible', why: 'a ceasefire does not contradict the assistance commitments' },
  },
};

/**
 * Rules that read any term's text whatever its kind (a term of kind `other` is weighed by these alone): the first
 * cue of each rule that matches gives that rule's verdict. The territory rule is in settlement-territory.ts.
 */
export interface TextRule {
  id: string;
  areas: string[];
  re: RegExp;
  verdict: RuleVerdict;
  why: string;
}

export const TEXT_RULES: TextRule[] = [
  {
    id: 'treaty_termination',
    areas: ['response_to_attack', 'consultations_on_attack'],
    re: /termination of all (existing )?(international )?(treaties|agreements)|abrogat\w*|annul\w* (the |all )?(bilateral |security )?agreements/i,
    verdict: 'conflict',
    why: 'terminates the agreements',
  },
  {
    id: 'waiver_of_claims',
    areas: ['frozen_assets', 'accountability_war_crimes'],
    re: /waiver of (all )?claims|no reparations|(make|raise|pursue|bring) no (further )?claims|renounc\w* (all )?claims|not (to )?(make|pursue|raise) (any )?claims/i,
    verdict: 'conflict',
    why: 'waives the compensation and accountability the agreements tie the frozen assets to',
  },
  {
    id: 'full_amnesty',
    areas: ['accountability_war_crimes'],
    re: /\b(full|blanket|general|complete) amnesty\b|amnesty for (all|their|wartime|war-time)/i,
    verdict: 'conflict',
    why: 'a full amnesty for wartime acts contradicts the commitments to hold war crimes to account',
  },
  {
    id: 'nato_bar',
    areas: ['nato_accession_support'],
    re: /(will|shall|would) not (join|be admitted to|become a member of) nato|never (join|be admitted to) nato|nato (will|shall) not (admit|accept|expand)|renounc\w* (its )?nato|abandon\w* (its )?nato|no further (nato )?(enlargement|expansion)/i,
    verdict: 'conflict',
    why: 'bars the NATO accession the agreements support',
  },
  {
    id: 'army_cap',
    areas: ['military_assistance', 'defence_industry'],
    re: /(armed forces|army|military)[^.;]{0,40}\b(limited|capped|reduced|restricted) to\b|\bcap(ped)? on (the )?(size|number)/i,
    verdict: 'conflict',
    why: 'caps the future force the agreements commit to build',
  },
];

// The rule table behind `compact compare`: for each element of the 2022 proposal, which provisions and fields of a
// 2024 agreement decide whether it is met, partly met or not met. A registry keyed by element id (docs/compare.md).
import type { Agreement, Provision } from '../model.js';
import { traitsOf } from './mechanism-traits.js';
import { CUES, hasCue } from './text-cues.js';

export type ElementStatus = 'met' | 'partly' | 'not_met' | 'unknown';

export interface RuleVerdict {
  status: ElementStatus;
  why: string;
  /** Provisions weighed; fields are named in `why`. */
  provisions: Provision[];
}

export interface CompareRule {
  /** Which area, mechanism or field the rule reads. */
  reads: string;
  met: string;
  partly: string;
  /** The proposal's own provision that states the element, when it has one. */
  proposal_provision: string | null;
  decide(a: Agreement): RuleVerdict;
}

const inArea = (a: Agreement, ...areas: string[]) => a.provisions.filter((p) => areas.includes(p.area));

/** Splits provisions by a cue: met if any matches, partly if any provision exists, else not met. */
function byCue(areas: string[], cue: RegExp, what: string): (a: Agreement) => RuleVerdict {
  return (a) => {
    if (!a.provisions.length)
      return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
    const ps = inArea(a, ...areas);
    const hit = ps.filter((p) => hasCue(p.quote, cue));
    if (hit.length) return { status: 'met', why: `${what} stated`, provisions: hit };
    if (ps.length) return { status: 'partly', why: `${areas.join('/')} provision without ${what}`, provisions: ps };
    return { status: 'not_met', why: `no ${areas.join('/')} provision`, provisions: [] };
  };
}

/** Element id (as in data/frameworks/kyiv-security-compact-2022.yaml) -> rule. */
export const COMPARE_RULES: Record<string, CompareRule> = {
  binding_bilateral_agreements: {
    reads: 'legal_force.class, legal_force.ratified',
    met: 'ratified treaty (or ratified: true)',
    partly: 'executive agreement (binding on the executive, not ratified)',
    proposal_provision: null,
    decide(a) {
      const lf = a.legal_force;
      const status: ElementStatus =
        lf.ratified === true || lf.class === 'ratified_treaty'
          ? 'met'
          : lf.class === 'executive_agreement'
            ? 'partly'
            : lf.class === 'unknown'
              ? 'unknown'
              : 'not_met';
      return { status, why: `legal_force.class = ${lf.class}, ratified = ${lf.ratified}`, provisions: [] };
    },
  },
  trigger_mechanism: {
    reads: 'provisions[].mechanism (kinds answering an armed attack; their convene/decide deadlines)',
    met: 'a mechanism with a decision deadline, or an immediate assistance commitment',
    partly: 'a consultation deadline, or a response mechanism without deadlines',
    proposal_provision: 'trigger_24_72',
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const resp = a.provisions.filter((p) => traitsOf(p.mechanism)?.respondsToAttack);
      const full = resp.filter((p) => {
        const t = traitsOf(p.mechanism)!;
        return t.decide !== null || (t.immediate && t.wording === 'commitments');
      });
      if (full.length) return { status: 'met', why: 'decision deadline or immediate commitment', provisions: full };
      const dl = resp.filter((p) => traitsOf(p.mechanism)!.convene !== null);
      if (dl.length)
        return {
          status: 'partly',
          why: `consultation within ${traitsOf(dl[0]!.mechanism)!.convene}; no deadline to decide or act`,
          provisions: dl,
        };
      if (resp.length) return { status: 'partly', why: 'response mechanism without any deadline', provisions: resp };
      return { status: 'not_met', why: 'no mechanism answers an armed attack', provisions: [] };
    },
  },
  joint_exercises_on_ukrainian_territory: {
    reads: 'provisions[area=joint_exercises].quote',
    met: 'joint exercises held on Ukrainian territory',
    partly: 'joint exercises elsewhere or unspecified',
    proposal_provision: 'joint_exercises_on_territory',
    decide: byCue(['joint_exercises'], CUES.onUkrainianTerritory, 'exercises on Ukrainian territory'),
  },
  training_to_nato_standards: {
    reads: 'provisions[area=training|joint_exercises].quote',
    met: 'training to NATO standards / interoperability',
    partly: 'training without a NATO-standards reference',
    proposal_provision: 'training_nato_standards',
    decide: byCue(['training', 'joint_exercises'], CUES.natoStandards, 'NATO standards'),
  },
  territorial_defence_training: {
    reads: 'provisions[area=training].quote',
    met: 'training of territorial defence or reserve forces',
    partly: 'training of other forces',
    proposal_provision: 'territorial_defence_training',
    decide: byCue(['training'], CUES.territorialDefence, 'territorial-defence training'),
  },
  air_and_missile_defence_closed_sky: {
    reads: 'provisions[area=air_defence].quote',
    met: "a 'closed sky' / airspace protection undertaking",
    partly: 'air-defence supply without the closed-sky aim',
    proposal_provision: 'closed_sky',
    decide: byCue(['air_defence'], CUES.closedSky, 'closed-sky or airspace protection'),
  },
  intelligence_support: {
    reads: 'provisions[area=intelligence]',
    met: 'any intelligence provision',
    partly: '-',
    proposal_provision: 'intelligence',
    decide: byCue(['intelligence'], /./, 'intelligence sharing'),
  },
  defence_industry_investment: {
    reads: 'provisions[area=defence_industry].quote',
    met: 'investment / joint production stated',
    partly: 'defence-industry cooperation without investment',
    proposal_provision: 'defence_industry',
    decide: byCue(['defence_industry'], CUES.investment, 'investment'),
  },
  sanctions: {
    reads: 'provisions[area=sanctions].quote, mechanism cost_imposition',
    met: 'sanctions imposed in response to a (future) attack',
    partly: 'sanctions cooperation without a response commitment',
    proposal_provision: 'automatic_sanctions',
    decide(a) {
      const costs = a.provisions.filter((p) => traitsOf(p.mechanism)?.consequence === 'impose_costs');
      if (costs.length) return { status: 'met', why: 'cost-imposition mechanism', provisions: costs };
      return byCue(['sanctions'], CUES.responsiveSanctions, 'a response to renewed aggression')(a);
    },
  },
  whole_territory: {
    reads: 'provisions[].quote',
    met: 'a provision names the whole territory / internationally recognised borders',
    partly: 'territorial integrity named without the borders',
    proposal_provision: null,
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const hit = a.provisions.filter((p) => hasCue(p.quote, CUES.wholeTerritory));
      if (hit.length) return { status: 'met', why: 'whole territory stated', provisions: hit };
      const ti = a.provisions.filter((p) => hasCue(p.quote, CUES.territorialIntegrity));
      if (ti.length) return { status: 'partly', why: 'territorial integrity stated', provisions: ti };
      return { status: 'not_met', why: 'no coded provision states the territorial scope', provisions: [] };
    },
  },
  non_transactional: {
    reads: 'provisions[].quote (Ukraine neutrality cue), provisions[area=nato_accession_support]',
    met: 'no neutrality condition and NATO accession supported',
    partly: 'no neutrality condition; accession support not coded',
    proposal_provision: null,
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const cond = a.provisions.filter((p) => hasCue(p.quote, CUES.ukraineNeutrality));
      if (cond.length)
        return { status: 'not_met', why: 'a provision ties the commitments to neutrality', provisions: cond };
      const nato = inArea(a, 'nato_accession_support');
      return nato.length
        ? { status: 'met', why: 'no neutrality condition; NATO accession supported', provisions: nato }
        : { status: 'partly', why: 'no neutrality condition; accession support not coded', provisions: [] };
    },
  },
  positive_not_negative_guarantees: {
    reads: 'provisions[].polarity and mechanism wording of the response clause',
    met: 'positive response undertaking worded as commitments',
    partly: 'positive response worded as intentions or conditional',
    proposal_provision: 'mobilise_resources',
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const resp = a.provisions.filter(
        (p) => p.polarity === 'positive' && traitsOf(p.mechanism)?.consequence === 'assist',
      );
      const firm = resp.filter((p) => traitsOf(p.mechanism)!.wording === 'commitments');
      if (firm.length) return { status: 'met', why: 'positive assistance undertaking (commitments)', provisions: firm };
      if (resp.length)
        return {
          status: 'partly',
          why: `positive assistance undertaking worded as ${traitsOf(resp[0]!.mechanism)!.wording ?? 'unstated'}`,
          provisions: resp,
        };
      return { status: 'not_met', why: 'no positive assistance undertaking', provisions: [] };
    },
  },
};

// The rule table behind `compact compare`: for each element of the 2022 proposal, which provisions and fields of a
// 2024 agreement decide whether it is met, partly met or not met. A registry keyed by element id (docs/compare.md).
import type { Agreement, Provision } from '../model.js';
import type { Area } from '../taxonomy.js';
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
  /** The provision areas the element speaks to (the dashboard counts them as areas the proposal covers). */
  areas: readonly Area[];
  met: string;
  partly: string;
  /** The proposal's own provision that states the element, when it has one. */
  proposal_provision: string | null;
  decide(a: Agreement): RuleVerdict;
}

const MILITARY: Area[] = ['military_assistance', 'air_defence', 'defence_industry', 'training'];
const inArea = (a: Agreement, ...areas: Area[]) => a.provisions.filter((p) => areas.includes(p.area));

/** Splits provisions by a cue: met if any matches, partly if any provision exists, else not met. */
function byCue(areas: Area[], cue: RegExp, what: string): (a: Agreement) => RuleVerdict {
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
    areas: [],
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
    areas: ['consultations_on_attack', 'response_to_attack', 'collective_convening'],
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
    areas: ['joint_exercises'],
    reads: 'provisions[area=joint_exercises].quote',
    met: 'joint exercises held on Ukrainian territory',
    partly: 'joint exercises elsewhere or unspecified',
    proposal_provision: 'joint_exercises_on_territory',
    decide: byCue(['joint_exercises'], CUES.onUkrainianTerritory, 'exercises on Ukrainian territory'),
  },
  training_to_nato_standards: {
    areas: ['training', 'joint_exercises'],
    reads: 'provisions[area=training|joint_exercises].quote',
    met: 'training to NATO standards / interoperability',
    partly: 'training without a NATO-standards reference',
    proposal_provision: 'training_nato_standards',
    decide: byCue(['training', 'joint_exercises'], CUES.natoStandards, 'NATO standards'),
  },
  territorial_defence_training: {
    areas: ['training'],
    reads: 'provisions[area=training].quote',
    met: 'training of territorial defence or reserve forces',
    partly: 'training of other forces',
    proposal_provision: 'territorial_defence_training',
    decide: byCue(['training'], CUES.territorialDefence, 'territorial-defence training'),
  },
  air_and_missile_defence_closed_sky: {
    areas: ['air_defence'],
    reads: 'provisions[area=air_defence].quote',
    met: "a 'closed sky' / airspace protection undertaking",
    partly: 'air-defence supply without the closed-sky aim',
    proposal_provision: 'closed_sky',
    decide: byCue(['air_defence'], CUES.closedSky, 'closed-sky or airspace protection'),
  },
  intelligence_support: {
    areas: ['intelligence'],
    reads: 'provisions[area=intelligence]',
    met: 'any intelligence provision',
    partly: '-',
    proposal_provision: 'intelligence',
    decide: byCue(['intelligence'], /./, 'intelligence sharing'),
  },
  defence_industry_investment: {
    areas: ['defence_industry'],
    reads: 'provisions[area=defence_industry].quote',
    met: 'investment / joint production stated',
    partly: 'defence-industry cooperation without investment',
    proposal_provision: 'defence_industry',
    decide: byCue(['defence_industry'], CUES.investment, 'investment'),
  },
  sanctions: {
    areas: ['sanctions'],
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
    areas: ['territorial_integrity'],
    reads: 'provisions[area=territorial_integrity].quote',
    met: 'a territorial-integrity provision names the internationally recognised (1991) borders or the whole territory',
    partly: 'territorial integrity affirmed without naming the borders',
    proposal_provision: null,
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      // Only the provisions that speak to territorial integrity count: a demining clause that clears "the entire
      // territory" says nothing about the scope of the guarantees.
      const ti = inArea(a, 'territorial_integrity');
      const hit = ti.filter((p) => hasCue(p.quote, CUES.wholeTerritory));
      if (hit.length)
        return { status: 'met', why: 'territorial integrity within the recognised borders affirmed', provisions: hit };
      if (ti.length)
        return { status: 'partly', why: 'territorial integrity affirmed, borders not named', provisions: ti };
      return { status: 'not_met', why: 'no territorial_integrity provision coded', provisions: [] };
    },
  },
  non_transactional: {
    areas: ['nato_accession_support'],
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
    areas: ['response_to_attack'],
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
  self_defence_capacity: {
    areas: [...MILITARY],
    reads: 'provisions[area=military_assistance|air_defence|defence_industry|training].quote',
    met: "support aimed at Ukraine's own capacity to defend itself and deter (self-defence, future force, deterrence)",
    partly: 'military support without that aim stated',
    proposal_provision: null,
    decide: byCue(MILITARY, CUES.selfDefence, "Ukraine's capacity to defend itself"),
  },
  advanced_weapons_transfers: {
    areas: ['military_assistance', 'air_defence'],
    reads: 'provisions[area=military_assistance|air_defence].quote and capabilities',
    met: 'modern or advanced systems named (modern equipment, long-range fires, fighters, air-defence systems)',
    partly: 'military assistance without naming modern systems',
    proposal_provision: 'closed_sky',
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const ps = inArea(a, 'military_assistance', 'air_defence');
      const hit = ps.filter(
        (p) => hasCue(p.quote, CUES.advancedWeapons) || p.capabilities.includes('integrated_air_missile_defence'),
      );
      if (hit.length) return { status: 'met', why: 'modern or advanced systems named', provisions: hit };
      if (ps.length) return { status: 'partly', why: 'military assistance, no modern system named', provisions: ps };
      return { status: 'not_met', why: 'no military_assistance or air_defence provision', provisions: [] };
    },
  },
  training_and_joint_exercises: {
    areas: ['training', 'joint_exercises'],
    reads: 'provisions[area=training], provisions[area=joint_exercises]',
    met: 'both training and joint exercises',
    partly: 'one of the two',
    proposal_provision: 'joint_exercises_on_territory',
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const tr = inArea(a, 'training');
      const ex = inArea(a, 'joint_exercises');
      if (tr.length && ex.length)
        return { status: 'met', why: 'training and joint exercises', provisions: [...tr, ...ex] };
      if (tr.length) return { status: 'partly', why: 'training, no joint exercises', provisions: tr };
      if (ex.length) return { status: 'partly', why: 'joint exercises, no training', provisions: ex };
      return { status: 'not_met', why: 'no training or joint_exercises provision', provisions: [] };
    },
  },
  not_a_substitute_for_nato: {
    areas: ['nato_accession_support', 'nato_accession_effect'],
    reads: 'provisions[area=nato_accession_support|nato_accession_effect].quote, nato_accession.effect',
    met: 'NATO accession supported and the agreement framed as a bridge (ends or is reviewed on accession, or says so)',
    partly: 'NATO accession supported, no bridge framing',
    proposal_provision: null,
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const nato = inArea(a, 'nato_accession_support', 'nato_accession_effect');
      const bridge = a.provisions.filter((p) => hasCue(p.quote, CUES.bridgeToNato));
      const effect = a.nato_accession.effect;
      const bridged = bridge.length > 0 || effect === 'terminates' || effect === 'decide_future_status';
      const support = inArea(a, 'nato_accession_support');
      if (support.length && bridged)
        return {
          status: 'met',
          why: `NATO accession supported; nato_accession.effect = ${effect}${bridge.length ? '; stated as no substitute' : ''}`,
          provisions: [...new Set([...bridge, ...nato])],
        };
      if (support.length)
        return {
          status: 'partly',
          why: `NATO accession supported; nato_accession.effect = ${effect}`,
          provisions: nato,
        };
      if (bridged)
        return {
          status: 'partly',
          why: `bridge framing (effect ${effect}) without accession support`,
          provisions: bridge,
        };
      return { status: 'not_met', why: 'no NATO accession support coded', provisions: [] };
    },
  },
  no_stationing_no_intervention: {
    areas: ['reassurance_force', 'response_to_attack'],
    reads: 'provisions[area=reassurance_force|response_to_attack].quote and mechanisms (deploy)',
    met: 'no provision stations forces or commits them to fight; the response is assistance',
    partly: '-',
    proposal_provision: null,
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const deploy = a.provisions.filter(
        (p) =>
          p.area === 'reassurance_force' ||
          traitsOf(p.mechanism)?.consequence === 'deploy' ||
          hasCue(p.quote, CUES.stationing),
      );
      if (deploy.length)
        return { status: 'not_met', why: 'a provision stations or deploys forces', provisions: deploy };
      const resp = inArea(a, 'response_to_attack');
      return {
        status: 'met',
        why: resp.length
          ? 'no provision stations or deploys forces; the response to an attack is assistance'
          : 'no provision stations or deploys forces (no response clause coded)',
        provisions: resp,
      };
    },
  },
  military_edge: {
    areas: [...MILITARY],
    reads: 'provisions[area=military_assistance|air_defence|defence_industry|training].quote',
    met: 'an edge or superiority over the aggressor stated',
    partly: 'deterrence or self-defence stated, no edge',
    proposal_provision: null,
    decide(a) {
      if (!a.provisions.length)
        return { status: 'unknown', why: 'no provisions coded for this agreement', provisions: [] };
      const ps = inArea(a, ...MILITARY);
      const edge = ps.filter((p) => hasCue(p.quote, CUES.militaryEdge));
      if (edge.length) return { status: 'met', why: 'an edge over the aggressor stated', provisions: edge };
      const deter = ps.filter((p) => hasCue(p.quote, CUES.selfDefence));
      if (deter.length) return { status: 'partly', why: 'deterrence stated, no edge', provisions: deter };
      return { status: 'not_met', why: 'no military provision states an edge or deterrence', provisions: [] };
    },
  },
};

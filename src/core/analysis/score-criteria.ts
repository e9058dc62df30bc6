// The strength rubric's criteria: each reads named fields and provisions of one agreement and returns a value in
// [0, 1] with the trace that decided it. A registry keyed by criterion id; weights come from configuration.
import type { Agreement } from '../model.js';
import { durationHours, traitsOf } from './mechanism-traits.js';
import { CUES, hasCue } from './text-cues.js';
import { fieldTrace, provisionTrace, type TraceItem } from './trace.js';

/** A criterion's verdict: value in [0, 1], or null when the record leaves it unknown (scored as 0, listed as unknown). */
export interface CriterionResult {
  value: number | null;
  why: string;
  trace: TraceItem[];
}

export interface Criterion {
  id: string;
  label: string;
  decide(a: Agreement): CriterionResult;
}

const FORCE: Record<string, number | null> = {
  ratified_treaty: 1,
  executive_agreement: 0.6,
  political_commitment: 0.3,
  unknown: null,
};
const WORDING: Record<string, number | null> = {
  commitments: 1,
  conditional_commitments: 0.6,
  mixed: 0.5,
  intentions: 0.2,
  not_applicable: 0,
  unknown: null,
};

const legalForce: Criterion = {
  id: 'legal_force',
  label: 'legal force and ratification',
  decide(a) {
    const lf = a.legal_force;
    let v = FORCE[lf.class] ?? null;
    if (lf.ratified === true) v = 1;
    const ev = lf.evidence.find((e) => e.quote) ?? lf.evidence[0] ?? null;
    return {
      value: v,
      why:
        v === null
          ? 'legal force not established in the sources'
          : `${lf.class}${lf.ratified ? ', ratified' : lf.ratified === false ? ', not ratified' : ''}`,
      trace: [fieldTrace(a, 'legal_force.class', lf.class, ev), fieldTrace(a, 'legal_force.ratified', lf.ratified)],
    };
  },
};

const wording: Criterion = {
  id: 'wording',
  label: 'wording: commitments vs intentions',
  decide(a) {
    const v = WORDING[a.wording.class] ?? null;
    return {
      value: v,
      why: `response clause worded as ${a.wording.class}`,
      trace: [fieldTrace(a, 'wording.class', a.wording.class, a.wording.citation)],
    };
  },
};

const trigger: Criterion = {
  id: 'trigger_deadline',
  label: 'a trigger with a deadline',
  decide(a) {
    let best = 0;
    let why = 'no provision sets a response mechanism';
    const trace: TraceItem[] = [];
    for (const p of a.provisions) {
      const t = traitsOf(p.mechanism);
      if (!t?.respondsToAttack) continue;
      const h = durationHours(t.convene);
      const d = durationHours(t.decide);
      // A deadline to decide is worth more than one to talk; a response without any deadline counts a little.
      const v = d !== null ? 1 : h !== null ? 0.7 : t.immediate ? 0.6 : 0.3;
      trace.push(provisionTrace(a, p, `${p.mechanism!.kind}: convene ${t.convene ?? '-'}, decide ${t.decide ?? '-'}`));
      if (v > best) {
        best = v;
        why =
          d !== null
            ? `decision deadline ${t.decide}`
            : h !== null
              ? `consultation within ${t.convene}, no decision deadline`
              : 'response mechanism without a deadline';
      }
    }
    return { value: a.provisions.length ? best : null, why: a.provisions.length ? why : 'no provisions coded', trace };
  },
};

const positive: Criterion = {
  id: 'positive_guarantee',
  label: 'positive (act) rather than negative (refrain) guarantees',
  decide(a) {
    const resp = a.provisions.filter((p) => traitsOf(p.mechanism)?.respondsToAttack);
    const pos = resp.filter((p) => p.polarity === 'positive');
    if (!a.provisions.length) return { value: null, why: 'no provisions coded', trace: [] };
    const v = pos.length ? 1 : a.provisions.some((p) => p.polarity === 'positive') ? 0.5 : 0;
    return {
      value: v,
      why: pos.length
        ? 'positive undertaking to respond to an attack'
        : v
          ? 'positive provisions, none answering an attack'
          : 'negative undertakings only',
      trace: (pos.length ? pos : a.provisions.slice(0, 1)).map((p) => provisionTrace(a, p, p.polarity)),
    };
  },
};

const amounts: Criterion = {
  id: 'stated_amounts',
  label: 'stated amounts and horizon',
  decide(a) {
    const stated = a.pledges.filter((p) => p.kind === 'pledge' && p.amount !== null);
    const years = new Set<number>();
    for (const p of stated) if (p.years) for (let y = p.years[0]; y <= p.years[1]; y++) years.add(y);
    const horizon = a.term.years ?? 10;
    const v = stated.length ? 0.5 + 0.5 * Math.min(1, years.size / horizon) : 0;
    return {
      value: v,
      why: stated.length
        ? `${stated.length} pledge(s) with amounts, covering ${years.size} of ${horizon} years`
        : 'no pledged amount stated',
      trace: stated.map((p) => ({
        record: a.id,
        field: `pledges[${p.id}]`,
        value: `${p.amount} ${p.currency} ${p.period ?? ''}`.trim(),
        quote: p.amount_text,
        where: p.where,
        source: p.source,
      })),
    };
  },
};

const term: Criterion = {
  id: 'term_and_termination',
  label: 'term and ease of termination',
  decide(a) {
    const termV = a.term.open_ended ? 1 : a.term.years !== null ? Math.min(1, a.term.years / 10) : null;
    const n = a.termination?.notice_months ?? null;
    // No notice period in the text: the instrument can be left at will.
    const exitV = n === null ? 0 : Math.min(1, n / 12);
    return {
      value: termV === null ? null : 0.5 * termV + 0.5 * exitV,
      why: `${a.term.open_ended ? 'no fixed term' : a.term.years !== null ? `${a.term.years}-year term` : 'term unknown'}; ${n === null ? 'no notice period stated (can be left at will)' : `${n} months' notice`}`,
      trace: [
        fieldTrace(a, 'term.years', a.term.years, a.term.citation),
        fieldTrace(a, 'termination.notice_months', n, a.termination?.citation ?? null),
      ],
    };
  },
};

const territory: Criterion = {
  id: 'territorial_scope',
  label: 'whole territory within internationally recognised borders',
  decide(a) {
    const hit = a.provisions.filter((p) => hasCue(p.quote, CUES.wholeTerritory));
    return {
      value: hit.length ? 1 : 0,
      why: hit.length
        ? 'a provision names the whole territory / recognised borders'
        : 'no coded provision states the territorial scope',
      trace: hit.map((p) => provisionTrace(a, p)),
    };
  },
};

const nonTransactional: Criterion = {
  id: 'non_transactional',
  label: 'non-transactional (no neutrality asked in exchange)',
  decide(a) {
    const cond = a.provisions.filter((p) => hasCue(p.quote, CUES.ukraineNeutrality));
    if (cond.length)
      return {
        value: 0,
        why: "a provision ties the commitments to Ukraine's neutrality",
        trace: cond.map((p) => provisionTrace(a, p)),
      };
    const nato = a.provisions.filter((p) => p.area === 'nato_accession_support');
    return {
      value: nato.length ? 1 : a.provisions.length ? 0.75 : null,
      why: nato.length
        ? 'no neutrality condition; supports NATO accession'
        : a.provisions.length
          ? 'no neutrality condition; NATO accession support not coded'
          : 'no provisions coded',
      trace: nato.map((p) => provisionTrace(a, p)),
    };
  },
};

/** Every criterion, in report order. Ids are the keys of config/score-weights.yaml. */
export const CRITERIA: Criterion[] = [
  legalForce,
  wording,
  trigger,
  positive,
  amounts,
  term,
  territory,
  nonTransactional,
];

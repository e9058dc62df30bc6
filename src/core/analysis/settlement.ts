// The settlement checker: weighs each term of a proposed settlement against the coded commitments and says
// conflict, partial or none, citing the provisions weighed; collects the scenario operations accepting it implies.
import type { IsoDate, Registry } from '../model.js';
import type { ScenarioOp, SettlementTerm } from './scenario-types.js';
import { OTHER_AREAS_BY_CUE, TERM_RULES, type Verdict } from './settlement-rules.js';

export interface Settlement {
  id: string;
  title: string;
  date: string;
  proponent: string;
  status: string;
  sources: string[];
  terms: SettlementTerm[];
}

export interface TermFinding {
  index: number;
  kind: string;
  text: string;
  source: string;
  verdict: Verdict;
  why: string;
  /** False when no rule or no coded provision could weigh the term. */
  assessed: boolean;
  provisions: { agreement: string; provision: string; area: string; quote: string; where: string; source: string }[];
}

export interface SettlementCheck {
  settlement: string;
  title: string;
  findings: TermFinding[];
  counts: Record<Verdict, number>;
  /** Operations implied by accepting the terms that are not `none`, in term order. */
  operations: ScenarioOp[];
}

/** Weighs every term. Pure: `date` is when the settlement is taken to be accepted (for the implied operations). */
export function checkSettlement(reg: Registry, s: Settlement, date: IsoDate): SettlementCheck {
  const findings: TermFinding[] = [];
  const operations: ScenarioOp[] = [];
  s.terms.forEach((term, index) => {
    const rule = TERM_RULES[term.kind] ?? TERM_RULES.other!;
    const cue = rule.cues.find((c) => c.re.test(term.text));
    let verdict = cue?.verdict ?? rule.otherwise.verdict;
    let why = cue?.why ?? rule.otherwise.why;
    const areas = [
      ...rule.areas,
      ...OTHER_AREAS_BY_CUE.filter((x) => rule === TERM_RULES.other && x.re.test(term.text)).flatMap((x) => x.areas),
    ];
    let provisions = reg.agreements.flatMap((a) =>
      a.provisions
        .filter((p) => areas.includes(p.area))
        .map((p) => ({
          agreement: a.id,
          provision: p.id,
          area: p.area,
          quote: p.quote,
          where: p.where,
          source: p.source,
        })),
    );
    let assessed = TERM_RULES[term.kind] !== undefined && (areas.length === 0 || provisions.length > 0);
    if (rule.needsQuote) {
      provisions = reg.agreements.flatMap((a) =>
        a.provisions
          .filter((p) => rule.needsQuote!.test(p.quote))
          .map((p) => ({
            agreement: a.id,
            provision: p.id,
            area: p.area,
            quote: p.quote,
            where: p.where,
            source: p.source,
          })),
      );
      if (!provisions.length) {
        verdict = 'none';
        why = `${why} — but no coded provision states it, so nothing to weigh (unassessed)`;
        assessed = false;
      }
    } else if (verdict !== 'none' && areas.length > 0 && provisions.length === 0) {
      verdict = 'none';
      why = `${why} — but no coded provision in ${areas.join('/')} (unassessed)`;
      assessed = false;
    }
    findings.push({ index, kind: term.kind, text: term.text, source: term.source, verdict, why, assessed, provisions });
    if (verdict !== 'none' && rule.effects) operations.push(...rule.effects(term, date, reg));
  });
  const counts: Record<Verdict, number> = { conflict: 0, partial: 0, none: 0 };
  for (const f of findings) counts[f.verdict]++;
  return { settlement: s.id, title: s.title, findings, counts, operations: dedupe(operations) };
}

/** One copy of each operation (several terms can imply the same one). */
function dedupe(ops: ScenarioOp[]): ScenarioOp[] {
  const seen = new Set<string>();
  return ops.filter((o) => {
    const k = JSON.stringify(o);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// The settlement checker: weighs each term of a proposed settlement against the coded commitments and gives it
// exactly one verdict (conflict, tension, compatible, or unassessed when no rule or no coded provision could weigh
// it), citing the provisions weighed and whether they are legal or political commitments; collects the scenario
// operations accepting it implies.
import type { Agreement, IsoDate, Registry } from '../model.js';
import type { LegalForce } from '../taxonomy.js';
import type { ScenarioOp, SettlementTerm } from './scenario-types.js';
import { type RuleVerdict, TERM_RULES, TEXT_RULES, VERDICTS, type Verdict } from './settlement-rules.js';
import { territorySignals, worstSignal } from './settlement-territory.js';
import { CUES } from './text-cues.js';

export { VERDICTS, type Verdict } from './settlement-rules.js';

export interface Settlement {
  id: string;
  title: string;
  date: string;
  proponent: string;
  status: string;
  sources: string[];
  terms: SettlementTerm[];
}

/** How far a commitment binds: `legal` for treaties and executive agreements, `political` for political ones. */
export type Binding = 'legal' | 'political' | 'unknown';

export interface WeighedProvision {
  agreement: string;
  provision: string;
  area: string;
  quote: string;
  where: string;
  source: string;
  evidence: string;
  legal_force: LegalForce;
  binding: Binding;
  /** `area`: coded in an area the rule weighs; `quote`: another area whose quote states the commitment. */
  matched: 'area' | 'quote';
}

/** One rule's reading of a term; a rule that found nothing to weigh says so (`unassessed`) with its reason. */
export interface Assessment {
  rule: string;
  verdict: Verdict;
  /** What the rule concluded from the wording, before looking for provisions to weigh. */
  reading: RuleVerdict;
  why: string;
  areas: string[];
  provisions: WeighedProvision[];
}

export interface TermFinding {
  index: number;
  kind: string;
  text: string;
  source: string;
  verdict: Verdict;
  why: string;
  /** False exactly when the verdict is `unassessed`. */
  assessed: boolean;
  /** For conflict and tension: the agreements held against the term, by how far they bind. */
  against: { legal: string[]; political: string[]; unknown: string[] } | null;
  /** For conflict and tension: the kind of commitment the term goes against. */
  commitment: 'legal' | 'political' | 'legal_and_political' | 'unknown' | null;
  /** The provisions of the assessments that decided the verdict. */
  provisions: WeighedProvision[];
  /** Every rule that read the term, deciding or not. */
  assessments: Assessment[];
}

export interface SettlementCheck {
  settlement: string;
  title: string;
  findings: TermFinding[];
  /** How many terms got each verdict; every verdict is present, zero or not. */
  counts: Record<Verdict, number>;
  /** Operations implied by accepting the terms that conflict or are in tension, in term order. */
  operations: ScenarioOp[];
}

export const NO_RULE = 'no rule covers this kind of term';
const TERRITORIAL_AREA = 'territorial_integrity';
const SEVERITY: Record<Verdict, number> = { conflict: 3, tension: 2, compatible: 1, unassessed: 0 };

/** Legal when the instrument is a treaty or an executive agreement that does not disclaim legal force. */
export function bindingOf(a: Agreement): Binding {
  if (a.legal_force.states_not_legally_binding === true) return 'political';
  if (a.legal_force.class === 'ratified_treaty' || a.legal_force.class === 'executive_agreement') return 'legal';
  if (a.legal_force.class === 'political_commitment') return 'political';
  return 'unknown';
}

function weighed(a: Agreement, p: Agreement['provisions'][number], matched: 'area' | 'quote'): WeighedProvision {
  return {
    agreement: a.id,
    provision: p.id,
    area: p.area,
    quote: p.quote,
    where: p.where,
    source: p.source,
    evidence: p.evidence,
    legal_force: a.legal_force.class,
    binding: bindingOf(a),
    matched,
  };
}

/**
 * Provisions of the given areas. For territorial integrity also those of other areas whose quote states it
 * (a response clause "to restore its territorial integrity within internationally recognised borders").
 */
function provisionsOf(reg: Registry, areas: string[]): WeighedProvision[] {
  const byQuote = areas.includes(TERRITORIAL_AREA);
  return reg.agreements.flatMap((a) =>
    a.provisions.flatMap((p) =>
      areas.includes(p.area)
        ? [weighed(a, p, 'area')]
        : byQuote && CUES.territorialIntegrity.test(p.quote)
          ? [weighed(a, p, 'quote')]
          : [],
    ),
  );
}

/** A rule's verdict stands only if some coded provision can be weighed; else the rule leaves the term unassessed. */
function assess(reg: Registry, rule: string, areas: string[], verdict: RuleVerdict, why: string): Assessment {
  const provisions = areas.length ? provisionsOf(reg, areas) : [];
  if (areas.length && !provisions.length)
    return {
      rule,
      verdict: 'unassessed',
      reading: verdict,
      why: `${why} — but no coded provision in ${areas.join('/')} to weigh it against`,
      areas,
      provisions,
    };
  return { rule, verdict, reading: verdict, why, areas, provisions };
}

function againstOf(provisions: WeighedProvision[]): NonNullable<TermFinding['against']> {
  const ids = (b: Binding) => [...new Set(provisions.filter((p) => p.binding === b).map((p) => p.agreement))].sort();
  return { legal: ids('legal'), political: ids('political'), unknown: ids('unknown') };
}

function commitmentOf(g: NonNullable<TermFinding['against']>): NonNullable<TermFinding['commitment']> {
  if (g.legal.length && g.political.length) return 'legal_and_political';
  if (g.legal.length) return 'legal';
  if (g.political.length) return 'political';
  return 'unknown';
}

const list = (ids: string[]) =>
  ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;

function bindingSentence(g: NonNullable<TermFinding['against']>): string {
  const parts = [
    g.legal.length ? `legal commitments of ${list(g.legal)}` : '',
    g.political.length ? `political commitments of ${list(g.political)}` : '',
    g.unknown.length ? `commitments of unknown legal force of ${list(g.unknown)}` : '',
  ].filter(Boolean);
  return `against ${parts.join('; ')}`;
}

/** Every rule that reads this term: its kind's rule, the text rules (for kinds without one) and the territory rule. */
function assessments(reg: Registry, term: SettlementTerm): { list: Assessment[]; kindVerdict: Verdict | null } {
  const out: Assessment[] = [];
  const rule = TERM_RULES[term.kind];
  const signals = territorySignals(term.text);
  const territorialKind = rule?.areas.includes(TERRITORIAL_AREA) ?? false;
  let kindVerdict: Verdict | null = null;
  // A territorial kind defers to the territory rule whenever the wording gives it a cue.
  if (rule && !(territorialKind && signals.length)) {
    const cue = rule.cues.find((c) => c.re.test(term.text));
    const a = assess(
      reg,
      `kind:${term.kind}`,
      rule.areas,
      cue?.verdict ?? rule.otherwise.verdict,
      cue?.why ?? rule.otherwise.why,
    );
    out.push(a);
    kindVerdict = a.verdict;
  }
  if (!rule)
    for (const t of TEXT_RULES.filter((r) => r.re.test(term.text)))
      out.push(assess(reg, `text:${t.id}`, t.areas, t.verdict, t.why));
  const worst = worstSignal(signals);
  if (worst) {
    const others = signals.filter((s) => s !== worst && s.verdict === worst.verdict).map((s) => s.kind);
    const also = others.length ? ` (also: ${[...new Set(others)].join(', ')})` : '';
    out.push(
      assess(
        reg,
        `territory:${worst.kind}`,
        [TERRITORIAL_AREA],
        worst.verdict,
        `${worst.why}: "${worst.match}"${also}`,
      ),
    );
  }
  return { list: out, kindVerdict };
}

/** Weighs every term. Pure: `date` is when the settlement is taken to be accepted (for the implied operations). */
export function checkSettlement(reg: Registry, s: Settlement, date: IsoDate): SettlementCheck {
  const findings: TermFinding[] = [];
  const operations: ScenarioOp[] = [];
  s.terms.forEach((term, index) => {
    const { list: all, kindVerdict } = assessments(reg, term);
    const worst = (xs: Assessment[], v: (a: Assessment) => Verdict) =>
      xs.reduce<Assessment | null>((w, a) => (!w || SEVERITY[v(a)] > SEVERITY[v(w)] ? a : w), null);
    const top = worst(
      all.filter((a) => a.verdict !== 'unassessed'),
      (a) => a.verdict,
    );
    // A rule that read something graver than the verdict but found nothing to weigh it against leaves the term
    // unassessed: a lighter verdict would hide what could not be checked.
    const blocked = worst(
      all.filter((a) => a.verdict === 'unassessed'),
      (a) => a.reading,
    );
    const base = { index, kind: term.kind, text: term.text, source: term.source, assessments: all };
    if (!top || (blocked && SEVERITY[blocked.reading] > SEVERITY[top.verdict])) {
      const why = all.length
        ? [blocked, ...all.filter((a) => a !== blocked)]
            .filter((a): a is Assessment => a !== null)
            .map((a) => (a.verdict === 'unassessed' ? a.why : `${a.rule} alone: ${a.verdict}, ${a.why}`))
            .join('; ')
        : `${NO_RULE} (kind ${term.kind}; no rule reads its wording)`;
      findings.push({
        ...base,
        verdict: 'unassessed',
        why,
        assessed: false,
        against: null,
        commitment: null,
        provisions: [],
      });
    } else {
      const deciding = all.filter((a) => a.verdict === top.verdict);
      const seen = new Set<string>();
      const provisions = deciding
        .flatMap((a) => a.provisions)
        .filter((p) => {
          const k = `${p.agreement}/${p.provision}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      const adverse = top.verdict === 'conflict' || top.verdict === 'tension';
      const against = adverse ? againstOf(provisions) : null;
      const why = deciding.map((a) => a.why).join('; ');
      findings.push({
        ...base,
        verdict: top.verdict,
        why: against && provisions.length ? `${why} — ${bindingSentence(against)}` : why,
        assessed: true,
        against,
        commitment: against ? commitmentOf(against) : null,
        provisions,
      });
    }
    const rule = TERM_RULES[term.kind];
    if (rule?.effects && (kindVerdict === 'conflict' || kindVerdict === 'tension'))
      operations.push(...rule.effects(term, date, reg));
  });
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
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

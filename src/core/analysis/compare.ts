// Generated comparison of a proposal's elements (e.g. the 2022 Kyiv Security Compact) with each agreement of a
// framework (e.g. the 2024 Ukraine Compact): every cell comes from a rule in compare-rules.ts and cites its quotes.
import type { Issue } from '../issues.js';
import type { Agreement, Registry } from '../model.js';
import { COMPARE_RULES, type ElementStatus } from './compare-rules.js';

export interface CompareCell {
  agreement: string;
  partner: string;
  status: ElementStatus;
  why: string;
  quotes: { provision: string; quote: string; where: string; source: string }[];
}

export interface CompareRow {
  element: string;
  text: string;
  element_status: string;
  proposal_quote: string | null;
  rule: { reads: string; areas: readonly string[]; met: string; partly: string } | null;
  cells: CompareCell[];
  counts: Record<ElementStatus, number>;
}

export interface Comparison {
  proposal: string;
  target: string;
  agreements: string[];
  rows: CompareRow[];
  /** Elements of the proposal that have no rule: listed, not judged. */
  unruled: string[];
}

/** The agreements a target id names: the agreement itself, or every agreement that lists the framework. */
export function agreementsOf(reg: Registry, target: string): Agreement[] {
  const one = reg.agreements.find((a) => a.id === target);
  if (one) return [one];
  return reg.agreements.filter((a) => a.frameworks.includes(target)).sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** Compares; returns issues for an unknown proposal or target instead of throwing. */
export function compare(
  reg: Registry,
  proposalId: string,
  target: string,
): { comparison?: Comparison; issues: Issue[] } {
  const proposal = reg.frameworks.find((f) => f.id === proposalId);
  if (!proposal)
    return {
      issues: [
        {
          code: 'not_found',
          path: ['proposal'],
          message: `no framework ${proposalId}`,
          expected: 'a framework id such as kyiv-security-compact-2022',
          found: proposalId,
        },
      ],
    };
  const list = agreementsOf(reg, target);
  if (!list.length)
    return {
      issues: [
        {
          code: 'not_found',
          path: ['target'],
          message: `no agreement ${target} and no agreement lists a framework ${target}`,
          expected: 'an agreement id or a framework id',
          found: target,
        },
      ],
    };
  const rows: CompareRow[] = [];
  const unruled: string[] = [];
  for (const el of proposal.elements) {
    const rule = COMPARE_RULES[el.id];
    if (!rule) {
      unruled.push(el.id);
      continue;
    }
    const pq = rule.proposal_provision
      ? (proposal.provisions.find((p) => p.id === rule.proposal_provision)?.quote ?? null)
      : null;
    const counts: Record<ElementStatus, number> = { met: 0, partly: 0, not_met: 0, unknown: 0 };
    const cells = list.map((a) => {
      const v = rule.decide(a);
      counts[v.status]++;
      return {
        agreement: a.id,
        partner: a.partner,
        status: v.status,
        why: v.why,
        quotes: v.provisions.map((p) => ({ provision: p.id, quote: p.quote, where: p.where, source: p.source })),
      };
    });
    rows.push({
      element: el.id,
      text: el.text,
      element_status: el.status,
      proposal_quote: pq,
      rule: { reads: rule.reads, areas: rule.areas, met: rule.met, partly: rule.partly },
      cells,
      counts,
    });
  }
  return { comparison: { proposal: proposalId, target, agreements: list.map((a) => a.id), rows, unruled }, issues: [] };
}

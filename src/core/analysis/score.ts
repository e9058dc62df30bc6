// Strength scores: the weighted rubric per agreement, the network aggregate, rankings and an ATOP-style depth/scope view.
import type { Agreement } from '../model.js';
import type { Area } from '../taxonomy.js';
import { traitsOf } from './mechanism-traits.js';
import { CRITERIA, type CriterionResult } from './score-criteria.js';

/** Criterion id -> non-negative weight. Missing criteria weigh 0. */
export type Weights = Record<string, number>;

export interface AgreementScore {
  id: string;
  partner: string;
  /** Weighted mean of criterion values in [0, 1] (unknown criteria count 0); 0 when all weights are 0. */
  score: number;
  criteria: (CriterionResult & { id: string; label: string; weight: number })[];
  unknown: string[];
  depth: Depth;
  scope: Area[];
}

/** ATOP-style depth: binding form, and the strongest obligation type present. */
export interface Depth {
  binding: boolean;
  level: 'none' | 'consultation' | 'active_assistance';
}

/** Scores one agreement. Pure; the result carries each criterion's trace. */
export function scoreAgreement(a: Agreement, weights: Weights): AgreementScore {
  const criteria = CRITERIA.map((c) => ({ id: c.id, label: c.label, weight: weights[c.id] ?? 0, ...c.decide(a) }));
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  const score = total > 0 ? criteria.reduce((s, c) => s + c.weight * (c.value ?? 0), 0) / total : 0;
  return {
    id: a.id,
    partner: a.partner,
    score,
    criteria,
    unknown: criteria.filter((c) => c.value === null).map((c) => c.id),
    depth: depthOf(a),
    scope: scopeOf(a),
  };
}

export function depthOf(a: Agreement): Depth {
  const binding =
    a.legal_force.class === 'ratified_treaty' ||
    a.legal_force.class === 'executive_agreement' ||
    a.legal_force.ratified === true;
  let level: Depth['level'] = 'none';
  for (const p of a.provisions) {
    const t = traitsOf(p.mechanism);
    if (!t?.respondsToAttack) continue;
    if ((t.consequence === 'assist' || t.consequence === 'impose_costs') && t.wording !== 'intentions')
      level = 'active_assistance';
    else if (level === 'none') level = 'consultation';
  }
  return { binding, level };
}

/** Distinct areas of cooperation the agreement covers, sorted. */
export function scopeOf(a: Agreement): Area[] {
  return [...new Set(a.provisions.map((p) => p.area))].sort();
}

export interface NetworkScore {
  /** Coverage-weighted mean: each agreement weighs the number of distinct areas it covers (at least 1). */
  coverage_weighted: number;
  mean: number;
  /** Per criterion, the best value any agreement reaches (what the network offers at its strongest). */
  best_per_criterion: Record<string, number>;
  agreements: number;
}

/** Coverage weight of one agreement: the number of distinct areas it covers, at least 1. */
export function coverageWeight(s: AgreementScore): number {
  return Math.max(1, s.scope.length);
}

/**
 * Aggregates agreement scores. `universe` is the total coverage weight to divide by (default: that of `scores`);
 * a scenario passes the baseline's, so losing an agreement lowers the network score instead of raising the mean.
 */
export function scoreNetwork(scores: AgreementScore[], universe?: number): NetworkScore {
  let wsum = 0;
  let acc = 0;
  for (const s of scores) {
    const w = coverageWeight(s);
    wsum += w;
    acc += w * s.score;
  }
  const best: Record<string, number> = {};
  for (const s of scores) for (const c of s.criteria) best[c.id] = Math.max(best[c.id] ?? 0, c.value ?? 0);
  const denom = universe ?? wsum;
  return {
    coverage_weighted: denom ? acc / denom : 0,
    mean: scores.length ? scores.reduce((x, s) => x + s.score, 0) / scores.length : 0,
    best_per_criterion: best,
    agreements: scores.length,
  };
}

/** 1-based ranks by score, highest first; ties share the better rank; order among ties by id. */
export function rank(scores: { id: string; score: number }[]): Map<string, number> {
  const sorted = [...scores].sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  const out = new Map<string, number>();
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    out.set(s.id, prev && Math.abs(prev.score - s.score) < 1e-12 ? out.get(prev.id)! : i + 1);
  });
  return out;
}

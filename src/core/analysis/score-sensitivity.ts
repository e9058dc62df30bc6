// How rankings move when weights change: rank ranges under random ±X% perturbations of every weight (seeded) and
// under one-at-a-time changes of a single weight.
import { nextUnit, streamState } from './rng.js';
import { type AgreementScore, rank, type Weights } from './score.js';

export interface RankRange {
  id: string;
  base_rank: number;
  min_rank: number;
  max_rank: number;
}

export interface Sensitivity {
  /** Perturbation half-width as a fraction (0.2 = ±20%). */
  perturbation: number;
  samples: number;
  seed: number;
  ranges: RankRange[];
  /** For each criterion, the agreements whose rank changes when only that weight moves by ±perturbation. */
  one_at_a_time: { criterion: string; moved: { id: string; down: number; up: number }[] }[];
}

/** Rescores from precomputed criterion values, so each sample costs O(agreements x criteria). Deterministic in seed. */
export function sensitivity(
  scores: AgreementScore[],
  weights: Weights,
  perturbation: number,
  samples: number,
  seed: number,
): Sensitivity {
  const ids = scores.map((s) => s.id);
  const crit = scores[0]?.criteria.map((c) => c.id) ?? [];
  const values = scores.map((s) => s.criteria.map((c) => c.value ?? 0));
  const rescore = (w: number[]) => {
    const tot = w.reduce((a, b) => a + b, 0);
    return scores.map((s, i) => ({
      id: s.id,
      score: tot > 0 ? values[i]!.reduce((acc, v, j) => acc + v * w[j]!, 0) / tot : 0,
    }));
  };
  const w0 = crit.map((c) => weights[c] ?? 0);
  const base = rank(rescore(w0));
  const lo = new Map(ids.map((id) => [id, base.get(id)!]));
  const hi = new Map(lo);
  const rng = streamState(seed, 0);
  for (let k = 0; k < samples; k++) {
    const w = w0.map((x) => x * (1 + perturbation * (2 * nextUnit(rng) - 1)));
    const r = rank(rescore(w));
    for (const id of ids) {
      lo.set(id, Math.min(lo.get(id)!, r.get(id)!));
      hi.set(id, Math.max(hi.get(id)!, r.get(id)!));
    }
  }
  const one = crit.map((c, j) => {
    const at = (f: number) => rank(rescore(w0.map((x, i) => (i === j ? x * f : x))));
    const dn = at(1 - perturbation);
    const up = at(1 + perturbation);
    const moved = ids
      .filter((id) => dn.get(id) !== base.get(id) || up.get(id) !== base.get(id))
      .map((id) => ({ id, down: dn.get(id)!, up: up.get(id)! }));
    return { criterion: c, moved };
  });
  return {
    perturbation,
    samples,
    seed,
    ranges: ids
      .map((id) => ({ id, base_rank: base.get(id)!, min_rank: lo.get(id)!, max_rank: hi.get(id)! }))
      .sort((a, b) => a.base_rank - b.base_rank || (a.id < b.id ? -1 : 1)),
    one_at_a_time: one,
  };
}

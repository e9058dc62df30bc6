// A learned re-ranker for evidence passages: logistic regression over hashed word n-grams and the rules' own
// rank and confidence. Trained on coded texts only (the evaluation trains it inside each leave-one-out fold).

import { tokens } from './sentences.js';
import type { Passage } from './types.js';

const DIM = 1 << 18;

/** One training example: a candidate passage of an area, and whether it gives the gold evidence. */
export interface RankExample {
  area: string;
  position: number;
  passage: Passage;
  label: boolean;
}

export interface RankerModel {
  weights: Float64Array;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % DIM;
}

/** Feature indices of a candidate: rule position and confidence, doubts, and (area-conjoined) word n-grams. */
export function features(area: string, position: number, p: Passage): number[] {
  const f = ['bias', `pos:${Math.min(position, 6)}`, `conf:${Math.round(p.confidence * 10)}`];
  for (const d of (p.doubt ?? '').split('; ').filter(Boolean)) f.push(`doubt:${d}`, `doubt:${area}:${d}`);
  const w = tokens(p.quote);
  f.push(`len:${Math.min(6, Math.floor(w.length / 8))}`);
  for (let i = 0; i < w.length; i++) {
    f.push(`w:${w[i]}`, `a:${area}:${w[i]}`);
    if (i + 1 < w.length) f.push(`b:${w[i]}_${w[i + 1]}`, `ab:${area}:${w[i]}_${w[i + 1]}`);
  }
  if (w.length) f.push(`first:${w[0]}`, `first2:${w.slice(0, 2).join('_')}`);
  return f.map(hash);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Seeded SGD on the logistic loss with L2; deterministic for a given example order. */
export function trainRanker(examples: RankExample[], opts: { epochs?: number; rate?: number; l2?: number } = {}) {
  const { epochs = 6, rate = 0.2, l2 = 1e-5 } = opts;
  const weights = new Float64Array(DIM);
  const xs = examples.map((e) => features(e.area, e.position, e.passage));
  const order = examples.map((_, i) => i);
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = rate / (1 + ep);
    for (const i of order) {
      const x = xs[i]!;
      let z = 0;
      for (const k of x) z += weights[k]!;
      const g = sigmoid(z) - (examples[i]!.label ? 1 : 0);
      for (const k of x) weights[k] = weights[k]! * (1 - lr * l2) - lr * g;
    }
  }
  return { weights } satisfies RankerModel;
}

export function scorePassage(m: RankerModel, area: string, position: number, p: Passage): number {
  let z = 0;
  for (const k of features(area, position, p)) z += m.weights[k]!;
  return z;
}

/** The passages of each area re-ordered by the model (rule order breaks ties). */
export function rerank(m: RankerModel, areas: Record<string, Passage[]>): Record<string, Passage[]> {
  const out: Record<string, Passage[]> = {};
  for (const [area, list] of Object.entries(areas))
    out[area] = list
      .map((p, i) => ({ p, i, s: scorePassage(m, area, i, p) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((x) => x.p);
  return out;
}

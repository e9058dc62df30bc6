// Monte Carlo of fulfilment, model v1 (docs/model.md): per partner an annual continuation probability and a
// delivered share drawn from [lo, hi]; a coalition-wide yearly shock. Trials run in fixed blocks, each with its own
// stream from (seed, block), so results are identical whatever the number of workers. Pure: typed arrays in and out.
import { streamState } from './rng.js';

const INV32 = 1 / 4294967296;

/** Everything a block needs, flat and transferable. Amounts in EUR; probabilities in [0, 1]. */
export interface ModelInput {
  partners: string[];
  years: number[];
  /** partners x years, row-major: planned[p * Y + y]. */
  planned: Float64Array;
  /** Per partner: annual continuation probability, and the delivered-share range. */
  cont: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  shockProb: number;
  shockMult: number;
  /** Per year: the needs level whose shortfall probability is reported. */
  needs: Float64Array;
  /** Histogram bins per year, over [0, maxTotal[y]]. */
  bins: number;
}

export interface BlockResult {
  block: number;
  trials: number;
  sum: Float64Array;
  sumSq: Float64Array;
  below: Float64Array;
  hist: Uint32Array;
  partnerSum: Float64Array;
}

/** The highest total a year can reach: every partner delivers its upper share, shocked upwards if m > 1. */
export function maxTotals(m: ModelInput): Float64Array {
  const Y = m.years.length;
  const out = new Float64Array(Y);
  const up = Math.max(1, m.shockMult);
  for (let p = 0; p < m.partners.length; p++) for (let y = 0; y < Y; y++) out[y] = out[y]! + m.planned[p * Y + y]! * m.hi[p]! * up;
  return out;
}

/** Runs trials [block * blockSize, min(total, (block + 1) * blockSize)). Draw order is fixed (see docs/model.md). */
export function simulateBlock(m: ModelInput, block: number, blockSize: number, totalTrials: number, seed: number): BlockResult {
  const P = m.partners.length;
  const Y = m.years.length;
  const B = m.bins;
  const n = Math.max(0, Math.min(blockSize, totalTrials - block * blockSize));
  const st = streamState(seed, block);
  // The generator's state lives in locals and its step is written out inline (three places, marked xoshiro128**):
  // V8 keeps locals in registers, where a typed-array state or a closure would cost loads, stores and calls.
  let s0 = st[0]! | 0, s1 = st[1]! | 0, s2 = st[2]! | 0, s3 = st[3]! | 0;
  let m5 = 0, tt = 0, u = 0;
  const max = maxTotals(m);
  const scale = new Float64Array(Y);
  for (let y = 0; y < Y; y++) scale[y] = max[y]! > 0 ? B / max[y]! : 0;
  const sum = new Float64Array(Y), sumSq = new Float64Array(Y), below = new Float64Array(Y);
  const hist = new Uint32Array(Y * B);
  const partnerSum = new Float64Array(P);
  const shock = new Float64Array(Y);
  const tot = new Float64Array(Y);
  const { planned, cont, lo, hi, needs } = m;
  const s = m.shockProb, mult = m.shockMult;
  for (let t = 0; t < n; t++) {
    for (let y = 0; y < Y; y++) {
      m5 = Math.imul(s1, 5); u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) * INV32; tt = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >>> 21); // xoshiro128**
      shock[y] = u < s ? mult : 1;
      tot[y] = 0;
    }
    for (let p = 0; p < P; p++) {
      const c = cont[p]!, l = lo[p]!, w = hi[p]! - l;
      const row = p * Y;
      let acc = 0;
      for (let y = 0; y < Y; y++) {
        m5 = Math.imul(s1, 5); u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) * INV32; tt = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >>> 21); // xoshiro128**
        if (u >= c) break; // withdrawal is final
        const amt = planned[row + y]!;
        if (amt === 0) continue;
        m5 = Math.imul(s1, 5); u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) * INV32; tt = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >>> 21); // xoshiro128**
        const v = amt * (l + w * u) * shock[y]!;
        tot[y] = tot[y]! + v;
        acc += v;
      }
      partnerSum[p] = partnerSum[p]! + acc;
    }
    for (let y = 0; y < Y; y++) {
      const v = tot[y]!;
      sum[y] = sum[y]! + v;
      sumSq[y] = sumSq[y]! + v * v;
      if (v < needs[y]!) below[y] = below[y]! + 1;
      let b = Math.floor(v * scale[y]!);
      if (b >= B) b = B - 1;
      hist[y * B + b] = hist[y * B + b]! + 1;
    }
  }
  return { block, trials: n, sum, sumSq, below, hist, partnerSum };
}

/** Adds blocks in block order, so the floating-point sums do not depend on which worker ran which block. */
export function mergeBlocks(m: ModelInput, blocks: BlockResult[]): BlockResult {
  const Y = m.years.length;
  const acc: BlockResult = { block: -1, trials: 0, sum: new Float64Array(Y), sumSq: new Float64Array(Y), below: new Float64Array(Y), hist: new Uint32Array(Y * m.bins), partnerSum: new Float64Array(m.partners.length) };
  for (const b of [...blocks].sort((x, y) => x.block - y.block)) {
    acc.trials += b.trials;
    for (let i = 0; i < Y; i++) {
      acc.sum[i] = acc.sum[i]! + b.sum[i]!;
      acc.sumSq[i] = acc.sumSq[i]! + b.sumSq[i]!;
      acc.below[i] = acc.below[i]! + b.below[i]!;
    }
    for (let i = 0; i < acc.hist.length; i++) acc.hist[i] = acc.hist[i]! + b.hist[i]!;
    for (let i = 0; i < acc.partnerSum.length; i++) acc.partnerSum[i] = acc.partnerSum[i]! + b.partnerSum[i]!;
  }
  return acc;
}

/** Closed-form mean total per year: sum_p planned[p,y] * c_p^(y+1) * (lo_p + hi_p) / 2 * (1 - s + s * m). */
export function closedFormMean(m: ModelInput): Float64Array {
  const Y = m.years.length;
  const out = new Float64Array(Y);
  const k = 1 - m.shockProb + m.shockProb * m.shockMult;
  for (let p = 0; p < m.partners.length; p++) {
    for (let y = 0; y < Y; y++) out[y] = out[y]! + m.planned[p * Y + y]! * m.cont[p]! ** (y + 1) * ((m.lo[p]! + m.hi[p]!) / 2) * k;
  }
  return out;
}

/** Closed-form expected delivery per partner over the horizon. */
export function closedFormPartner(m: ModelInput): Float64Array {
  const Y = m.years.length;
  const k = 1 - m.shockProb + m.shockProb * m.shockMult;
  const out = new Float64Array(m.partners.length);
  for (let p = 0; p < m.partners.length; p++) for (let y = 0; y < Y; y++) out[p] = out[p]! + m.planned[p * Y + y]! * m.cont[p]! ** (y + 1) * ((m.lo[p]! + m.hi[p]!) / 2) * k;
  return out;
}

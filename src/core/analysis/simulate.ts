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
  for (let p = 0; p < m.partners.length; p++)
    for (let y = 0; y < Y; y++) out[y] = out[y]! + m.planned[p * Y + y]! * m.hi[p]! * up;
  return out;
}

/**
 * Per-partner constants of the kernel: survival thresholds c^(k+1) and the delivered amount as a + b * u
 * (a = planned * lo, b = planned * (hi - lo)), so the inner loop does one multiply-add per delivery.
 */
export function kernelConstants(m: ModelInput): { surv: Float64Array; a: Float64Array; b: Float64Array } {
  const P = m.partners.length,
    Y = m.years.length;
  const surv = new Float64Array(P * Y),
    a = new Float64Array(P * Y),
    b = new Float64Array(P * Y);
  for (let p = 0; p < P; p++) {
    let c = 1;
    for (let y = 0; y < Y; y++) {
      c *= m.cont[p]!;
      surv[p * Y + y] = c;
      a[p * Y + y] = m.planned[p * Y + y]! * m.lo[p]!;
      b[p * Y + y] = m.planned[p * Y + y]! * (m.hi[p]! - m.lo[p]!);
    }
  }
  return { surv, a, b };
}

/**
 * Runs trials [block * blockSize, min(total, (block + 1) * blockSize)). Draw order per trial (docs/model.md): one
 * draw per year for the shock, then per partner one draw u for the withdrawal year (the partner delivers in years
 * y with u < c^(y+1): a geometric year, the same law as one continuation draw per year) and one draw per delivered
 * year with a planned amount for the share. No allocation per trial.
 */
export function simulateBlock(
  m: ModelInput,
  block: number,
  blockSize: number,
  totalTrials: number,
  seed: number,
): BlockResult {
  const P = m.partners.length;
  const Y = m.years.length;
  const B = m.bins;
  const n = Math.max(0, Math.min(blockSize, totalTrials - block * blockSize));
  const st = streamState(seed, block);
  // The generator's state lives in locals and its step is written out inline (three places, marked xoshiro128**):
  // V8 keeps locals in registers, where a typed-array state or a closure would cost loads, stores and calls.
  let s0 = st[0]! | 0,
    s1 = st[1]! | 0,
    s2 = st[2]! | 0,
    s3 = st[3]! | 0;
  let m5 = 0,
    tt = 0,
    u = 0;
  const max = maxTotals(m);
  const scale = new Float64Array(Y);
  for (let y = 0; y < Y; y++) scale[y] = max[y]! > 0 ? B / max[y]! : 0;
  const sum = new Float64Array(Y),
    sumSq = new Float64Array(Y),
    below = new Float64Array(Y);
  const hist = new Uint32Array(Y * B);
  const partnerSum = new Float64Array(P);
  const shock = new Float64Array(Y);
  const tot = new Float64Array(Y);
  const { surv, a, b } = kernelConstants(m);
  const { needs, planned } = m;
  const s = m.shockProb,
    mult = m.shockMult;
  for (let t = 0; t < n; t++) {
    for (let y = 0; y < Y; y++) {
      m5 = Math.imul(s1, 5);
      u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) * INV32;
      tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21); // xoshiro128**
      shock[y] = u < s ? mult : 1;
      tot[y] = 0;
    }
    for (let p = 0; p < P; p++) {
      const row = p * Y;
      m5 = Math.imul(s1, 5);
      u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) * INV32;
      tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21); // xoshiro128**
      let k = 0;
      while (k < Y && u < surv[row + k]!) k++; // years delivered before the withdrawal (final)
      let acc = 0;
      for (let y = 0; y < k; y++) {
        if (planned[row + y] === 0) continue;
        m5 = Math.imul(s1, 5);
        u = (Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0) * INV32;
        tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21); // xoshiro128**
        const v = (a[row + y]! + b[row + y]! * u) * shock[y]!;
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
      let bi = (v * scale[y]!) | 0;
      if (bi >= B) bi = B - 1;
      else if (bi < 0) bi = 0;
      hist[y * B + bi] = hist[y * B + bi]! + 1;
    }
  }
  return { block, trials: n, sum, sumSq, below, hist, partnerSum };
}

/** An empty accumulator for `m` (block -1, zero trials). */
export function emptyResult(m: ModelInput): BlockResult {
  const Y = m.years.length;
  return {
    block: -1,
    trials: 0,
    sum: new Float64Array(Y),
    sumSq: new Float64Array(Y),
    below: new Float64Array(Y),
    hist: new Uint32Array(Y * m.bins),
    partnerSum: new Float64Array(m.partners.length),
  };
}

/** Adds block `b` into `acc` in place. Callers add blocks in block order so floating-point sums are reproducible. */
export function addBlock(acc: BlockResult, b: BlockResult): void {
  acc.trials += b.trials;
  for (let i = 0; i < acc.sum.length; i++) {
    acc.sum[i] = acc.sum[i]! + b.sum[i]!;
    acc.sumSq[i] = acc.sumSq[i]! + b.sumSq[i]!;
    acc.below[i] = acc.below[i]! + b.below[i]!;
  }
  for (let i = 0; i < acc.hist.length; i++) acc.hist[i] = acc.hist[i]! + b.hist[i]!;
  for (let i = 0; i < acc.partnerSum.length; i++) acc.partnerSum[i] = acc.partnerSum[i]! + b.partnerSum[i]!;
}

/** Adds blocks in block order, so the floating-point sums do not depend on which worker ran which block. */
export function mergeBlocks(m: ModelInput, blocks: BlockResult[]): BlockResult {
  const acc = emptyResult(m);
  for (const b of [...blocks].sort((x, y) => x.block - y.block)) addBlock(acc, b);
  return acc;
}

/** Closed-form mean total per year: sum_p planned[p,y] * c_p^(y+1) * (lo_p + hi_p) / 2 * (1 - s + s * m). */
export function closedFormMean(m: ModelInput): Float64Array {
  const Y = m.years.length;
  const out = new Float64Array(Y);
  const k = 1 - m.shockProb + m.shockProb * m.shockMult;
  for (let p = 0; p < m.partners.length; p++) {
    for (let y = 0; y < Y; y++)
      out[y] = out[y]! + m.planned[p * Y + y]! * m.cont[p]! ** (y + 1) * ((m.lo[p]! + m.hi[p]!) / 2) * k;
  }
  return out;
}

/** Closed-form expected delivery per partner over the horizon. */
export function closedFormPartner(m: ModelInput): Float64Array {
  const Y = m.years.length;
  const k = 1 - m.shockProb + m.shockProb * m.shockMult;
  const out = new Float64Array(m.partners.length);
  for (let p = 0; p < m.partners.length; p++)
    for (let y = 0; y < Y; y++)
      out[p] = out[p]! + m.planned[p * Y + y]! * m.cont[p]! ** (y + 1) * ((m.lo[p]! + m.hi[p]!) / 2) * k;
  return out;
}

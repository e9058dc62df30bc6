// Runs simulation blocks on the WebAssembly kernel (wasm-kernel-code.ts): lays the model's constants out in the
// module's memory once per model, then per block seeds the stream, runs the trials and copies the sums out.

import { streamState } from '../core/analysis/rng.js';
import { type BlockResult, kernelConstants, type ModelInput, maxTotals } from '../core/analysis/simulate.js';
import { buildModule } from './wasm-builder.js';
import { CELL, kernelFunction, YEAR } from './wasm-kernel-code.js';

type BlockFn = (...args: number[]) => void;

/** The generic kernel module's bytes (built once per process). */
let bytes: Uint8Array<ArrayBuffer> | null = null;
export function kernelBytes(): Uint8Array<ArrayBuffer> {
  return (bytes ??= buildModule(kernelFunction(), 1));
}

/** The withdrawal-year count: f64x2 compares without branches (where it equals the loop), or the scalar loop. */
export type WasmMode = 'simd' | 'scalar';

interface OutputLayout {
  sum: number;
  sumSq: number;
  below: number;
  psum: number;
  hist: number;
  end: number;
}

interface Prepared {
  model: ModelInput;
  run: BlockFn;
  memory: WebAssembly.Memory;
  /** Arguments of `block`; the first five (n, s0..s3) are filled per block. */
  args: number[];
  Y: number;
  P: number;
  B: number;
  out: OutputLayout;
}

const instantiate = (b: Uint8Array<ArrayBuffer>) => {
  const i = new WebAssembly.Instance(new WebAssembly.Module(b));
  return { run: i.exports.block as BlockFn, memory: i.exports.memory as WebAssembly.Memory };
};

/**
 * A WebAssembly kernel: `simulateBlock` has the contract of the JS kernel's `simulateBlock` and gives bit-identical
 * results (same draws, same operations in the same order). Not for concurrent use (one per thread).
 */
export class WasmKernel {
  private readonly g = instantiate(kernelBytes());
  private prepared: Prepared | null = null;

  constructor(private readonly mode: WasmMode = 'simd') {}

  private prepare(m: ModelInput): Prepared {
    if (this.prepared?.model === m) return this.prepared;
    const g = this.g;
    const P = m.partners.length,
      Y = m.years.length,
      B = m.bins;
    const SY = Y + (Y & 1); // survival rows padded to an even length for f64x2 loads
    const { surv, a, b } = kernelConstants(m);
    const max = maxTotals(m);
    let off = 0;
    const take = (n: number) => {
      const at = off;
      off += Math.ceil(n / 16) * 16;
      return at;
    };
    const oSurv = take(P * SY * 8),
      oCell = take(P * Y * CELL);
    const oNeeds = take(Y * 8),
      oScale = take(Y * 8),
      oYear = take(Y * YEAR);
    const oSum = take(Y * 8),
      oSumSq = take(Y * 8),
      oBelow = take(Y * 8),
      oPsum = take(P * 8),
      oHist = take(Y * B * 4);
    const need = Math.ceil(off / 65536) - g.memory.buffer.byteLength / 65536;
    if (need > 0) g.memory.grow(need);
    const f = new Float64Array(g.memory.buffer);
    let monotone = true;
    for (let p = 0; p < P; p++) {
      for (let y = 0; y < SY; y++) f[oSurv / 8 + p * SY + y] = y < Y ? surv[p * Y + y]! : 0;
      for (let y = 0; y < Y; y++) if (!(surv[p * Y + y]! <= (y > 0 ? surv[p * Y + y - 1]! : 1))) monotone = false;
    }
    for (let i = 0; i < P * Y; i++) {
      f[oCell / 8 + i * (CELL / 8)] = a[i]!;
      f[oCell / 8 + i * (CELL / 8) + 1] = b[i]!;
      f[oCell / 8 + i * (CELL / 8) + 2] = m.planned[i]!;
    }
    f.set(m.needs, oNeeds / 8);
    for (let y = 0; y < Y; y++) f[oScale / 8 + y] = max[y]! > 0 ? B / max[y]! : 0;
    // The f64x2 count equals the scalar loop only when the thresholds are non-increasing (then they form a prefix).
    const simd = this.mode !== 'scalar' && monotone ? 1 : 0;
    // Argument order: wasm-kernel-code.ts PARAMS, then shockProb, shockMult.
    const args = [
      0,
      0,
      0,
      0,
      0,
      P,
      Y * 8,
      B,
      oSurv,
      oCell,
      oNeeds,
      oScale,
      oYear,
      oSum,
      oSumSq,
      oBelow,
      oPsum,
      oHist,
      SY * 8,
      simd,
      m.shockProb,
      m.shockMult,
    ];
    return (this.prepared = {
      model: m,
      ...g,
      args,
      Y,
      P,
      B,
      out: { sum: oSum, sumSq: oSumSq, below: oBelow, psum: oPsum, hist: oHist, end: off },
    });
  }

  /** Runs trials [block * blockSize, min(total, (block + 1) * blockSize)); same contract as the JS kernel. */
  simulateBlock(m: ModelInput, block: number, blockSize: number, totalTrials: number, seed: number): BlockResult {
    const k = this.prepare(m);
    const n = Math.max(0, Math.min(blockSize, totalTrials - block * blockSize));
    const st = streamState(seed, block);
    const o = k.out;
    new Uint8Array(k.memory.buffer, o.sum, o.end - o.sum).fill(0);
    const args = k.args;
    args[0] = n;
    for (let i = 0; i < 4; i++) args[i + 1] = st[i]! | 0;
    k.run(...args);
    const buf = k.memory.buffer;
    return {
      block,
      trials: n,
      sum: new Float64Array(buf.slice(o.sum, o.sum + k.Y * 8)),
      sumSq: new Float64Array(buf.slice(o.sumSq, o.sumSq + k.Y * 8)),
      below: new Float64Array(buf.slice(o.below, o.below + k.Y * 8)),
      hist: new Uint32Array(buf.slice(o.hist, o.hist + k.Y * k.B * 4)),
      partnerSum: new Float64Array(buf.slice(o.psum, o.psum + k.P * 8)),
    };
  }
}

// Chooses the Monte Carlo block kernel: the WebAssembly kernel (default, when it validates and passes a parity check
// against the JS kernel) or the JS kernel of the pure core. COMPACT_SIM_KERNEL=js|wasm forces one.

import { type BlockResult, type ModelInput, simulateBlock } from '../core/analysis/simulate.js';
import { ConfigError } from '../platform/config-error.js';
import { kernelBytes, WasmKernel, type WasmMode } from './wasm-kernel.js';

export type KernelName = 'js' | 'wasm';
/** A block kernel: runs trials [block * blockSize, min(total, (block + 1) * blockSize)) of model `m`. */
export type BlockKernel = (
  m: ModelInput,
  block: number,
  blockSize: number,
  totalTrials: number,
  seed: number,
) => BlockResult;

export interface Kernel {
  name: KernelName;
  run: BlockKernel;
  /** Why the default fell back to JS, when it did. */
  note?: string;
}

const jsKernel: Kernel = { name: 'js', run: simulateBlock };

/** A small model with zero cells, a certain partner and an odd year count: the parity check's input. */
function probeModel(): ModelInput {
  return {
    partners: ['A', 'B', 'C'],
    years: [1, 2, 3],
    planned: new Float64Array([10, 0, 30, 5, 5, 5, 0, 7, 1]),
    cont: new Float64Array([0.9, 1, 0.6]),
    lo: new Float64Array([0.3, 1, 0]),
    hi: new Float64Array([1, 1, 0.5]),
    shockProb: 0.3,
    shockMult: 0.5,
    needs: new Float64Array([10, 8, 20]),
    bins: 16,
  };
}

function sameResult(x: BlockResult, y: BlockResult): boolean {
  const eq = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
  return (
    x.trials === y.trials &&
    eq(x.sum, y.sum) &&
    eq(x.sumSq, y.sumSq) &&
    eq(x.below, y.below) &&
    eq(x.hist, y.hist) &&
    eq(x.partnerSum, y.partnerSum)
  );
}

/** Builds the WebAssembly kernel and checks it against the JS kernel on a probe model; throws with the reason if not usable. */
export function wasmKernel(mode: WasmMode = 'simd'): Kernel {
  if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(kernelBytes()))
    throw new Error('the WebAssembly kernel does not validate on this runtime (it needs WebAssembly SIMD)');
  const k = new WasmKernel(mode);
  const probe = probeModel();
  for (const [block, total] of [
    [0, 300],
    [1, 300],
  ] as const) {
    if (!sameResult(k.simulateBlock(probe, block, 200, total, 11), simulateBlock(probe, block, 200, total, 11)))
      throw new Error('the WebAssembly kernel disagrees with the JS kernel on the probe model');
  }
  return { name: 'wasm', run: (m, b, bs, t, s) => k.simulateBlock(m, b, bs, t, s) };
}

/**
 * The kernel for `choice` (COMPACT_SIM_KERNEL): 'js' or 'wasm' force one (an unusable wasm kernel then throws);
 * unset or empty takes wasm when it validates and passes the parity check, else JS with a note. Both give
 * bit-identical results for the same model, seed and block size. Chosen once per choice and thread, then reused.
 */
export function selectKernel(choice: string | undefined = process.env.COMPACT_SIM_KERNEL): Kernel {
  const key = choice ?? '';
  let k = chosen.get(key);
  if (!k) chosen.set(key, (k = choose(key)));
  return k;
}

const chosen = new Map<string, Kernel>();

function choose(choice: string): Kernel {
  if (choice === 'js') return jsKernel;
  if (choice === 'wasm') return wasmKernel();
  if (choice !== '')
    throw new ConfigError(
      `COMPACT_SIM_KERNEL: expected "js" or "wasm", found "${choice}"; unset it to use the default (wasm, falling back to js)`,
    );
  try {
    return wasmKernel();
  } catch (e) {
    return { ...jsKernel, note: `WebAssembly kernel unavailable, using JS: ${(e as Error).message}` };
  }
}

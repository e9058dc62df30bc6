// The WebAssembly and JS kernels give bit-identical results: per block, and through the worker pool (1 and 2 workers).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type ModelInput, simulateBlock } from '../core/analysis/simulate.js';
import { blockCount, summarize } from '../core/analysis/simulate-summary.js';
import { selectKernel, wasmKernel } from './kernel.js';
import { WasmKernel } from './wasm-kernel.js';
import { closePools, runBlocks } from './worker-pool.js';

after(() => closePools());

/** A model with zero cells, a certain partner (equal thresholds), an odd number of years and varied classes. */
function model(years: number): ModelInput {
  const P = 5;
  const planned = new Float64Array(P * years).map((_, i) => (i % 7 === 3 ? 0 : 10 + (i % 5) * 3.7));
  return {
    partners: ['A', 'B', 'C', 'D', 'E'],
    years: Array.from({ length: years }, (_, i) => 2024 + i),
    planned,
    cont: new Float64Array([0.95, 0.8, 1, 0.5, 0.9]),
    lo: new Float64Array([0.5, 0.2, 0.9, 0, 0.4]),
    hi: new Float64Array([1, 0.9, 1, 0.3, 0.4]),
    shockProb: 0.2,
    shockMult: 0.4,
    needs: new Float64Array(years).fill(60),
    bins: 97,
  };
}

test('per block: the wasm kernel (f64x2 count and scalar count) equals the JS kernel for several seeds and sizes', () => {
  const kernels = [new WasmKernel('simd'), new WasmKernel('scalar')];
  for (const years of [1, 4, 10, 11]) {
    const m = model(years);
    for (const [seed, trials, bs] of [
      [1, 5000, 2048],
      [7, 777, 256],
      [123456789, 1, 64],
      [0xffffffff, 0, 16],
    ] as const) {
      for (let b = 0; b < Math.max(1, blockCount(trials, bs)); b++) {
        const expected = simulateBlock(m, b, bs, trials, seed);
        for (const k of kernels)
          assert.deepEqual(k.simulateBlock(m, b, bs, trials, seed), expected, `years ${years} seed ${seed} block ${b}`);
      }
    }
  }
});

test('through the pool: same histograms, percentiles and sums with js and wasm, 0, 1 and 2 workers', async () => {
  const m = model(10);
  for (const [seed, trials] of [
    [1, 20000],
    [42, 9001],
  ] as const) {
    const ref = summarize(m, await runBlocks(m, { trials, seed, blockSize: 1024, workers: 0, kernel: 'js' }));
    for (const workers of [0, 1, 2]) {
      const r = await runBlocks(m, { trials, seed, blockSize: 1024, workers, kernel: 'wasm' });
      assert.deepEqual(summarize(m, r), ref, `seed ${seed}, ${workers} workers`);
    }
  }
});

test('a different seed changes the wasm draws (the parity above is not vacuous)', () => {
  const m = model(10);
  const k = new WasmKernel();
  assert.notDeepEqual(k.simulateBlock(m, 0, 1000, 1000, 1).sum, k.simulateBlock(m, 0, 1000, 1000, 2).sum);
});

test('kernel choice: js and wasm by name, the default is wasm here, anything else is refused with the accepted values', () => {
  assert.equal(selectKernel('js').name, 'js');
  assert.equal(selectKernel('wasm').name, 'wasm');
  assert.equal(selectKernel('').name, 'wasm');
  assert.equal(wasmKernel('scalar').name, 'wasm');
  assert.throws(() => selectKernel('gpu'), /expected "js" or "wasm", found "gpu"/);
});

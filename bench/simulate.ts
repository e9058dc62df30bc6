// Benchmark: `simulate` on the bundled compact (every partner of the registry x 10 years) at 10^5 and 10^6 trials,
// beside the native C reference of the same model (bench/simulate-ref.c, gcc -O3 -march=native, one thread) run in
// the same session. Reports trials/s and the JS/C time ratio (the bar: ratio <= 1 at 10^6 with the warm pool).
// Both block kernels are timed (the WebAssembly kernel, the default, and the JS kernel of the core; same draws).
// Run: node --import tsx bench/simulate.ts [--workers 2] [--seed 1] [--kernel wasm|js|both]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModel } from '../src/analysis/config.js';
import type { KernelName } from '../src/analysis/kernel.js';
import { closePools, runBlocks, SimulationPool } from '../src/analysis/worker-pool.js';
import type { ModelInput } from '../src/core/analysis/simulate.js';
import { buildModelInput, partnerClasses } from '../src/core/analysis/simulation-input.js';
import { loadRegistry } from '../src/data/load-registry.js';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    kernel: { type: 'string', default: 'both' },
  },
});
const kernels: KernelName[] = values.kernel === 'both' ? ['wasm', 'js'] : [values.kernel as KernelName];
const workers = Number(values.workers);
const seed = Number(values.seed);
const root = join(import.meta.dirname, '..');
const reg = (await loadRegistry(join(root, 'data'), root)).registry!;
const cfg = (await loadModel(join(root, 'config', 'model.yaml'), root)).value!;
// Workload: every partner of the registry with its legal-force class, and 1 EUR planned in every partner-year, so
// every partner-year takes a share draw (the heaviest case). The amounts do not change the work; the real input
// (the ledger) has fewer non-zero cells while the cited rates are missing.
const classes = partnerClasses(reg.agreements);
const years = Array.from({ length: cfg.horizon.years }, (_, i) => cfg.horizon.fromYear + i);
const unit = new Map([...classes.keys()].map((p) => [p, years.map(() => 1)]));
const model = buildModelInput(years, unit, classes, cfg);

const dir = mkdtempSync(join(tmpdir(), 'compact-bench-'));
const exe = join(dir, 'simulate-ref');
execFileSync('gcc', [
  '-O3',
  '-march=native',
  '-ffp-contract=off',
  '-o',
  exe,
  join(import.meta.dirname, 'simulate-ref.c'),
]);

function modelFile(m: ModelInput, trials: number): string {
  const f = join(dir, `model-${trials}.txt`);
  const lines = [
    `${m.partners.length} ${m.years.length} ${m.bins} ${trials} ${cfg.blockSize} ${seed} ${m.shockProb} ${m.shockMult}`,
    [...m.planned].join(' '),
    m.partners.map((_, p) => `${m.cont[p]} ${m.lo[p]} ${m.hi[p]}`).join(' '),
    [...m.needs].join(' '),
  ];
  writeFileSync(f, lines.join('\n'));
  return f;
}

const secs = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
  `model v1: ${model.partners.length} partners x ${model.years.length} years, block ${cfg.blockSize}, JS with ${workers} worker(s), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

// Cold: a new pool, start-up included.
let t0 = process.hrtime.bigint();
const coldPool = new SimulationPool(workers);
await coldPool.run(model, { trials: 1e5, seed, blockSize: cfg.blockSize, kernel: kernels[0] });
console.log(`cold 1e+5 trials, ${kernels[0]} kernel (pool start-up included): ${secs(t0).toFixed(3)} s`);
await coldPool.close();
// Warm: the shared pool is started once (and the kernel compiled) by a run of one block per worker, then reused.
for (const kernel of kernels)
  await runBlocks(model, {
    trials: cfg.blockSize * Math.max(1, workers),
    seed: seed + 1,
    blockSize: cfg.blockSize,
    workers,
    kernel,
  });

for (const trials of [1e5, 1e6]) {
  const out = execFileSync(exe, [modelFile(model, trials)], { encoding: 'utf8' });
  const cSecs = Number(/seconds ([\d.]+)/.exec(out)![1]);
  const cBelow = [...out.matchAll(/^sum \d+ \S+ (\d+)$/gm)].map((x) => Number(x[1]));
  for (const kernel of kernels) {
    t0 = process.hrtime.bigint();
    const r = await runBlocks(model, { trials, seed, blockSize: cfg.blockSize, workers, kernel });
    const jsSecs = secs(t0);
    const same = cBelow.length === model.years.length && cBelow.every((b, i) => b === r.below[i]);
    console.log(
      `${trials.toExponential(0)} trials: JS (${kernel} kernel) ${(trials / jsSecs).toFixed(0)} trials/s (${jsSecs.toFixed(3)} s)  C ${(trials / cSecs).toFixed(0)} trials/s (${cSecs.toFixed(3)} s)  ratio JS/C time ${(jsSecs / cSecs).toFixed(2)}  same draws: ${same}`,
    );
  }
}
await closePools();

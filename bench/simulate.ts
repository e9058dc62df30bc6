// Benchmark: `simulate` on the bundled compact (10 years) at 10^5 and 10^6 trials, beside the native C reference of
// the same model (bench/simulate-ref.c, gcc -O3, one thread) run in the same session. Reports trials/s and ratios.
// Run: node --import tsx bench/simulate.ts [--workers 2]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModel } from '../src/analysis/config.js';
import { runBlocks } from '../src/analysis/worker-pool.js';
import { plannedFromPledges } from '../src/core/analysis/planned.js';
import { buildModelInput, partnerClasses } from '../src/core/analysis/simulation-input.js';
import type { ModelInput } from '../src/core/analysis/simulate.js';
import { loadRegistry } from '../src/data/load-registry.js';

const { values } = parseArgs({ options: { workers: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' } } });
const workers = Number(values.workers);
const seed = Number(values.seed);
const root = join(import.meta.dirname, '..');
const reg = (await loadRegistry(join(root, 'data'), root)).registry!;
const cfg = (await loadModel(join(root, 'config', 'model.yaml'), root)).value!;
// Single-year amounts repeated over the horizon, so every partner-year carries an amount (the heavier workload).
const planned = plannedFromPledges(reg.agreements, cfg.rates, { ...cfg.horizon, repeatAnnual: true });
const model = buildModelInput(planned.years, planned.planned, partnerClasses(reg.agreements), cfg);

const dir = mkdtempSync(join(tmpdir(), 'compact-bench-'));
const exe = join(dir, 'simulate-ref');
execFileSync('gcc', ['-O3', '-march=native', '-ffp-contract=off', '-o', exe, join(import.meta.dirname, 'simulate-ref.c')]);

function modelFile(m: ModelInput, trials: number): string {
  const f = join(dir, `model-${trials}.txt`);
  const lines = [`${m.partners.length} ${m.years.length} ${m.bins} ${trials} ${cfg.blockSize} ${seed} ${m.shockProb} ${m.shockMult}`, [...m.planned].join(' '), m.partners.map((_, p) => `${m.cont[p]} ${m.lo[p]} ${m.hi[p]}`).join(' '), [...m.needs].join(' ')];
  writeFileSync(f, lines.join('\n'));
  return f;
}

console.log(`model v1: ${model.partners.length} partners x ${model.years.length} years, block ${cfg.blockSize}, JS with ${workers} worker(s)`);
for (const trials of [1e5, 1e6]) {
  const out = execFileSync(exe, [modelFile(model, trials)], { encoding: 'utf8' });
  const cSecs = Number(/seconds ([\d.]+)/.exec(out)![1]);
  const cBelow = [...out.matchAll(/^sum \d+ \S+ (\d+)$/gm)].map((x) => Number(x[1]));
  const t0 = process.hrtime.bigint();
  const r = await runBlocks(model, { trials, seed, blockSize: cfg.blockSize, workers });
  const jsSecs = Number(process.hrtime.bigint() - t0) / 1e9;
  const same = cBelow.every((b, i) => b === r.below[i]);
  console.log(
    `${trials.toExponential(0)} trials: JS ${(trials / jsSecs).toFixed(0)} trials/s (${jsSecs.toFixed(3)} s)  C ${(trials / cSecs).toFixed(0)} trials/s (${cSecs.toFixed(3)} s)  ratio JS/C time ${(jsSecs / cSecs).toFixed(2)}  same draws: ${same}`,
  );
}

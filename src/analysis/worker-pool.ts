// Runs the Monte Carlo's blocks on worker threads (all cores by default); workers take blocks as they finish,
// results merge in block order, so the output is the same for any number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mergeBlocks, simulateBlock, type BlockResult, type ModelInput } from '../core/analysis/simulate.js';
import { blockCount } from '../core/analysis/simulate-summary.js';

export interface RunOptions {
  trials: number;
  seed: number;
  blockSize: number;
  /** Worker threads; 0 runs in this thread. Default: every core. */
  workers?: number;
  /** Called after each block with (blocks done, blocks in all). */
  onProgress?: (done: number, total: number) => void;
}

/** The worker script: the .ts source under tsx (registered inside the worker), or the compiled .js. */
function spawn(data: unknown): Worker {
  const here = new URL(import.meta.url);
  const ext = here.pathname.endsWith('.ts') ? '.ts' : '.js';
  const script = new URL(`./simulate-worker${ext}`, here);
  if (ext === '.js') return new Worker(script, { workerData: data });
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(script.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: data });
}

/** Runs `trials` trials and returns the merged block sums. Deterministic in (model, trials, seed, blockSize). */
export async function runBlocks(model: ModelInput, o: RunOptions): Promise<BlockResult> {
  const total = blockCount(o.trials, o.blockSize);
  const nWorkers = Math.min(o.workers ?? availableParallelism(), total);
  const results: BlockResult[] = [];
  if (nWorkers <= 0) {
    for (let b = 0; b < total; b++) {
      results.push(simulateBlock(model, b, o.blockSize, o.trials, o.seed));
      o.onProgress?.(b + 1, total);
    }
    return mergeBlocks(model, results);
  }
  let next = 0;
  const workers = Array.from({ length: nWorkers }, () => spawn({ model, blockSize: o.blockSize, trials: o.trials, seed: o.seed }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= total) return resolve();
              w.postMessage(next++);
            };
            w.on('message', (r: BlockResult) => {
              results.push(r);
              o.onProgress?.(results.length, total);
              feed();
            });
            w.on('error', reject);
            w.on('exit', (code) => (code !== 0 && results.length < total ? reject(new Error(`simulation worker exited with code ${code}`)) : undefined));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return mergeBlocks(model, results);
}

// Runs the Monte Carlo's blocks on a pool of worker threads started once and reused across runs; workers take
// blocks as they finish, results are added in block order, so the output is the same for any number of workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addBlock, type BlockResult, emptyResult, type ModelInput } from '../core/analysis/simulate.js';
import { blockCount } from '../core/analysis/simulate-summary.js';
import { type KernelName, selectKernel } from './kernel.js';

export interface RunOptions {
  trials: number;
  seed: number;
  blockSize: number;
  /** Worker threads; 0 runs in this thread. Default: every core. */
  workers?: number;
  /** The block kernel; default: selectKernel() (COMPACT_SIM_KERNEL, else wasm when usable). Results are the same. */
  kernel?: KernelName;
  /** Called after each block with (blocks done, blocks in all). */
  onProgress?: (done: number, total: number) => void;
}

/** The worker script: the .ts source under tsx (registered inside the worker), or the compiled .js. */
function spawn(): Worker {
  const here = new URL(import.meta.url);
  const ext = here.pathname.endsWith('.ts') ? '.ts' : '.js';
  const script = new URL(`./simulate-worker${ext}`, here);
  if (ext === '.js') return new Worker(script);
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(script.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/**
 * A fixed set of worker threads, started once. Runs are queued (one at a time); between runs the threads are
 * unref'd, so an idle pool does not keep the process alive. Models go out by structured clone (typed arrays
 * copied as bytes), block results come back as transferred buffers.
 */
export class SimulationPool {
  private readonly workers: Worker[];
  private queue: Promise<unknown> = Promise.resolve();
  private runId = 0;
  private broken: Error | null = null;

  constructor(readonly size: number) {
    this.workers = Array.from({ length: size }, () => spawn());
    for (const w of this.workers) {
      w.on('error', (e) => (this.broken = e));
      w.on('exit', (code) => (this.broken ??= new Error(`simulation worker exited with code ${code}`)));
      w.unref();
    }
  }

  /** Runs `trials` trials; deterministic in (model, trials, seed, blockSize) whatever the pool size. */
  run(model: ModelInput, o: RunOptions): Promise<BlockResult> {
    const next = this.queue.then(() => this.runNow(model, o));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private runNow(model: ModelInput, o: RunOptions): Promise<BlockResult> {
    if (this.broken) return Promise.reject(this.broken);
    const run = ++this.runId;
    const kernel = o.kernel ?? selectKernel().name;
    const total = blockCount(o.trials, o.blockSize);
    const acc = emptyResult(model);
    const waiting = new Map<number, BlockResult>();
    let nextBlock = 0,
      nextToAdd = 0,
      done = 0;
    const active = this.workers.slice(0, Math.max(1, Math.min(this.size, total)));
    return new Promise<BlockResult>((resolve, reject) => {
      const cleanup = () => {
        for (const w of active) {
          w.off('message', onMessage.get(w)!);
          w.off('error', reject);
          w.off('exit', onExit);
          w.unref();
        }
      };
      const onExit = (code: number) => reject(new Error(`simulation worker exited with code ${code} during a run`));
      const onMessage = new Map<Worker, (m: { run: number; r: BlockResult }) => void>();
      const feed = (w: Worker) => {
        if (nextBlock < total) w.postMessage({ kind: 'block', run, block: nextBlock++ });
      };
      for (const w of active) {
        const handler = (m: { run: number; r: BlockResult }) => {
          if (m.run !== run) return;
          waiting.set(m.r.block, m.r);
          while (waiting.has(nextToAdd)) {
            addBlock(acc, waiting.get(nextToAdd)!);
            waiting.delete(nextToAdd++);
          }
          done++;
          o.onProgress?.(done, total); // not ?.(++done): optional call skips its arguments
          if (done === total) {
            cleanup();
            resolve(acc);
          } else feed(w);
        };
        onMessage.set(w, handler);
        w.on('message', handler);
        w.on('error', reject);
        w.on('exit', onExit);
        w.ref();
        w.postMessage({
          kind: 'run',
          run,
          spec: { model, blockSize: o.blockSize, trials: o.trials, seed: o.seed, kernel },
        });
        feed(w);
      }
      if (total === 0) {
        cleanup();
        resolve(acc);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

const pools = new Map<number, SimulationPool>();

/** The shared pool of `size` threads, started on first use and kept for later runs. */
export function sharedPool(size: number): SimulationPool {
  let p = pools.get(size);
  if (!p) pools.set(size, (p = new SimulationPool(size)));
  return p;
}

/** Terminates the shared pools (tests and benchmarks; a CLI process exits without it). */
export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}

/** Runs `trials` trials and returns the merged block sums. Deterministic in (model, trials, seed, blockSize). */
export async function runBlocks(model: ModelInput, o: RunOptions): Promise<BlockResult> {
  const total = blockCount(o.trials, o.blockSize);
  const nWorkers = o.workers ?? availableParallelism();
  if (nWorkers <= 0 || total === 0) {
    const acc = emptyResult(model);
    const kernel = selectKernel(o.kernel);
    for (let b = 0; b < total; b++) {
      addBlock(acc, kernel.run(model, b, o.blockSize, o.trials, o.seed));
      o.onProgress?.(b + 1, total);
    }
    return acc;
  }
  try {
    return await sharedPool(nWorkers).run(model, o);
  } catch (e) {
    pools.delete(nWorkers); // a broken pool is not reused
    throw e;
  }
}

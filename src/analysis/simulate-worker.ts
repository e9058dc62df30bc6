// Worker thread entry for the Monte Carlo: lives as long as its pool; takes a run's model once, then blocks.
import { parentPort } from 'node:worker_threads';
import type { ModelInput } from '../core/analysis/simulate.js';
import { type KernelName, selectKernel } from './kernel.js';

interface RunSpec {
  model: ModelInput;
  blockSize: number;
  trials: number;
  seed: number;
  kernel: KernelName;
}
type Message = { kind: 'run'; run: number; spec: RunSpec } | { kind: 'block'; run: number; block: number };

const runs = new Map<number, RunSpec>();

parentPort!.on('message', (msg: Message) => {
  if (msg.kind === 'run') {
    runs.clear(); // one run at a time per pool
    runs.set(msg.run, msg.spec);
    return;
  }
  const spec = runs.get(msg.run)!;
  // The parent names the kernel it chose, so every thread of a run uses the same one (built once per thread).
  const r = selectKernel(spec.kernel).run(spec.model, msg.block, spec.blockSize, spec.trials, spec.seed);
  parentPort!.postMessage({ run: msg.run, r }, [
    r.sum.buffer,
    r.sumSq.buffer,
    r.below.buffer,
    r.hist.buffer,
    r.partnerSum.buffer,
  ] as ArrayBuffer[]);
});

// Worker thread entry for the Monte Carlo: lives as long as its pool; takes a run's model once, then blocks.
import { parentPort } from 'node:worker_threads';
import { simulateBlock, type ModelInput } from '../core/analysis/simulate.js';

interface RunSpec { model: ModelInput; blockSize: number; trials: number; seed: number }
type Message = { kind: 'run'; run: number; spec: RunSpec } | { kind: 'block'; run: number; block: number };

const runs = new Map<number, RunSpec>();

parentPort!.on('message', (msg: Message) => {
  if (msg.kind === 'run') {
    runs.clear(); // one run at a time per pool
    runs.set(msg.run, msg.spec);
    return;
  }
  const spec = runs.get(msg.run)!;
  const r = simulateBlock(spec.model, msg.block, spec.blockSize, spec.trials, spec.seed);
  parentPort!.postMessage({ run: msg.run, r }, [r.sum.buffer, r.sumSq.buffer, r.below.buffer, r.hist.buffer, r.partnerSum.buffer] as ArrayBuffer[]);
});

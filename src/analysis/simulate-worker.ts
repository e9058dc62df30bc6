// Worker thread entry for the Monte Carlo: receives the model once, then runs the blocks it is handed.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateBlock, type ModelInput } from '../core/analysis/simulate.js';

const { model, blockSize, trials, seed } = workerData as { model: ModelInput; blockSize: number; trials: number; seed: number };

parentPort!.on('message', (block: number) => {
  const r = simulateBlock(model, block, blockSize, trials, seed);
  parentPort!.postMessage(r, [r.sum.buffer, r.sumSq.buffer, r.below.buffer, r.hist.buffer, r.partnerSum.buffer] as ArrayBuffer[]);
});

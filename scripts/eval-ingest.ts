// Evaluates ingest on the dev corpus: area P/R/F1, evidence hit rate, field accuracy, pledge F1; txt and raw.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { belowTargets, TARGETS } from '../src/ingest/eval-metrics.js';
import { type EvalBlock, evaluateCorpus, sharedDir } from '../src/ingest/extract/eval-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const verbose = args.includes('--verbose') || args.includes('-v');
const dev = join(sharedDir(root), 'corpus', 'dev');
const tty = process.stderr.isTTY;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
function render(name: string, b: EvalBlock): string {
  const s = b.scores;
  const lines = [
    `${name} (${s.docs} documents, ${b.ms} ms)`,
    `  areas      precision ${pct(s.area.precision)}  recall ${pct(s.area.recall)}  F1 ${pct(s.area.f1)}   (target F1 >= ${pct(TARGETS.area_f1)})`,
    `  evidence   hit rate ${pct(s.evidence_hit_rate)}   (gold quote in the first 3 passages; target >= ${pct(TARGETS.evidence_hit_rate)})`,
    ...Object.entries(s.fields).map(([f, v]) => `  ${f.padEnd(28)} ${pct(v)}`),
    `  pledges    precision ${pct(s.pledge.precision)}  recall ${pct(s.pledge.recall)}  F1 ${pct(s.pledge.f1)}  kind accuracy ${pct(s.pledge.kind_accuracy)}`,
  ];
  const below = belowTargets(s);
  lines.push(below.length ? `  BELOW TARGET: ${below.join(', ')}` : '  all targets met');
  if (verbose) lines.push(...b.misses.map((m) => `    - ${m}`));
  return lines.join('\n');
}

try {
  const result = await evaluateCorpus(dev, (done, total, file) => {
    if (tty) process.stderr.write(`\r\x1b[Kingest eval ${done}/${total} ${file.split('/').pop() ?? ''}`);
  });
  if (tty) process.stderr.write('\r\x1b[K');
  if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${render('txt', result.txt)}\n\n${render('raw (PDF/DOCX originals)', result.raw)}\n`);
  process.exitCode = belowTargets(result.txt.scores).length || belowTargets(result.raw.scores).length ? 1 : 0;
} catch (e) {
  process.stderr.write(`eval-ingest: ${(e as Error).message}\n`);
  process.exitCode = 1;
}

// Evaluates ingest: leave-one-text-out over every coded text found at run time (txt and original PDF/DOCX), the
// paraphrase suite, and the dev set; each score printed beside its goal, then the per-text table and calibration.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LooResult, leaveOneTextOut, type Method } from '../src/ingest/eval-loo.js';
import { belowGoal, GOALS, type Goal, mergeTallies, type Scores, scores } from '../src/ingest/eval-metrics.js';
import { collectCodedTexts, collectParaphrase, prepareDocs, sharedDir } from '../src/ingest/extract/eval-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const verbose = args.includes('--verbose') || args.includes('-v');
const tty = process.stderr.isTTY;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const mark = (v: number, goal: number) => `${pct(v)} (goal ${pct(goal).trim()})${v + 1e-9 >= goal ? '' : ' BELOW'}`;

function renderBlock(name: string, s: Scores, goal: Goal, method: string): string {
  const lines = [
    `${name} [${method}] (${s.docs} documents)`,
    `  area F1          ${mark(s.area.f1, goal.area_f1)}   precision ${pct(s.area.precision)} recall ${pct(s.area.recall)}`,
    `  evidence hits    ${mark(s.evidence_hit_rate, goal.evidence_hit_rate)}   (gold quote in the first 3 passages)`,
    ...Object.entries(s.fields).map(([f, v]) => `  ${f.padEnd(28)} ${mark(v, goal.field_accuracy)}`),
    `  pledge F1        ${mark(s.pledge.f1, goal.pledge_f1)}   precision ${pct(s.pledge.precision)} recall ${pct(s.pledge.recall)}`,
    `  kind accuracy    ${mark(s.pledge.kind_accuracy, goal.kind_accuracy)}`,
  ];
  const below = belowGoal(s, goal);
  lines.push(below.length ? `  below goal: ${below.join(', ')}` : '  all goals met');
  return lines.join('\n');
}

function perText(r: LooResult, method: Method): string {
  const head = `${'text'.padEnd(24)} ${'set'.padEnd(10)} form  areas tp/fp/fn  evidence  fields  pledges tp/fp/fn kind    ms`;
  const rows = r.texts.map((t) => {
    const x = t.tally[method];
    const fields = Object.values(x.fields).reduce((a, f) => a + f.ok, 0);
    const cell = (s: string, w: number) => s.padStart(w);
    return [
      t.id.padEnd(24),
      t.set.padEnd(10),
      t.variant.padEnd(4),
      cell(`${x.area.tp}/${x.area.fp}/${x.area.fn}`, 15),
      cell(`${x.evidence.hit}/${x.evidence.total}`, 9),
      cell(`${fields}/5`, 7),
      cell(`${x.pledge.tp}/${x.pledge.fp}/${x.pledge.fn}`, 17),
      cell(`${x.pledge.kindOk}/${x.pledge.tp}`, 5),
      cell(String(Math.round(t.ms)), 6),
    ].join(' ');
  });
  return [head, ...rows].join('\n');
}

try {
  const shared = sharedDir(root);
  const coded = collectCodedTexts(root, shared);
  const suite = collectParaphrase(root);
  if (!coded.length) throw new Error(`no coded texts found under ${shared} or ${root}; set COMPACT_SHARED`);
  const progress = (done: number, total: number, file: string) => {
    if (tty) process.stderr.write(`\r\x1b[Kingest eval ${done}/${total} ${file.split('/').pop() ?? ''}`);
  };
  const docs = await prepareDocs([...coded, ...suite], progress);
  if (tty) process.stderr.write('\r\x1b[K');
  const r = leaveOneTextOut(
    docs.filter((d) => d.set !== 'paraphrase'),
    docs.filter((d) => d.set === 'paraphrase'),
  );
  const raws = r.texts.filter((t) => t.variant === 'raw' && /\.pdf$/i.test(t.file));
  const slowestPdf = raws.reduce((a, t) => (t.ms > a.ms ? t : a), { ms: 0, id: '-' });
  if (asJson) {
    const { texts, ...rest } = r;
    const perTextScores = texts.map((t) => ({
      id: t.id,
      set: t.set,
      variant: t.variant,
      ms: Math.round(t.ms),
      rules: scores(t.tally.rules),
      learned: scores(t.tally.learned),
    }));
    const sets = Object.fromEntries(
      ['dev', 'coded'].map((s) => [s, coded.filter((t) => t.set === s).map((t) => t.id)]),
    );
    process.stdout.write(
      `${JSON.stringify({ texts: sets, suite: suite.map((t) => t.id), ...rest, per_text: perTextScores, goals: GOALS }, null, 2)}\n`,
    );
  } else {
    const out: string[] = [];
    const n = (s: string) => coded.filter((t) => t.set === s).length;
    out.push(
      `coded texts found: ${coded.length} (dev ${n('dev')}, coded by reading ${n('coded')}), with originals: ${coded.filter((t) => t.raw).length}; paraphrase suite: ${suite.length}`,
      `learned evidence ranker (fitted inside each fold) vs rules on leave-one-out txt evidence: ${r.chosen === 'learned' ? 'learned wins, reported as chosen' : 'rules win or tie, rules kept'}`,
      '',
    );
    const goalOf = (name: string) =>
      name.startsWith('leave') ? GOALS.loo : name.startsWith('dev') ? GOALS.dev : GOALS.suite;
    for (const [name, b] of Object.entries(r.blocks)) {
      if (!b.rules.docs) continue;
      out.push(renderBlock(name, b.rules, goalOf(name), 'rules'));
      out.push(
        `  learned ranker: evidence hits ${pct(b.learned.evidence_hit_rate)} (rules ${pct(b.rules.evidence_hit_rate)})`,
        '',
      );
    }
    out.push('Per text (rules):', perText(r, 'rules'), '');
    out.push('Calibration on the leave-one-out set (txt; calibration fitted without the text):');
    out.push(`  ${'family'.padEnd(8)} ${'band'.padEnd(8)} ${'items'.padStart(6)} ${'right'.padStart(6)} share`);
    for (const c of r.calibration)
      if (c.n)
        out.push(
          `  ${c.family.padEnd(8)} ${c.band.padEnd(8)} ${String(c.n).padStart(6)} ${String(c.right).padStart(6)} ${pct(c.right / c.n)}`,
        );
    const top = r.calibration.find((c) => c.family === 'all' && c.band === '>= 0.9');
    if (top?.n) out.push(`  items drafted with confidence >= 0.9: ${top.n}, right ${mark(top.right / top.n, 0.9)}`);
    out.push('', `slowest PDF: ${slowestPdf.id} ${Math.round(slowestPdf.ms)} ms (goal <= 2000 ms for 30 pages)`);
    if (verbose) {
      const misses = (set: (s: string) => boolean) =>
        mergeTallies(r.texts.filter((t) => set(t.set) && t.variant === 'txt').map((t) => t.tally[r.chosen])).misses;
      out.push('', 'Misses (txt, leave-one-out):', ...misses((s) => s !== 'paraphrase').map((m) => `  - ${m}`));
      out.push('', 'Misses (paraphrase suite):', ...misses((s) => s === 'paraphrase').map((m) => `  - ${m}`));
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  // Goals are printed, not enforced; a dev-set regression below the targets of the rules fails the command.
  const dev = r.blocks['dev txt'];
  process.exitCode = dev && belowGoal(dev.rules, GOALS.dev).length ? 1 : 0;
} catch (e) {
  process.stderr.write(`eval-ingest: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
}

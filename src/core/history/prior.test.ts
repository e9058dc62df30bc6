import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../ledger/csv-parse.js';
import { betaCdf, betaQuantile } from './beta.js';
import { historicalPrior, readFulfilment } from './prior.js';

const dir = join(import.meta.dirname, '../../../../shared/data/alliances');
const file = 'fulfilment-berkemeier-fuhrmann-2018.csv';
const { cases, issues } = readFulfilment(file, parseCsv(readFileSync(join(dir, file), 'utf8')).records);
const readme = readFileSync(join(dir, 'README.md'), 'utf8');
/** "N of M" after a label in the README's figures, e.g. "defence pacts 39 of 96". */
const figure = (label: RegExp): [number, number] => {
  const m = new RegExp(`${label.source}\\s+(\\d+) of (\\d+)`).exec(readme);
  assert.ok(m, `README figure ${label}`);
  return [Number(m[1]), Number(m[2])];
};

test('the historical prior reproduces the README figures under the BF coding', () => {
  assert.deepEqual(issues, []);
  const p = historicalPrior(cases, 'bf');
  const assessed = /(\d+) assessed, (\d+) honoured/.exec(readme)!;
  assert.deepEqual([p.overall.honoured, p.overall.assessed], [Number(assessed[2]), Number(assessed[1])]);
  const t = (g: string) => p.by_type.find((r) => r.group === g)!;
  assert.deepEqual([t('defense').honoured, t('defense').assessed], figure(/defence pacts/));
  assert.deepEqual([t('offense').honoured, t('offense').assessed], figure(/offence/));
  assert.deepEqual([t('neutral').honoured, t('neutral').assessed], figure(/neutrality/));
  assert.deepEqual([p.by_size[0]!.honoured, p.by_size[0]!.assessed], figure(/bilateral alliances/));
  assert.deepEqual([p.by_size[1]!.honoured, p.by_size[1]!.assessed], figure(/multilateral/));
  // Consultation pacts without a stronger obligation have (almost) no war record: an assumption, said so.
  const consult = cases.filter((c) => c.types.consul && !c.types.defense && !c.types.offense && !c.types.neutral);
  const assessedConsult = consult.filter((c) => c.honoured.bf !== null).length;
  assert.equal(t('consultation').assessed, assessedConsult);
  assert.ok(assessedConsult < 10);
  assert.equal(t('consultation').assumption, true);
  assert.equal(t('consultation').rate, p.overall.rate);
  assert.match(t('consultation').note!, /assumption/);
  assert.equal(t('defense').assumption, false);
});

test('the LLM coding has its own counts', () => {
  const p = historicalPrior(cases, 'llm');
  const m = /LLM coding: (\d+) assessed, (\d+) honoured/.exec(readme)!;
  assert.deepEqual([p.overall.honoured, p.overall.assessed], [Number(m[2]), Number(m[1])]);
});

test('each rate carries the 95% interval of its Beta posterior', () => {
  const p = historicalPrior(cases, 'bf');
  const d = p.by_type.find((r) => r.group === 'defense')!;
  const [lo, hi] = d.interval!;
  assert.ok(lo < d.rate! && d.rate! < hi);
  const a = 1 + d.honoured;
  const b = 1 + d.assessed - d.honoured;
  assert.ok(Math.abs(betaCdf(lo, a, b) - 0.025) < 1e-8);
  assert.ok(Math.abs(betaCdf(hi, a, b) - 0.975) < 1e-8);
});

test('beta quantiles: uniform, symmetric and a closed form', () => {
  assert.ok(Math.abs(betaQuantile(0.3, 1, 1) - 0.3) < 1e-9);
  assert.ok(Math.abs(betaQuantile(0.5, 7, 7) - 0.5) < 1e-9);
  // Beta(2, 1) has CDF x^2.
  assert.ok(Math.abs(betaQuantile(0.25, 2, 1) - 0.5) < 1e-9);
  assert.ok(Math.abs(betaCdf(0.7, 3, 5) + betaCdf(0.3, 5, 3) - 1) < 1e-12);
});

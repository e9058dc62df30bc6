// The analysis routes in process: scores react to weights, compare, scenarios list and run, the simulation is
// seeded and capped, and the settlement check takes YAML or JSON with field paths on errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { fillStore } from '../src/store/fill.js';
import { openStore } from '../src/store/open-store.js';
import { contractChecked } from './support/contract.js';

let db: Db;
let app: ReturnType<typeof createApp>;

before(async () => {
  db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  assert.ok(r.registry);
  await fillStore(db, r.registry, r.files, 'data'); // as `compact load` does: the registry and the ledger seed
  app = contractChecked(createApp({ db, log: () => {} }));
});
after(() => db.close());

const call = async (method: string, url: string, body?: unknown) => {
  const res = await app.request(url, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

test('scores: every agreement scored; a weight override changes the scores; bad weights are named', async () => {
  const base = await call('GET', '/api/analysis/scores?samples=20');
  assert.equal(base.status, 200);
  assert.ok(base.body.agreements.length >= 20);
  const criterion = Object.keys(base.body.weights)[0]!;
  const heavy = await call(
    'GET',
    `/api/analysis/scores?samples=20&weights=${encodeURIComponent(JSON.stringify({ [criterion]: base.body.weights[criterion] * 10 + 5 }))}`,
  );
  assert.equal(heavy.status, 200);
  assert.notDeepEqual(
    heavy.body.agreements.map((a: { score: number }) => a.score),
    base.body.agreements.map((a: { score: number }) => a.score),
  );
  const bad = await call('GET', '/api/analysis/scores?weights=%7B%22nope%22%3A1%7D');
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.issues[0].path, 'query.weights');
});

test('compare: the 2022 proposal against the 2024 agreements; an unknown proposal is 422', async () => {
  const r = await call('GET', '/api/analysis/compare');
  assert.equal(r.status, 200);
  assert.ok(JSON.stringify(r.body).includes('ua-gb-2024'));
  assert.equal((await call('GET', '/api/analysis/compare?proposal=nope')).status >= 400, true);
});

test('scenarios: listed, run against the baseline; unknown names are refused with the known ones', async () => {
  const list = await call('GET', '/api/analysis/scenarios');
  assert.equal(list.status, 200);
  assert.ok(list.body.some((s: { name: string }) => s.name === 'us-withdrawal-2025'));
  const run = await call('POST', '/api/analysis/scenarios/run', { scenario: 'us-withdrawal-2025' });
  assert.equal(run.status, 200);
  assert.ok(
    run.body.diff.in_force.removed.length + run.body.diff.obligations.removed.length > 0,
    'withdrawing the US removes something',
  );
  const none = await call('POST', '/api/analysis/scenarios/run', { scenario: 'atlantis' });
  assert.equal(none.status, 400);
  assert.equal(none.body.error.issues[0].path, 'body.scenario');
});

test('simulate: seeded (same seed, same figures), percentiles ordered, assumptions repeated; trials capped', async () => {
  const a = await call('POST', '/api/analysis/simulate', { trials: 3000, seed: 7 });
  assert.equal(a.status, 200);
  const b = await call('POST', '/api/analysis/simulate', { trials: 3000, seed: 7 });
  assert.deepEqual(a.body.years, b.body.years);
  assert.ok(a.body.years.length >= 5);
  for (const y of a.body.years) assert.ok(y.p5 <= y.p50 && y.p50 <= y.p95, `ordered percentiles in ${y.year}`);
  assert.match(a.body.assumptions.note, /ASSUMPTIONS/);
  assert.equal(a.body.input, 'ledger', 'planned amounts come from the ledger, as in the CLI');
  const grim = await call('POST', '/api/analysis/simulate', {
    trials: 3000,
    seed: 7,
    model: { shock: { probability: 1, multiplier: 0.1 } },
  });
  assert.ok(
    grim.body.years.reduce((s: number, y: { mean: number }) => s + y.mean, 0) <
      a.body.years.reduce((s: number, y: { mean: number }) => s + y.mean, 0),
  );
  const tooMany = await call('POST', '/api/analysis/simulate', { trials: 10_000_000 });
  assert.equal(tooMany.status, 400);
  assert.equal(tooMany.body.error.issues[0].path, 'body.trials');
  const inverted = await call('POST', '/api/analysis/simulate', {
    trials: 10,
    model: { classes: { unknown: { lo: 0.9, hi: 0.1 } } },
  });
  assert.equal(inverted.status, 400);
  assert.equal(inverted.body.error.issues[0].path, 'body.model.classes.unknown');
});

test('settlement check: YAML text and JSON object give the same findings; invalid input names the field', async () => {
  const text = readFileSync('data/settlements/russia-demands.yaml', 'utf8');
  const y = await call('POST', '/api/analysis/settlement-check', { settlement: text });
  assert.equal(y.status, 200);
  assert.ok(JSON.stringify(y.body).includes('conflict'));
  const { parse } = await import('yaml');
  const j = await call('POST', '/api/analysis/settlement-check', { settlement: parse(text) });
  assert.deepEqual(j.body, y.body);
  const bad = await call('POST', '/api/analysis/settlement-check', {
    settlement: { id: 'x', title: 'x', date: '2025-01-01', proponent: 'x', status: 'rumour', sources: [], terms: [] },
  });
  assert.equal(bad.status, 400);
  const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
  assert.ok(paths.includes('body.settlement.status') && paths.includes('body.settlement.terms'), paths.join(', '));
  const broken = await call('POST', '/api/analysis/settlement-check', { settlement: 'id: [unclosed' });
  assert.equal(broken.status, 422);
});

test('settlement check: every term one of four verdicts, counts for each; the bundled proposals are listed and served', async () => {
  const list = await call('GET', '/api/analysis/settlements');
  assert.equal(list.status, 200);
  const { readdirSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const bundled = readdirSync('data/settlements')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(`data/settlements/${f}`, 'utf8')).id as string);
  const ids = list.body.map((s: { id: string }) => s.id);
  for (const id of bundled) assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length, 'one entry per id');
  const one = await call('GET', '/api/analysis/settlements/us-28-point-plan-2025-11');
  assert.equal(one.status, 200);
  assert.equal(one.body.yaml, readFileSync('data/settlements/us-28-point-plan-2025-11.yaml', 'utf8'));
  assert.equal((await call('GET', '/api/analysis/settlements/no-such-plan')).status, 404);
  const r = await call('POST', '/api/analysis/settlement-check', { settlement: one.body.yaml });
  assert.equal(r.status, 200);
  assert.deepEqual(Object.keys(r.body.counts).sort(), ['compatible', 'conflict', 'tension', 'unassessed']);
  assert.equal(r.body.findings.length, parse(one.body.yaml).terms.length);
  for (const f of r.body.findings) {
    assert.ok(['conflict', 'tension', 'compatible', 'unassessed'].includes(f.verdict), f.verdict);
    if (f.verdict === 'unassessed') assert.ok(f.why.length > 0 && f.provisions.length === 0);
  }
  assert.ok(r.body.counts.unassessed > 0);
  const spec = await call('GET', '/api/openapi.json');
  const schema = spec.body.components.schemas.SettlementCheck;
  assert.ok(JSON.stringify(schema).includes('unassessed'), 'the OpenAPI schema lists the verdicts');
});

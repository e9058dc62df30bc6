// POST /api/analysis/simulate under the historical prior: continuations from alliance commitments' honour rates
// in war (the world registry's cases, else the bundled copy), said in the output; an unknown prior is a 400.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApi, type TestApi } from './support/api.js';

let api: TestApi;
before(async () => {
  api = await startApi(new Date('2026-06-01T00:00:00Z'));
});
after(() => api.db.close());

test('the historical prior replaces the configured continuations and says so', async () => {
  const body = { trials: 2000, seed: 7 };
  const conf = await api.call('POST', '/api/analysis/simulate', body);
  const hist = await api.call('POST', '/api/analysis/simulate', { ...body, prior: 'historical', coding: 'llm' });
  assert.equal(conf.status, 200);
  assert.equal(hist.status, 200);
  assert.deepEqual(conf.body.prior, { prior: 'configured' });
  assert.equal(hist.body.prior.prior, 'historical');
  assert.equal(hist.body.prior.coding, 'llm');
  assert.match(hist.body.assumptions.note, /historical prior .*Berkemeier & Fuhrmann/);
  // Its continuation is derived from a rate with counts, not the configured value.
  assert.ok(hist.body.prior.rate && hist.body.prior.continuation > 0 && hist.body.prior.continuation < 1);
  for (const c of Object.values(hist.body.assumptions.classes) as { continuation: number }[])
    assert.equal(c.continuation, hist.body.prior.continuation);
});

test('an unknown prior is a 400 naming the field', async () => {
  const r = await api.call('POST', '/api/analysis/simulate', { trials: 100, prior: 'optimistic' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.issues.some((i: { path: string }) => i.path === 'body.prior'));
});

// The flow routes in process: a release uploaded by a coordinator (JSON and multipart), refusals with
// file:line:column, re-upload writing nothing, fulfilment and donors read back against the shared files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken } from '../src/store/auth-store.js';
import { startApi, type TestApi } from './support/api.js';

const shared = process.env.COMPACT_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const kiel = join(shared, 'data', 'kiel');
const skip = existsSync(join(kiel, 'data_explorer.csv')) ? false : `no tracker files at ${kiel}`;
const files = () =>
  skip ? [] : readdirSync(kiel).map((name) => ({ name, content: readFileSync(join(kiel, name), 'utf8') }));

let api: TestApi;
before(async () => {
  api = await startApi(new Date('2026-12-01T00:00:00Z'));
});
after(() => api.db.close());

test('before any import the views say how to import', { skip }, async () => {
  const r = await api.call('GET', '/api/fulfilment');
  assert.equal(r.status, 404);
  assert.match(r.body.error.message, /POST \/api\/flows\/import/);
});

test('a viewer or party editor may not import; anonymous gets 401', { skip }, async () => {
  const anon = await api.app.request('/api/flows/import', {
    method: 'POST',
    body: JSON.stringify({ files: files() }),
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(anon.status, 401);
  const { token } = await createToken(api.db, { name: 'gb editor', role: 'party_editor', party: 'GB' });
  const ed = await api.app.request('/api/flows/import', {
    method: 'POST',
    body: JSON.stringify({ files: files() }),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  });
  assert.equal(ed.status, 403);
});

test('an unknown header is refused with 422 naming file:line:column; nothing written', { skip }, async () => {
  const bad = files().map((f) =>
    f.name === 'total_allocations.csv' ? { ...f, content: f.content.replace('"military"', '"mil"') } : f,
  );
  const r = await api.call('POST', '/api/flows/import', { files: bad });
  assert.equal(r.status, 422);
  assert.equal(r.body.error.issues[0].path, 'body.files.total_allocations.csv:1:4');
  assert.match(r.body.error.issues[0].found, /mil/);
  assert.equal((await api.call('GET', '/api/flows/revisions')).body.imports.length, 0);
});

test('a coordinator imports the release; the same upload again writes nothing', { skip }, async () => {
  const r = await api.call('POST', '/api/flows/import', { files: files() });
  assert.equal(r.status, 201, JSON.stringify(r.body).slice(0, 400));
  assert.ok(r.body.appended > 4000);
  const again = await api.call('POST', '/api/flows/import', { files: files() });
  assert.equal(again.status, 200);
  assert.equal(again.body.appended, 0);
  assert.ok(again.body.unchanged_since);
  const form = new FormData();
  for (const f of files()) form.append(f.name, new File([f.content], f.name, { type: 'text/csv' }));
  const { token } = await createToken(api.db, { name: 'coordinator 2', role: 'coordinator' });
  const mp = await api.app.request('/api/flows/import', {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(mp.status, 200, 'multipart upload of the same files: recognised as already imported');
  assert.equal((await api.call('GET', '/api/ledger/verify')).body.ok, true);
});

test('GET /api/fulfilment gives the UK pledge against its allocations with citation and caveats', {
  skip,
}, async () => {
  const r = await api.call('GET', '/api/fulfilment?party=gb&year=2024');
  assert.equal(r.status, 200);
  const uk = r.body.rows.find((x: { pledge_ref: string }) => x.pledge_ref === 'ua-gb-2024#pledge-2024');
  const micro = readFileSync(join(kiel, 'data_explorer.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('"United Kingdom","GBR",2024,'))
    .reduce((a, l) => a + BigInt(Math.round(Number(l.split(',')[7]) * 1e6)), 0n);
  assert.equal(uk.allocated, `${micro * 1000n}.00`);
  assert.equal(uk.pledged.currency, 'GBP');
  assert.match(r.body.citation.text, /Ukraine Support Tracker, Release 29/);
  const donors = await api.call('GET', '/api/flows/donors?party=GB&year=2024&monthly=false');
  assert.equal(donors.body.donors[0].allocated.military, uk.allocated);
});

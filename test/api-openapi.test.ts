// The OpenAPI document: valid 3.1 structure, covering every route the app serves; plus a few real-socket calls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { checkOpenApi31 } from '../src/api/openapi-check.js';
import { listen } from '../src/cli/commands/serve.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { contractChecked } from './support/contract.js';

let db: Db;
let app: ReturnType<typeof createApp>;
before(async () => {
  db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  await saveRegistry(db, r.registry!, r.files);
  app = contractChecked(createApp({ db, log: () => {} }));
});
after(() => db.close());

test('the validator catches what it is for (so the next test can fail)', () => {
  const broken = { openapi: '3.0.0', info: { title: 'x' }, paths: { '/a/{id}': { get: { responses: {} } } } };
  const problems = checkOpenApi31(broken, [{ method: 'GET', path: '/b' }]);
  assert.ok(problems.some((p) => p.startsWith('openapi')));
  assert.ok(problems.some((p) => p.includes('at least one response')));
  assert.ok(problems.some((p) => p.includes('{id}')));
  assert.ok(problems.some((p) => p.includes('route GET /b')));
});

test('/api/openapi.json is a valid OpenAPI 3.1 document covering every route of the app', async () => {
  const doc = await (await app.request('/api/openapi.json')).json();
  const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, path: r.path }));
  assert.ok(routes.length >= 20);
  assert.deepEqual(checkOpenApi31(doc, routes), []);
});

test('the reference page and its assets are served locally, with no inline script', async () => {
  const html = await (await app.request('/api/docs')).text();
  assert.match(html, /<script type="module" src="\/api\/docs.js"><\/script>/);
  assert.doesNotMatch(html, /<script>(?!<\/script>)|https?:\/\//);
  assert.equal((await app.request('/api/docs.js')).headers.get('Content-Type'), 'text/javascript; charset=utf-8');
});

test('over a real socket: JSON, ETag revalidation and 404s behave the same', async () => {
  const { server, port } = await listen(app.fetch, 0, '127.0.0.1');
  try {
    const base = `http://127.0.0.1:${port}`;
    const r = await fetch(`${base}/api/agreements?party=US`);
    assert.equal(r.status, 200);
    const body = (await r.json()) as { items: { id: string }[] };
    assert.deepEqual(
      body.items.map((a) => a.id),
      ['ua-us-2024'],
    );
    const again = await fetch(`${base}/api/agreements?party=US`, {
      headers: { 'If-None-Match': r.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
    const missing = await fetch(`${base}/api/nothing`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
  } finally {
    await new Promise<void>((res) => server.close(() => res()));
  }
});

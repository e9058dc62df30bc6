// The registry routes in process (app.request): filters, both paginations, ETags, coded errors, limits, headers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { contractChecked } from './support/contract.js';

let db: Db;
let app: ReturnType<typeof createApp>;
const logs: string[] = [];

before(async () => {
  db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  assert.ok(r.registry, 'the bundled registry loads');
  await saveRegistry(db, r.registry, r.files);
  app = contractChecked(createApp({ db, log: (l) => logs.push(l), maxBodyBytes: 1024 }));
});
after(() => db.close());

const getJson = async (url: string, init?: RequestInit) => {
  const res = await app.request(url, init);
  return { res, body: (await res.json()) as any };
};

test('agreements: in_force_on drops the UK agreement in 2034 and keeps the EU one', async () => {
  const { res, body } = await getJson('/api/agreements?in_force_on=2034-06-01');
  assert.equal(res.status, 200);
  const ids = body.items.map((a: { id: string }) => a.id);
  assert.ok(!ids.includes('ua-gb-2024'));
  assert.ok(ids.includes('ua-eu-2024'));
  assert.equal(body.total, ids.length);
});

test('agreements: party, area and series filters each narrow the list', async () => {
  const all = (await getJson('/api/agreements')).body;
  const gb = (await getJson('/api/agreements?party=gb')).body;
  assert.deepEqual(gb.items.map((a: { partner: string }) => a.partner).sort(), ['GB', 'GB']);
  const related = (await getJson('/api/agreements?series=related')).body;
  assert.equal(related.total, all.items.filter((a: { series: string }) => a.series === 'related').length);
  const cyber = (await getJson('/api/agreements?area=cyber')).body;
  assert.ok(cyber.total > 0 && cyber.total < all.total);
});

test('keyset pages walk the whole list in order without repeats, and match offset pages', async () => {
  const all = (await getJson('/api/agreements?limit=500')).body.items.map((a: { id: string }) => a.id);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = (await getJson(`/api/agreements?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).body;
    seen.push(...page.items.map((a: { id: string }) => a.id));
    cursor = page.next_cursor;
  } while (cursor);
  assert.deepEqual(seen, all);
  const off = (await getJson('/api/agreements?limit=7&offset=7')).body.items.map((a: { id: string }) => a.id);
  assert.deepEqual(off, all.slice(7, 14));
});

test('one agreement carries its period of force, provisions with quotes, and its sources and versions', async () => {
  const a = (await getJson('/api/agreements/ua-gb-2024')).body;
  assert.equal(a.force.end, '2034-01-12');
  const provs = (await getJson('/api/agreements/ua-gb-2024/provisions')).body;
  assert.equal(provs.length, a.provisions.length);
  const sources = (await getJson('/api/records/ua-gb-2024/sources')).body;
  for (const p of provs)
    assert.ok(
      sources.some((s: { id: string }) => s.id === p.source),
      `${p.id} cites a listed source`,
    );
  const versions = (await getJson('/api/records/ua-gb-2024/versions')).body;
  assert.equal(versions[0].version, 1);
});

test('frameworks, parties, guarantors and overview agree with each other', async () => {
  const ov = (await getJson('/api/overview')).body;
  const fws = (await getJson('/api/frameworks')).body;
  assert.equal(ov.frameworks, fws.length);
  const gs = (await getJson('/api/guarantors')).body;
  assert.equal(gs.length, ov.agreements);
  assert.equal(
    gs.reduce((n: number, g: { provisions: number }) => n + g.provisions, 0),
    ov.provisions,
  );
  const parties = (await getJson('/api/parties')).body;
  assert.ok(
    parties.some(
      (p: { code: string; nato_member_since: string | null }) =>
        p.code === 'GB' && /^\d{4}-\d{2}-\d{2}$/.test(p.nato_member_since ?? ''),
    ),
  );
  assert.equal((await getJson('/api/frameworks/kyiv-security-compact-2022')).body.id, 'kyiv-security-compact-2022');
});

test('a bad filter is a coded 400 naming the field; an unknown id is a 404', async () => {
  const bad = await getJson('/api/agreements?in_force_on=2024-02-30&limit=0');
  assert.equal(bad.res.status, 400);
  assert.equal(bad.body.error.code, 'validation');
  const paths = bad.body.error.issues.map((i: { path: string }) => i.path).sort();
  assert.deepEqual(paths, ['query.in_force_on', 'query.limit']);
  const cur = await getJson('/api/agreements?cursor=nonsense');
  assert.equal(cur.body.error.issues[0].path, 'query.cursor');
  const none = await getJson('/api/agreements/ua-xx-2024');
  assert.equal(none.res.status, 404);
  assert.equal(none.body.error.code, 'not_found');
  assert.equal(none.body.error.issues[0].path, 'param.id');
  assert.equal((await getJson('/api/frameworks/ua-gb-2024')).res.status, 404, 'an agreement is not a framework');
});

test('reads carry a weak ETag; If-None-Match answers 304 with no body', async () => {
  const first = await app.request('/api/agreements/ua-us-2024');
  const tag = first.headers.get('ETag');
  assert.match(tag ?? '', /^W\/"[A-Za-z0-9_-]{27}"$/);
  const again = await app.request('/api/agreements/ua-us-2024', { headers: { 'If-None-Match': tag! } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  const other = await app.request('/api/agreements/ua-gb-2024', { headers: { 'If-None-Match': tag! } });
  assert.equal(other.status, 200);
});

test('a body over the limit is 413 with the coded error; routes still pending are 501 not_available', async () => {
  const big = await getJson('/api/events/simulate', {
    method: 'POST',
    body: 'x'.repeat(5000),
    headers: { 'Content-Type': 'application/json', 'Content-Length': '5000' },
  });
  assert.equal(big.res.status, 413);
  assert.equal(big.body.error.code, 'payload_too_large');
  const caps = (await getJson('/api/capabilities')).body.groups;
  for (const [group, st] of Object.entries(caps as Record<string, { available: boolean; routes: string[] }>)) {
    if (st.available) continue;
    const [method, path] = st.routes[0]!.split(' ');
    const r = await getJson(path!.replace('{id}', 'x'), {
      method,
      ...(method === 'POST' ? { body: '{}', headers: { 'Content-Type': 'application/json' } } : {}),
    });
    assert.equal(r.res.status, 501, `${group} ${path}`);
    assert.equal(r.body.error.code, 'not_available');
  }
});

test('security headers on every response; one JSON log line per request without headers or query', async () => {
  logs.length = 0;
  const res = await app.request('/api/overview?token=secret', { headers: { Authorization: 'Bearer hunter2' } });
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer');
  assert.equal(logs.length, 1);
  const line = JSON.parse(logs[0]!);
  assert.equal(line.path, '/api/overview');
  assert.equal(line.status, 200);
  assert.doesNotMatch(logs[0]!, /hunter2|secret|Bearer/);
});

test('completeness: every agreement of the registry, and the same figures inside each agreement', async () => {
  const r = await loadRegistry('data', process.cwd());
  const { body } = await getJson('/api/completeness');
  assert.equal(body.agreements.length, r.registry!.agreements.length);
  const be = body.agreements.find((c: { id: string }) => c.id === 'ua-be-2024');
  const a = r.registry!.agreements.find((x) => x.id === 'ua-be-2024')!;
  assert.equal(be.provisions.primary, a.provisions.filter((p) => p.evidence === 'primary').length);
  const one = (await getJson('/api/agreements/ua-be-2024')).body;
  assert.deepEqual(one.completeness, be);
});

// The authorisation matrix, generated from the app's own route table: every route has a policy, and for every
// role x route x party (own, foreign) the real request is allowed or denied exactly as the policy and authorize say.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { findPolicy, ROUTE_POLICY, toOpenApiPath } from '../src/api/route-policy.js';
import { authorize, type Principal, type Role } from '../src/core/auth/roles.js';
import { makeEvent } from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { createToken, listAudit } from '../src/store/auth-store.js';
import type { Db } from '../src/store/db.js';
import { recordEvent } from '../src/store/obligation-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

process.env.COMPACT_RATE_LIMIT = 'off';
const OWN = 'GB';
const FOREIGN = 'US';

type App = ReturnType<typeof createApp>;
let db: Db;
let app: App;
const obligationOf: Record<string, string> = {};
/** A second obligation of the own party, untouched by the matrix, for the audit check. */
let spareOwn = '';
const who: { principal: Principal; token: string | null }[] = [];

/** The app's real routes under /api (method + OpenAPI path), deduplicated. */
function appRoutes(a: App): string[] {
  return [
    ...new Set(
      a.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api') && !r.path.includes('*'))
        .map((r) => `${r.method} ${toOpenApiPath(r.path)}`),
    ),
  ].sort();
}

const ledgerRow = (party: string) => ({
  ref: `authz:${party}:${Math.random().toString(36).slice(2)}`,
  entry_type: 'pledge',
  provider: party,
  recipient: 'UA',
  date: '2025-01-01',
  kind: 'military',
  status: 'committed',
  source_url: 'https://example.org/src',
  amount: '1.00',
  currency: 'EUR',
});
const csvOf = (party: string) =>
  `ref,entry_type,provider,recipient,date,kind,status,source_url,amount,currency\nauthz:${party}:${Math.random().toString(36).slice(2)},pledge,${party},UA,2025-01-01,military,committed,https://example.org/src,1.00,EUR\n`;

const miniDir = join(import.meta.dirname, 'fixtures', 'kiel-mini');
const miniRelease = () =>
  readdirSync(miniDir).map((name) => ({ name, content: readFileSync(join(miniDir, name), 'utf8') }));

/** A request for a route touching `party`, and the parties it touches (the oracle, built independently of the policy's extractors). */
function requestFor(key: string, party: string): { path: string; body?: string; type?: string; touches: string[] } {
  const [, pattern] = key.split(' ') as [string, string];
  const withId = (id: string) => pattern.replace('{id}', encodeURIComponent(id));
  switch (key) {
    case 'POST /api/events':
      return {
        path: pattern,
        body: JSON.stringify({ type: 'armed_attack', at: '2031-01-01T00:00:00Z', aggressor: 'RU' }),
        type: 'application/json',
        touches: [OWN, FOREIGN],
      };
    case 'POST /api/obligations/{id}/transitions':
      return {
        path: withId(obligationOf[party]!),
        body: JSON.stringify({ to: 'fulfilled', at: '2030-06-02T00:00:00Z', evidence_url: 'https://example.org/e' }),
        type: 'application/json',
        touches: [party],
      };
    case 'POST /api/ledger/entries':
      return { path: pattern, body: JSON.stringify(ledgerRow(party)), type: 'application/json', touches: [party] };
    case 'POST /api/ledger/import':
      return { path: pattern, body: csvOf(party), type: 'text/csv', touches: [party] };
    case 'POST /api/flows/import':
      // A tracker release touches every donor's figures.
      return {
        path: pattern,
        body: JSON.stringify({ files: miniRelease() }),
        type: 'application/json',
        touches: [OWN, FOREIGN],
      };
  }
  if (ROUTE_POLICY[key]?.action === 'write_operational')
    throw new Error(`${key}: an operational write without a request builder in this test; add one`);
  return {
    path: withId('ua-gb-2024'),
    ...(key.startsWith('POST') ? { body: '{}', type: 'application/json' } : {}),
    touches: [],
  };
}

async function send(path: string, method: string, token: string | null, body?: string, type?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (type) headers['Content-Type'] = type;
  return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
}

const count = async (table: string) =>
  Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n);

before(async () => {
  db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
  const r = await recordEvent(
    db,
    makeEvent({ type: 'armed_attack', at: '2030-06-01T00:00:00Z', aggressor: 'RU' }).event!,
  );
  for (const o of r.evaluation.obligations) {
    if (o.promisor === OWN && obligationOf[OWN] && !spareOwn) spareOwn = o.id;
    obligationOf[o.promisor] ??= o.id;
  }
  assert.ok(obligationOf[OWN] && obligationOf[FOREIGN], 'the fixture attack creates obligations for both parties');
  who.push({ principal: { tokenId: null, name: 'anonymous', role: null, party: null }, token: null });
  for (const role of ['viewer', 'party_editor', 'coordinator', 'admin'] as Role[]) {
    const t = await createToken(db, { name: `t-${role}`, role, party: role === 'party_editor' ? OWN : null });
    who.push({ principal: { tokenId: t.id, name: t.name, role, party: t.party }, token: t.token });
  }
  app = createApp({ db, log: () => {} });
});
after(async () => db?.close());

describe('authorisation matrix', () => {
  test('every route of the app and of the OpenAPI document has a policy', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fromDoc = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const missing = [...new Set([...appRoutes(app), ...fromDoc])].filter((k) => !ROUTE_POLICY[k]);
    assert.deepEqual(missing, [], 'add these routes to src/api/route-policy.ts');
    for (const k of appRoutes(app))
      assert.equal(findPolicy(k.split(' ')[0]!, requestFor(k, OWN).path)?.key, k, `${k} resolves to its own policy`);
  });

  test('role x route x party: real requests answer as the policy decides', async () => {
    let checked = 0;
    for (const key of appRoutes(app)) {
      const policy = ROUTE_POLICY[key]!;
      const action = policy.action === 'compute' ? 'read' : policy.action;
      for (const party of [OWN, FOREIGN]) {
        for (const w of who) {
          const req = requestFor(key, party);
          const expected = authorize(w.principal, action, req.touches);
          const res = await send(req.path, key.split(' ')[0]!, w.token, req.body, req.type);
          const label = `${w.principal.role ?? 'anonymous'} ${key} (${party === OWN ? 'own' : 'foreign'} party): ${res.status}`;
          if (expected.allow) assert.ok(res.status !== 401 && res.status !== 403, `${label} should be allowed`);
          else assert.equal(res.status, expected.status, `${label} should be ${expected.status}`);
          assert.notEqual(res.status, 500, label);
          checked++;
        }
      }
    }
    assert.ok(checked >= appRoutes(app).length * 10);
  });

  test("a party editor cannot write another party's data: 403 and nothing written, whatever the body", async () => {
    const editor = who.find((w) => w.principal.role === 'party_editor')!;
    const tables = ['ledger_entries', 'obligation_transitions', 'evidence', 'events', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    for (const key of Object.keys(ROUTE_POLICY).filter((k) => ROUTE_POLICY[k]!.action === 'write_operational')) {
      const req = requestFor(key, FOREIGN);
      for (const body of [req.body, 'not json {', JSON.stringify({ provider: 42 }), '']) {
        const res = await send(req.path, 'POST', editor.token, body, req.type);
        assert.equal(res.status, 403, `${key} with body ${String(body).slice(0, 30)}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
      }
    }
    assert.deepEqual(await Promise.all(tables.map(count)), before);
  });

  test('anonymous and revoked or forged tokens on a write are 401 before any validation', async () => {
    for (const token of [null, 'tok_000000000000.AAAAAAAAAAAAAAAAAAAAAAAA', 'garbage']) {
      const res = await send('/api/events', 'POST', token, '{"type": 7', 'application/json');
      assert.equal(res.status, 401);
      assert.match(res.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
    }
  });

  test('an allowed write that succeeds leaves an audit row naming the token and a body digest, never the token', async () => {
    const editor = who.find((w) => w.principal.role === 'party_editor')!;
    const req = requestFor('POST /api/obligations/{id}/transitions', OWN);
    req.path = req.path.replace(encodeURIComponent(obligationOf[OWN]!), encodeURIComponent(spareOwn));
    const res = await send(req.path, 'POST', editor.token, req.body, req.type);
    assert.ok(res.status >= 200 && res.status < 300, `own transition: ${res.status} ${await res.clone().text()}`);
    const rows = await listAudit(db, { action: 'api POST /api/obligations' });
    const last = rows.at(-1)!;
    assert.equal(last.token_id, editor.principal.tokenId);
    assert.equal(last.target, spareOwn);
    assert.match(JSON.stringify(last.detail), /"body_sha256":"[0-9a-f]{64}"/);
    assert.doesNotMatch(JSON.stringify(rows), new RegExp(editor.token!.split('.')[1]!));
  });

  test('a route missing from the policy is denied (fail closed); an unknown path stays 404', async () => {
    const extra = createApp({ db, log: () => {} });
    extra.get('/api/not-in-policy', (c) => c.json({ leaked: true }));
    const admin = who.find((w) => w.principal.role === 'admin')!;
    const get = (path: string) => extra.request(path, { headers: { Authorization: `Bearer ${admin.token}` } });
    assert.equal((await get('/api/not-in-policy')).status, 403);
    assert.equal((await get('/api/no-such-route')).status, 404);
  });

  test('COMPACT_PRIVATE_READS=1: reads need a token; the rate limit answers 429 with Retry-After', async () => {
    process.env.COMPACT_PRIVATE_READS = '1';
    process.env.COMPACT_RATE_LIMIT = '1,3';
    const priv = createApp({ db, log: () => {} });
    delete process.env.COMPACT_PRIVATE_READS;
    process.env.COMPACT_RATE_LIMIT = 'off';
    const viewer = who.find((w) => w.principal.role === 'viewer')!;
    assert.equal((await priv.request('/api/parties')).status, 401);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await priv.request('/api/parties', { headers: { Authorization: `Bearer ${viewer.token}` } })).status,
      );
    assert.deepEqual(statuses.slice(0, 3), [200, 200, 200]);
    assert.equal(statuses[4], 429);
    const limited = await priv.request('/api/parties', { headers: { Authorization: `Bearer ${viewer.token}` } });
    assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
  });
});

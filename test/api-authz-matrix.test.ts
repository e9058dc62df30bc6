// The access model, proved on real requests: generated from the OpenAPI document and the app's route table,
// every route x principal (anonymous, viewer, party editor for its own or a foreign party, coordinator, admin,
// revoked, forged) x path spelling (percent-encoded letters in either case of hex, every letter encoded, trailing
// slash, dot segments plain and encoded, double slashes, encoded slash) gets the decision of the plain spelling:
// a spelling either reaches the same decision or is refused by the router (404), never a handler its plain
// spelling would refuse. Writes that pass are audited as applied, refusals as refusals.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createApp } from '../src/api/app.js';
import { policy, READ, type RoutePolicy, routePolicies, SESSION } from '../src/api/route-policy.js';
import { authorize, type Decision, type Principal, type Role } from '../src/core/auth/roles.js';
import { makeEvent } from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { createToken, listAudit, revokeToken } from '../src/store/auth-store.js';
import type { Db } from '../src/store/db.js';
import { recordEvent } from '../src/store/obligation-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { contractChecked } from './support/contract.js';

process.env.COMPACT_RATE_LIMIT = 'off';
const OWN = 'PL';
const FOREIGN = 'DE';

type App = ReturnType<typeof createApp>;
let db: Db;
let app: App;
const obligationsOf: Record<string, string[]> = {};
interface Who {
  label: string;
  /** The principal the server should see; null for a token it must refuse (revoked, forged). */
  principal: Principal | null;
  token: string | null;
}
const who: Who[] = [];

const ledgerRow = (party: string, tag: string) => ({
  ref: `authz:${tag}:${party}:${Math.random().toString(36).slice(2)}`,
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
const csvOf = (party: string, tag: string) =>
  `ref,entry_type,provider,recipient,date,kind,status,source_url,amount,currency\nauthz:${tag}:${party}:${Math.random().toString(36).slice(2)},pledge,${party},UA,2025-01-01,military,committed,https://example.org/src,1.00,EUR\n`;

const miniDir = join(import.meta.dirname, 'fixtures', 'kiel-mini');
const miniRelease = () =>
  readdirSync(miniDir).map((name) => ({ name, content: readFileSync(join(miniDir, name), 'utf8') }));

interface Req {
  path: string;
  body?: string;
  type?: string;
  /** The parties the request touches: the oracle, built here independently of the route's own code. */
  touches: string[];
}

/** A request for a route touching `party`; `tag` marks what it writes with who sent it. */
function requestFor(key: string, pol: RoutePolicy, party: string, tag: string): Req {
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
        path: withId(obligationsOf[party]![0]!),
        body: JSON.stringify({ to: 'fulfilled', at: '2030-06-02T00:00:00Z', evidence_url: 'https://example.org/e' }),
        type: 'application/json',
        touches: [party],
      };
    case 'POST /api/ledger/entries':
      return { path: pattern, body: JSON.stringify(ledgerRow(party, tag)), type: 'application/json', touches: [party] };
    case 'POST /api/ledger/import':
      return { path: pattern, body: csvOf(party, tag), type: 'text/csv', touches: [party] };
    case 'POST /api/flows/import':
      // A tracker release touches every donor's figures.
      return {
        path: pattern,
        body: JSON.stringify({ files: miniRelease() }),
        type: 'application/json',
        touches: [OWN, FOREIGN],
      };
  }
  if (pol.action === 'write_operational')
    throw new Error(`${key}: an operational write without a request builder in this test; add one`);
  return {
    path: withId('ua-gb-2024'),
    ...(key.startsWith('POST') ? { body: '{}', type: 'application/json' } : {}),
    touches: [],
  };
}

const hexOf = (ch: string, upper: boolean) => {
  const h = ch.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${upper ? h.toUpperCase() : h.toLowerCase()}`;
};

/** Other spellings of a path: what a client, proxy or attacker may send for the same resource. */
function spellings(path: string): { name: string; path: string }[] {
  const segs = path.split('/').slice(1); // ['api', 'ledger', 'entries']
  const last = segs.length - 1;
  // A letter whose hex code has a letter digit, so the two cases of escape differ (j-o, z, J-O, Z).
  const pickIn = (s: string) => [...s].findIndex((ch) => /[j-oJ-OzZ]/.test(ch));
  const encodeAt = (s: string, i: number, upper: boolean) => s.slice(0, i) + hexOf(s[i]!, upper) + s.slice(i + 1);
  const join = (xs: string[]) => `/${xs.join('/')}`;
  const out: { name: string; path: string }[] = [];
  const target = [...segs.keys()].reverse().find((k) => pickIn(segs[k]!) >= 0);
  if (target !== undefined) {
    const i = pickIn(segs[target]!);
    for (const upper of [false, true])
      out.push({
        name: `one letter %-encoded (${upper ? 'upper' : 'lower'}-case hex)`,
        path: join(segs.map((s, k) => (k === target ? encodeAt(s, i, upper) : s))),
      });
  }
  out.push({
    name: 'first letter %-encoded',
    path: join(segs.map((s, k) => (k === last && /^[a-z]/.test(s) ? hexOf(s[0]!, false) + s.slice(1) : s))),
  });
  out.push({
    name: 'every letter %-encoded',
    path: join(segs.map((s) => (s.includes('%') ? s : [...s].map((ch) => hexOf(ch, true)).join('')))),
  });
  out.push({ name: 'trailing slash', path: `${path}/` });
  out.push({ name: 'dot segment', path: join([segs[0]!, '.', ...segs.slice(1)]) });
  out.push({ name: 'dot-dot segment', path: join([segs[0]!, 'zz', '..', ...segs.slice(1)]) });
  out.push({ name: 'encoded dot segments', path: join([segs[0]!, 'zz', '%2E%2e', '%2e', ...segs.slice(1)]) });
  out.push({ name: 'double slash inside', path: join([segs[0]!, '', ...segs.slice(1)]) });
  out.push({ name: 'leading double slash', path: `/${path}` });
  out.push({ name: 'encoded slash', path: `/${segs[0]}%2F${segs.slice(1).join('/')}` });
  out.push({ name: 'upper-case segment', path: join(segs.map((s, k) => (k === last ? s.toUpperCase() : s))) });
  return out;
}

async function send(path: string, method: string, token: string | null, body?: string, type?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (type) headers['Content-Type'] = type;
  return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
}

/** What the client sees of a decision: refused with 401/403, refused by the router (404 "no route"), or passed. */
async function outcome(res: Response): Promise<'401' | '403' | 'no_route' | 'passed'> {
  if (res.status === 401 || res.status === 403) return String(res.status) as '401' | '403';
  if (res.status === 404) {
    const j = (await res.clone().json()) as { error: { issues: { path: string }[] } };
    if (j.error.issues[0]?.path === 'route') return 'no_route';
  }
  return 'passed';
}

const expectOf = (d: Decision): '401' | '403' | 'passed' => (d.allow ? 'passed' : (String(d.status) as '401' | '403'));
const actionOf = (p: RoutePolicy) => (p.action === 'compute' ? 'read' : p.action);

let policies: Map<string, RoutePolicy | null>;
const routeKeys = () => [...policies.keys()].filter((k) => k.split(' ')[1]!.startsWith('/api')).sort();

before(async () => {
  db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
  const r = await recordEvent(
    db,
    makeEvent({ type: 'armed_attack', at: '2030-06-01T00:00:00Z', aggressor: 'RU' }).event!,
  );
  for (const o of r.evaluation.obligations) (obligationsOf[o.promisor] ??= []).push(o.id);
  assert.ok(
    (obligationsOf[OWN]?.length ?? 0) >= 2 && obligationsOf[FOREIGN]?.length,
    'the fixture attack creates obligations for both parties',
  );
  who.push({
    label: 'anonymous',
    principal: { tokenId: null, name: 'anonymous', role: null, party: null },
    token: null,
  });
  for (const role of ['viewer', 'party_editor', 'coordinator', 'admin'] as Role[]) {
    const t = await createToken(db, { name: `t-${role}`, role, party: role === 'party_editor' ? OWN : null });
    who.push({ label: role, principal: { tokenId: t.id, name: t.name, role, party: t.party }, token: t.token });
  }
  const gone = await createToken(db, { name: 't-revoked', role: 'admin' });
  await revokeToken(db, gone.id);
  who.push({ label: 'revoked admin', principal: null, token: gone.token });
  who.push({ label: 'forged', principal: null, token: 'tok_000000000000.AAAAAAAAAAAAAAAAAAAAAAAA' });
  app = contractChecked(createApp({ db, log: () => {} }));
  policies = routePolicies(app);
});
after(async () => db?.close());

/** The decision the model gives: a refused token is anonymous on a public read and 401 anywhere else. */
function decide(w: Who, pol: RoutePolicy, touches: string[]): '401' | '403' | 'passed' {
  const action = actionOf(pol);
  if (!w.principal) return action === 'read' ? 'passed' : '401';
  return expectOf(authorize(w.principal, action, touches));
}

describe('access matrix', () => {
  test('every route of the app and of the OpenAPI document declares its policy', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fromDoc = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    assert.ok(fromDoc.length >= 40, `the document lists ${fromDoc.length} operations`);
    const undeclared = [...new Set([...routeKeys(), ...fromDoc])].filter((k) => !policies.get(k));
    assert.deepEqual(undeclared, [], 'declare these with `middleware: policy(...)` (src/api/route-policy.ts)');
  });

  test('route x principal x party x spelling: every spelling gets the decision of the plain one', {
    timeout: 600_000,
  }, async () => {
    let checked = 0;
    let variants = 0;
    for (const key of routeKeys()) {
      const pol = policies.get(key)!;
      const method = key.split(' ')[0]!;
      const parties = pol.action === 'write_operational' ? [OWN, FOREIGN] : [OWN];
      for (const party of parties) {
        for (const w of who) {
          const tag = w.label.replace(/\W/g, '_');
          const req = requestFor(key, pol, party, tag);
          const expected = decide(w, pol, req.touches);
          const label = `${w.label} ${key} (${party === OWN ? 'own' : 'foreign'} party)`;
          const plain = await send(req.path, method, w.token, req.body, req.type);
          assert.notEqual(plain.status, 500, `${label}: ${await plain.clone().text()}`);
          assert.equal(
            await outcome(plain),
            expected,
            `${label}: plain spelling answered ${plain.status} ${await plain.clone().text()}`,
          );
          checked++;
          // Reads are public and cannot be refused by spelling; their variants are checked for the private mode below.
          if (pol.action === 'read' || pol.action === 'compute') continue;
          for (const v of spellings(req.path)) {
            const again = requestFor(key, pol, party, tag); // a fresh ref, so an allowed write is not a duplicate
            const res = await send(v.path, method, w.token, again.body, again.type);
            const got = await outcome(res);
            assert.notEqual(res.status, 500, `${label} as ${v.name} (${v.path})`);
            assert.ok(
              got === expected || got === 'no_route',
              `${label} spelled ${v.name} (${v.path}): ${res.status}, expected ${expected} or no route`,
            );
            variants++;
          }
        }
      }
    }
    assert.ok(checked >= routeKeys().length * who.length, `${checked} plain requests`);
    assert.ok(variants > 500, `${variants} spelled requests`);
  });

  test("nothing a refused principal sent was written; every applied write is within its author's scope", async () => {
    const refusedTags = ['anonymous', 'viewer', 'revoked_admin', 'forged'];
    const stray = await db.query<{ ref: string }>(
      `SELECT ref FROM ledger_entries WHERE ref LIKE 'authz:%' AND (split_part(ref, ':', 2) = ANY($1) OR (split_part(ref, ':', 2) = 'party_editor' AND provider <> $2))`,
      [refusedTags, OWN],
    );
    assert.deepEqual(stray.rows, []);
    const rows = await listAudit(db, { action: 'api POST', limit: 100_000 });
    const applied = rows.filter((r) => (r.detail as { outcome?: string }).outcome === 'applied');
    assert.ok(applied.length > 0 && rows.length > applied.length);
    for (const r of applied) {
      const d = r.detail as { parties: string[]; written: Record<string, number> };
      if (r.actor === 't-party_editor') assert.deepEqual(d.parties, [OWN], JSON.stringify(r));
      else assert.ok(['t-coordinator', 't-admin'].includes(r.actor), `applied write by ${r.actor}`);
    }
    const written = applied.reduce(
      (n, r) => n + ((r.detail as { written: Record<string, number> }).written.ledger_entries ?? 0),
      0,
    );
    const authz = await db.query<{ n: number }>(
      // Tagged rows and the tracker release's entries (POST /api/flows/import) are all that requests wrote.
      "SELECT count(*)::int AS n FROM ledger_entries WHERE ref LIKE 'authz:%' OR ref LIKE 'kiel:%'",
    );
    assert.equal(written, Number(authz.rows[0]!.n), 'the audit counts every ledger entry written');
  });

  test('refusals are audited as refusals, with the spelling that was sent', async () => {
    const before = (await listAudit(db, { limit: 100_000 })).length;
    const body = JSON.stringify(ledgerRow(FOREIGN, 'anonymous'));
    const res = await send('/api/ledger/%65ntries', 'POST', null, body, 'application/json');
    assert.equal(res.status, 401);
    const rows = (await listAudit(db, { limit: 100_000 })).slice(before);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.action, 'api POST /api/ledger/entries');
    assert.equal(rows[0]!.actor, 'anonymous');
    assert.deepEqual(
      [(rows[0]!.detail as { outcome: string }).outcome, (rows[0]!.detail as { status: number }).status],
      ['refused', 401],
    );
    assert.equal((rows[0]!.detail as { path: string }).path, '/api/ledger/%65ntries');
    // A write refused by the route (unknown agreement) is audited as refused with its status, not as a write.
    const coord = who.find((w) => w.label === 'coordinator')!;
    const bad = { ...ledgerRow(OWN, 'coordinator'), agreement_id: 'no-such-agreement' };
    const r2 = await send('/api/ledger/entries', 'POST', coord.token, JSON.stringify(bad), 'application/json');
    assert.equal(r2.status, 400);
    const last = (await listAudit(db, { limit: 100_000 })).at(-1)!;
    assert.deepEqual(
      [last.actor, (last.detail as { outcome: string }).outcome, (last.detail as { status: number }).status],
      ['t-coordinator', 'refused', 400],
    );
  });

  test('private reads: every spelling of a read needs a token; the rate limit counts every spelling', async () => {
    process.env.COMPACT_PRIVATE_READS = '1';
    const priv = contractChecked(createApp({ db, log: () => {} }));
    process.env.COMPACT_RATE_LIMIT = '1,4';
    const limited = contractChecked(createApp({ db, log: () => {} }));
    delete process.env.COMPACT_PRIVATE_READS;
    process.env.COMPACT_RATE_LIMIT = 'off';
    const viewer = who.find((w) => w.label === 'viewer')!;
    let n = 0;
    for (const key of routeKeys()) {
      const pol = policies.get(key)!;
      // Signing in is open by design (the token travels in the body); session.test.ts covers it.
      if ((pol.action !== 'read' && pol.action !== 'compute') || pol === SESSION) continue;
      const req = requestFor(key, pol, OWN, 'anonymous');
      const method = key.split(' ')[0]!;
      for (const v of [{ name: 'plain', path: req.path }, ...spellings(req.path)]) {
        const res = await priv.request(v.path, {
          method,
          ...(req.body ? { body: req.body, headers: { 'Content-Type': req.type! } } : {}),
        });
        const got = await outcome(res);
        assert.ok(
          v.name === 'plain' ? got === '401' : got === '401' || got === 'no_route',
          `anonymous ${key} spelled ${v.name} (${v.path}): ${res.status}`,
        );
        n++;
      }
    }
    assert.ok(n > 300, `${n} spelled reads`);
    const statuses: number[] = [];
    for (const p of ['/api/parties', '/api/%70arties', '/api/p%61rties', '/api/%70%61rties', '/api/parti%65s'])
      statuses.push((await limited.request(p, { headers: { Authorization: `Bearer ${viewer.token}` } })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
  });

  test('fail closed: an undeclared route is 403, an unknown path 404, a route without the middleware refused', async () => {
    const extra = createApp({ db, log: () => {} });
    extra.get('/api/not-declared', (c) => c.json({ leaked: true }));
    const admin = who.find((w) => w.label === 'admin')!;
    const get = (path: string) => extra.request(path, { headers: { Authorization: `Bearer ${admin.token}` } });
    assert.equal((await get('/api/not-declared')).status, 403);
    assert.equal((await get('/api/not-%64eclared')).status, 403);
    assert.equal((await get('/api/no-such-route')).status, 404);
    assert.equal(routePolicies(extra).get('GET /api/not-declared'), null);
    // A declared route mounted on an app without the access middleware is refused, never served.
    const bare = new OpenAPIHono();
    bare.openapi(
      createRoute({
        method: 'get',
        path: '/api/bare',
        middleware: policy(READ),
        responses: { 200: { description: 'x', content: { 'application/json': { schema: z.object({}) } } } },
      }),
      (c) => c.json({}, 200),
    );
    assert.equal((await bare.request('/api/bare')).status, 403);
  });

  test('a real server (raw HTTP, no client normalisation) gives encoded spellings the plain decision', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const raw = (target: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const s = connect(port, '127.0.0.1');
        let buf = '';
        s.on('data', (d) => {
          buf += d.toString('latin1');
        });
        s.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(buf)?.[1] ?? 0)));
        s.on('error', reject);
        s.write(
          `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      });
    try {
      const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries');
      for (const target of [
        '/api/ledger/entries',
        '/api/ledger/%65ntries',
        '/api/ledger/%65NTRIES',
        '/api/l%65dger/%65ntri%65s',
        '/api/x/../ledger/entries',
        '/api/x/%2e%2e/ledger/%65ntries',
        '/api/./ledger/entries',
        '/api//ledger/entries',
        '/api/ledger/entries/',
      ]) {
        const st = await raw(target, JSON.stringify(ledgerRow(FOREIGN, 'anonymous')));
        assert.ok([401, 404].includes(st), `anonymous POST ${target}: ${st}`);
      }
      const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries');
      assert.equal(after.rows[0]!.n, before.rows[0]!.n);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

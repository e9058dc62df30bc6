// Sign-in over the app: cookie attributes, who is signed in, CSRF on cookie writes, sign-out, revocation.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { createToken, revokeToken } from '../src/store/auth-store.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';

process.env.COMPACT_RATE_LIMIT = 'off';
let db: Db;
let app: ReturnType<typeof createApp>;
before(async () => {
  db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
  app = createApp({ db, log: () => {} });
});

const signIn = (token: string) =>
  app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
const event = JSON.stringify({ type: 'armed_attack', at: '2031-01-01T00:00:00Z', aggressor: 'RU' });

test('a coordinator signs in, writes with the CSRF header only, and signs out', async () => {
  const t = await createToken(db, { name: 'coord', role: 'coordinator' });
  const res = await signIn(t.token);
  assert.equal(res.status, 201);
  const setCookie = res.headers.get('Set-Cookie')!;
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  assert.doesNotMatch(setCookie, /Secure/, 'plain http: no Secure');
  assert.ok(!setCookie.includes(t.token.split('.')[1]!), 'the token is not the cookie');
  const cookie = setCookie.split(';')[0]!;
  const rows = (await db.query<{ id_sha256: string }>('SELECT id_sha256 FROM sessions')).rows;
  assert.ok(!rows.some((r) => cookie.endsWith(r.id_sha256)), 'only the hash is stored');

  const me = (await (await app.request('/api/session', { headers: { Cookie: cookie } })).json()) as Record<
    string,
    string
  >;
  assert.deepEqual([me.role, me.party, me.name], ['coordinator', null, 'coord']);
  assert.ok(!JSON.stringify(me).includes(t.token));

  const post = (h: Record<string, string>, body = event) =>
    app.request('/api/events', { method: 'POST', headers: { 'Content-Type': 'application/json', ...h }, body });
  assert.equal((await post({ Cookie: cookie })).status, 403, 'no CSRF header');
  assert.equal((await post({ Cookie: cookie, 'X-CSRF-Token': 'x' })).status, 403, 'wrong CSRF header');
  assert.equal((await post({ Cookie: cookie, 'X-CSRF-Token': me.csrf! })).status, 201);
  assert.equal(
    (await post({ Authorization: `Bearer ${t.token}` }, event.replace('2031', '2032'))).status,
    201,
    'Bearer unchanged',
  );

  const out = await app.request('/api/session', { method: 'DELETE', headers: { Cookie: cookie } });
  assert.match(out.headers.get('Set-Cookie')!, /Max-Age=0/);
  assert.equal((await post({ Cookie: cookie, 'X-CSRF-Token': me.csrf! })).status, 401, 'session ended');
});

test('a bad token signs nobody in; a revoked token ends its sessions', async () => {
  assert.equal((await signIn('tok_000000000000.AAAAAAAAAAAAAAAAAAAAAAAA')).status, 401);
  const t = await createToken(db, { name: 'pl', role: 'party_editor', party: 'PL' });
  const cookie = (await signIn(t.token)).headers.get('Set-Cookie')!.split(';')[0]!;
  const who = async () =>
    (
      (await (await app.request('/api/session', { headers: { Cookie: cookie } })).json()) as {
        party: string | null;
      }
    ).party;
  assert.equal(await who(), 'PL');
  await revokeToken(db, t.id);
  assert.equal(await who(), null);
});

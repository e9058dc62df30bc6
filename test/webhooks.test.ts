// Webhooks over the API and the CLI: only admins register, list, delete and read logs; the secret never comes
// back (a fingerprint does) nor reaches the audit log; private and link-local targets are refused at
// registration and again at send unless configured; what the trigger writes enqueues in its own transaction.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { makeEvent } from '../src/core/trigger/index.js';
import { startDispatcher } from '../src/notify/dispatcher.js';
import { createToken, listAudit } from '../src/store/auth-store.js';
import { recordEvent, transition } from '../src/store/obligation-store.js';
import { fingerprintOf, idempotencyKey } from '../src/store/webhook-store.js';
import { startApi, type TestApi } from './support/api.js';
import { cli } from './support/cli.js';
import { contractChecked } from './support/contract.js';
import { startReceiver } from './support/receiver.js';

process.env.COMPACT_RATE_LIMIT = 'off';
const NOW = new Date('2027-03-01T05:00:00Z');
const SECRET = 'test-secret-0123456789-abcdef';
const NONE = { allowPrivate: false, allowHosts: [] as string[] };
const PRIVATE = { allowPrivate: true, allowHosts: [] as string[] };

let api: TestApi;
const tokens: Record<string, string> = {};
before(async () => {
  api = await startApi(NOW);
  for (const role of ['viewer', 'party_editor', 'coordinator', 'admin'] as const)
    tokens[role] = (
      await createToken(api.db, { name: `wh-${role}`, role, party: role === 'party_editor' ? 'PL' : null })
    ).token;
});
after(() => api.db.close());

const appWith = (targets: typeof NONE) =>
  contractChecked(createApp({ db: api.db, log: () => {}, now: () => NOW, webhookTargets: targets }));
async function call(
  app: ReturnType<typeof createApp>,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('webhook routes', () => {
  test('only an admin registers, lists, deletes and reads logs; the others get 401 or 403', async () => {
    const app = appWith(PRIVATE);
    const made = await call(app, 'POST', '/api/webhooks', tokens.admin!, {
      party: 'PL',
      url: 'http://127.0.0.1:9/hook',
      secret: SECRET,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.webhook.id as string;
    const routes: [string, string, unknown?][] = [
      ['POST', '/api/webhooks', { party: 'PL', url: 'http://127.0.0.1:9/x', secret: SECRET }],
      ['GET', '/api/webhooks'],
      ['GET', `/api/webhooks/${id}/deliveries`],
      ['DELETE', `/api/webhooks/${id}`],
    ];
    for (const [method, path, body] of routes) {
      assert.equal((await call(app, method, path, null, body)).status, 401, `anonymous ${method} ${path}`);
      for (const role of ['viewer', 'party_editor', 'coordinator'])
        assert.equal((await call(app, method, path, tokens[role]!, body)).status, 403, `${role} ${method} ${path}`);
    }
    const list = await call(app, 'GET', '/api/webhooks', tokens.admin!);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((w: any) => [w.id, w.party, w.secret_fingerprint]),
      [[id, 'PL', fingerprintOf(SECRET)]],
    );
    assert.equal((await call(app, 'GET', `/api/webhooks/${id}/deliveries`, tokens.admin!)).status, 200);
    assert.equal((await call(app, 'GET', '/api/webhooks/wh_nope/deliveries', tokens.admin!)).status, 404);
    const del = await call(app, 'DELETE', `/api/webhooks/${id}`, tokens.admin!);
    assert.deepEqual([del.status, del.body.deleted], [200, id]);
    assert.equal((await call(app, 'DELETE', `/api/webhooks/${id}`, tokens.admin!)).status, 404);
    assert.deepEqual((await call(app, 'GET', '/api/webhooks', tokens.admin!)).body.items, []);
  });

  test('the secret never comes back: not in answers, lists, the audit log or the request log', async () => {
    const lines: string[] = [];
    const app = contractChecked(
      createApp({ db: api.db, log: (l) => lines.push(l), now: () => NOW, webhookTargets: PRIVATE }),
    );
    const made = await call(app, 'POST', '/api/webhooks', tokens.admin!, {
      party: 'GB',
      url: 'http://127.0.0.1:9/gb',
      secret: SECRET,
    });
    assert.equal(made.status, 201);
    assert.equal(made.body.secret, null, 'a given secret is not echoed');
    const generated = await call(app, 'POST', '/api/webhooks', tokens.admin!, {
      party: '*',
      url: 'http://127.0.0.1:9/all',
    });
    assert.equal(generated.status, 201);
    const fresh = generated.body.secret as string;
    assert.ok(fresh.length >= 32, 'a generated secret is returned once');
    assert.equal(generated.body.webhook.secret_fingerprint, fingerprintOf(fresh));
    const list = JSON.stringify((await call(app, 'GET', '/api/webhooks', tokens.admin!)).body);
    const audit = JSON.stringify(await listAudit(api.db, { limit: 100_000 }));
    for (const [where, text] of [
      ['list', list],
      ['audit log', audit],
      ['request log', lines.join('\n')],
    ] as const) {
      assert.ok(!text.includes(SECRET), `${where} holds the secret`);
      assert.ok(!text.includes(fresh), `${where} holds the generated secret`);
    }
    assert.ok(audit.includes(fingerprintOf(SECRET)), 'the audit log names the fingerprint');
    const cliList = await cli(['webhook', 'list', '--json', '--db', 'memory://']);
    assert.equal(cliList.code, 0, cliList.err);
    for (const w of (await call(app, 'GET', '/api/webhooks', tokens.admin!)).body.items)
      await call(app, 'DELETE', `/api/webhooks/${w.id}`, tokens.admin!);
  });

  test('bad registrations name the field', async () => {
    const app = appWith(PRIVATE);
    const bad: [unknown, string][] = [
      [{ party: 'PL', url: 'ftp://127.0.0.1/x', secret: SECRET }, 'body.url'],
      [{ party: 'PL', url: 'http://user:pw@127.0.0.1/x', secret: SECRET }, 'body.url'],
      [{ party: 'PL', url: 'not a url', secret: SECRET }, 'body.url'],
      [{ party: 'ZZ', url: 'http://127.0.0.1/x', secret: SECRET }, 'body.party'],
      [{ party: 'PL', url: 'http://127.0.0.1/x', secret: 'short' }, 'body.secret'],
    ];
    for (const [body, path] of bad) {
      const r = await call(app, 'POST', '/api/webhooks', tokens.admin!, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.issues[0].path, path, JSON.stringify(r.body));
      assert.ok(!JSON.stringify(r.body).includes('short"'), 'a refused secret is not echoed');
    }
  });
});

describe('private targets', () => {
  const refused = [
    'http://127.0.0.1/x',
    'http://localhost/x',
    'http://2130706433/x', // 127.0.0.1 spelled as one number
    'http://10.0.0.7/x',
    'http://172.20.1.1/x',
    'http://192.168.0.10/x',
    'http://100.64.1.1/x',
    'http://169.254.169.254/latest/meta-data/',
    'http://169.254.10.10/x',
    'http://[::1]/x',
    'http://[fe80::1]/x',
    'http://[fc00::5]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://0.0.0.0/x',
  ];

  test('refused at registration unless configured: API and CLI', async () => {
    const app = appWith(NONE);
    for (const url of refused) {
      const r = await call(app, 'POST', '/api/webhooks', tokens.admin!, { party: 'PL', url, secret: SECRET });
      assert.equal(r.status, 400, `${url} was accepted`);
      assert.equal(r.body.error.issues[0].path, 'body.url');
      assert.match(r.body.error.message, /loopback|private|cgnat|link-local|metadata|unspecified/, url);
    }
    const c = await cli(['webhook', 'add', '--party', 'PL', '--url', 'http://10.0.0.7/x', '--db', 'memory://']);
    assert.equal(c.code, 1);
    assert.match(c.err, /private address/);
    // Allowed by configuration: private ones with COMPACT_WEBHOOK_ALLOW_PRIVATE, link-local only by name.
    const priv = appWith(PRIVATE);
    const ok = await call(priv, 'POST', '/api/webhooks', tokens.admin!, {
      party: 'PL',
      url: refused[3],
      secret: SECRET,
    });
    assert.equal(ok.status, 201);
    const meta = await call(priv, 'POST', '/api/webhooks', tokens.admin!, {
      party: 'PL',
      url: refused[7],
      secret: SECRET,
    });
    assert.equal(meta.status, 400, 'metadata stays refused with private targets allowed');
    const named = appWith({ allowPrivate: false, allowHosts: ['169.254.10.10'] });
    const ll = await call(named, 'POST', '/api/webhooks', tokens.admin!, {
      party: 'PL',
      url: refused[8],
      secret: SECRET,
    });
    assert.equal(ll.status, 201, 'a listed host is allowed');
    const viaEnv = await cli(
      ['webhook', 'add', '--party', 'PL', '--url', 'http://10.0.0.7/x', '--db', 'memory://', '--json'],
      {
        COMPACT_WEBHOOK_ALLOW_PRIVATE: '1',
      },
    );
    assert.equal(viaEnv.code, 0, viaEnv.err);
    for (const w of (await call(priv, 'GET', '/api/webhooks', tokens.admin!)).body.items)
      await call(priv, 'DELETE', `/api/webhooks/${w.id}`, tokens.admin!);
  });

  test('refused again at send: a target allowed when registered is not contacted once the rule refuses it', async () => {
    const receiver = await startReceiver(SECRET);
    try {
      const made = await call(appWith(PRIVATE), 'POST', '/api/webhooks', tokens.admin!, {
        party: 'PL',
        url: receiver.url,
        secret: SECRET,
      });
      assert.equal(made.status, 201);
      const id = made.body.webhook.id as string;
      const ev = makeEvent({ type: 'armed_attack', at: '2031-02-01T00:00:00Z', aggressor: 'RU' }).event!;
      const rec = await recordEvent(api.db, ev);
      assert.ok(rec.evaluation.obligations.some((o) => o.promisor === 'PL'));
      const retry = { maxAttempts: 2, baseMs: 1, capMs: 1, timeoutMs: 2000 };
      const strict = startDispatcher({ db: api.db, retry, targets: NONE }, { start: false });
      const far = startDispatcher(
        { db: api.db, retry, targets: NONE, now: () => new Date(Date.now() + 60_000) },
        { start: false },
      );
      assert.equal(await strict.runOnce(), 1);
      assert.equal(await far.runOnce(), 1);
      assert.equal(receiver.requests.length, 0, 'nothing reached the receiver');
      const log = await call(appWith(NONE), 'GET', `/api/webhooks/${id}/deliveries`, tokens.admin!);
      const d = log.body.items[0];
      assert.deepEqual([d.status, d.attempts, d.log.length], ['failed', 2, 2]);
      for (const a of d.log)
        assert.match(a.error, /^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/);
      // Allowed again, the next notification is delivered, signed.
      const ob = rec.evaluation.obligations.find((o) => o.promisor === 'PL')!;
      const t = await transition(api.db, ob.id, { to: 'fulfilled', at: '2031-02-01T01:00:00Z' });
      assert.deepEqual(t.issues, []);
      const open = startDispatcher({ db: api.db, retry, targets: PRIVATE }, { start: false });
      assert.equal(await open.runOnce(), 1);
      assert.equal(receiver.requests.length, 1);
      assert.equal(receiver.badSignatures, 0);
      const got = [...receiver.processed.values()][0]!;
      assert.equal(got.type, 'obligation.transitioned');
      assert.equal(got.body.data.obligation.id, ob.id);
      assert.equal(got.body.data.state, 'fulfilled');
      const tr = await api.db.query<{ id: number }>('SELECT id FROM obligation_transitions WHERE obligation_id = $1', [
        ob.id,
      ]);
      assert.equal(got.key, idempotencyKey(id, `obligation.transitioned:${tr.rows[0]!.id}`));
      await call(appWith(NONE), 'DELETE', `/api/webhooks/${id}`, tokens.admin!);
    } finally {
      await receiver.close();
    }
  });
});

describe('what enqueues', () => {
  test('an event enqueues one delivery per webhook of a party it obliges (and of *), in its own transaction', async () => {
    const app = appWith(PRIVATE);
    const hooks: Record<string, string> = {};
    for (const party of ['PL', 'DE', 'US', '*']) {
      const r = await call(app, 'POST', '/api/webhooks', tokens.admin!, {
        party,
        url: `http://127.0.0.1:9/${party}`,
        secret: SECRET,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      hooks[party] = r.body.webhook.id;
    }
    const rec = await call(app, 'POST', '/api/events', tokens.coordinator!, {
      type: 'armed_attack',
      at: '2031-03-01T00:00:00Z',
      aggressor: 'RU',
    });
    assert.equal(rec.status, 201);
    const obligations = rec.body.obligations as { id: string; promisor: string; promisees: string[] }[];
    const deliveries = await api.db.query<{ webhook_id: string; body: string }>(
      'SELECT webhook_id, body FROM webhook_deliveries WHERE notification = $1 ORDER BY webhook_id',
      [`event.recorded:${rec.body.event.id}`],
    );
    for (const party of ['PL', 'DE', 'US', '*']) {
      const mine = obligations.filter((o) => party === '*' || o.promisor === party || o.promisees.includes(party));
      const row = deliveries.rows.filter((d) => d.webhook_id === hooks[party]);
      assert.equal(row.length, mine.length || party === '*' ? 1 : 0, `deliveries to ${party}`);
      if (row.length)
        assert.deepEqual(
          (JSON.parse(row[0]!.body).data.obligations as { id: string }[]).map((o) => o.id).sort(),
          mine.map((o) => o.id).sort(),
          `${party} is told of its own obligations`,
        );
    }
    // Recording it again writes nothing and enqueues nothing.
    const again = await call(app, 'POST', '/api/events', tokens.coordinator!, {
      type: 'armed_attack',
      at: '2031-03-01T00:00:00Z',
      aggressor: 'RU',
    });
    assert.equal(again.status, 200);
    const n = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhook_deliveries WHERE notification = $1',
      [`event.recorded:${rec.body.event.id}`],
    );
    assert.equal(n.rows[0]!.n, deliveries.rows.length);
    for (const id of Object.values(hooks)) await call(app, 'DELETE', `/api/webhooks/${id}`, tokens.admin!);
  });
});

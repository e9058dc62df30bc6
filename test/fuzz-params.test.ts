// Bad path and query parameters at every GET route of the OpenAPI document (NUL, control characters, lone
// surrogates, broken escapes, overlong and out-of-range values, malformed cursors): never a 500; every 400 has a
// code and an issue naming the parameter it is about.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { makeEvent } from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import type { Db } from '../src/store/db.js';
import { recordEvent } from '../src/store/obligation-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { contractChecked } from './support/contract.js';

process.env.COMPACT_RATE_LIMIT = 'off';
let db: Db;
let app: ReturnType<typeof createApp>;

before(async () => {
  db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
  await recordEvent(db, makeEvent({ type: 'armed_attack', at: '2030-06-01T00:00:00Z', aggressor: 'RU' }).event!);
  app = contractChecked(createApp({ db, log: () => {} }));
});
after(async () => db?.close());

/** Raw (already percent-encoded) values that no parameter should turn into a 500. */
const BAD = [
  '%00',
  'ua-gb%002024',
  '%01',
  '%1B%5B31m',
  '%7F',
  '%C2%85',
  '%ED%A0%80', // a lone surrogate as (invalid) UTF-8
  '%C0%80', // overlong NUL
  '%',
  '%zz',
  '%F0%9F%98',
  'x'.repeat(5000),
  '99999999999999999999999',
  '-1',
  '1e400',
  'NaN',
  '2024-13-45',
  '%E2%80%AE', // right-to-left override: printable, but must still not break anything
  '|',
  'not|a|cursor',
  '2030-06-01T00:00:00Z|',
  'garbage|ev-x',
];

test('every GET parameter: bad values are coded 400s naming the parameter, never 500', {
  timeout: 300_000,
}, async () => {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: { name: string; in: string; required?: boolean; schema?: { example?: unknown } }[] }
      >
    >;
  };
  let sent = 0;
  let refused = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (!op) continue;
    const params = op.parameters ?? [];
    const concrete = path.replace('{id}', 'ua-gb-2024');
    const cases: { url: string; names: string[] }[] = [];
    // The other required query parameters take their documented example, so the bad value is the only fault.
    const rest = (name: string) =>
      params
        .filter((q) => q.in === 'query' && q.required && q.name !== name)
        .map((q) => `&${q.name}=${encodeURIComponent(String(q.schema?.example ?? ''))}`)
        .join('');
    for (const p of params) {
      for (const v of BAD) {
        if (p.in === 'path') cases.push({ url: path.replace(`{${p.name}}`, v), names: [`param.${p.name}`] });
        if (p.in === 'query')
          cases.push({ url: `${concrete}?${p.name}=${v}${rest(p.name)}`, names: [`query.${p.name}`] });
      }
    }
    // A control character in an undeclared query key is refused too.
    cases.push({ url: `${concrete}?a%00b=1`, names: ['query.a\u0000b'] });
    for (const c of cases) {
      const res = await app.request(c.url);
      sent++;
      const text = await res.text();
      assert.notEqual(res.status, 500, `GET ${c.url}: ${text.slice(0, 300)}`);
      if (res.status === 400) {
        refused++;
        const j = JSON.parse(text) as { error: { code: string; issues: { path: string }[] } };
        assert.ok(j.error.code, `GET ${c.url}: a code`);
        assert.ok(
          j.error.issues.some((i) => c.names.some((n) => i.path === n || i.path.startsWith(`${n}.`))),
          `GET ${c.url}: an issue names ${c.names.join(' or ')}: ${text.slice(0, 300)}`,
        );
      }
    }
  }
  assert.ok(sent > 300, `${sent} requests`);
  assert.ok(refused > 100, `${refused} refused`);
});

test('a malformed cursor is a 400 at every keyset-paged list', async () => {
  for (const url of [
    '/api/events?cursor=garbage',
    '/api/events?cursor=2030-99-99T00:00:00Z|ev',
    '/api/obligations?cursor=%00',
    '/api/agreements?cursor=xyz',
    '/api/ledger/entries?cursor=abc',
    '/api/ledger/entries?cursor=99999999999999999999999',
  ]) {
    const res = await app.request(url);
    const j = (await res.json()) as { error?: { issues: { path: string }[] } };
    assert.equal(res.status, 400, url);
    assert.equal(j.error?.issues[0]?.path, 'query.cursor', url);
  }
});

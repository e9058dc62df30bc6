// No GET writes: every GET route in the OpenAPI document, called on a store with events, obligations and ledger
// entries, leaves the row count of every table as it was; and a store filled with the registry alone keeps an
// empty ledger through every ledger read (the seed is appended by `compact load`, never by a read).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { routePolicies } from '../src/api/route-policy.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { loadWorld } from '../src/data/load-world.js';
import { createToken } from '../src/store/auth-store.js';
import type { Db } from '../src/store/db.js';
import { ledgerHead } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { importWorld } from '../src/store/world-store.js';
import { startApi, type TestApi } from './support/api.js';
import { contractChecked } from './support/contract.js';

const NOW = new Date('2027-03-01T05:00:00Z');
let api: TestApi;
before(async () => {
  api = await startApi(NOW);
});
after(() => api.db.close());

/** Rows per table, for every table in the schema (a table added later is counted too). */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { t } of tables.rows)
    out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
  return out;
}

/** Routes whose query has required parameters: a valid query for each. */
const QUERIES: Record<string, string> = { '/api/history/trigger': '?target=PL&by=RU&at=2010-01-01' };

test('a GET on every documented route changes no row of any table', async () => {
  const recorded = await api.call('POST', '/api/events', {
    type: 'armed_attack',
    at: '2027-03-01T04:00:00Z',
    aggressor: 'RU',
  });
  assert.equal(recorded.status, 201);
  // A tracker release, so the flow reads answer from figures rather than "no release imported".
  const mini = join(import.meta.dirname, 'fixtures', 'kiel-mini');
  const files = readdirSync(mini).map((name) => ({ name, content: readFileSync(join(mini, name), 'utf8') }));
  assert.equal((await api.call('POST', '/api/flows/import', { files })).status, 201);
  await importWorld(api.db, await loadWorld('data/world')); // and the world registry, as serve imports it
  const obligation = recorded.body.obligations[0].id as string;
  const agreement = (await api.call('GET', '/api/agreements')).body.items[0].id as string;
  const framework = (await api.call('GET', '/api/frameworks')).body[0].id as string;
  const settlement = (await api.call('GET', '/api/analysis/settlements')).body[0]?.id as string | undefined;
  const ids: Record<string, string> = { agreements: agreement, records: agreement, frameworks: framework };
  if (settlement) ids.settlements = settlement;
  ids.events = recorded.body.event.id;
  ids.obligations = obligation;
  // Admin-only reads (webhooks and their logs) are called with an admin token; they too must write nothing.
  const admin = `Bearer ${(await createToken(api.db, { name: 'reads admin', role: 'admin' })).token}`;
  const hook = await api.app.request('/api/webhooks', {
    method: 'POST',
    headers: { Authorization: admin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ party: 'PL', url: 'https://93.184.215.14/hook' }),
  });
  assert.equal(hook.status, 201, await hook.clone().text());
  ids.webhooks = ((await hook.json()) as { webhook: { id: string } }).webhook.id;
  const policies = routePolicies(api.app);

  const before = await rowCounts(api.db);
  for (const t of ['records', 'events', 'obligations', 'ledger_entries'])
    assert.ok(before[t]! > 0, `the store under test has rows in ${t}`);

  const doc = (await api.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const gets = Object.keys(doc.paths).filter((p) => doc.paths[p]!.get);
  assert.ok(gets.length >= 25, `documented GET routes: ${gets.length}`);
  for (const path of gets) {
    const url = path.replace(/\/(\w+)\/\{id\}/, (_, group: string) => {
      assert.ok(ids[group], `no id to call ${path} with; add one to this test`);
      return `/${group}/${encodeURIComponent(ids[group]!)}`;
    });
    const adminOnly = policies.get(`GET ${path}`)?.action === 'manage_tokens';
    const res = await api.app.request(
      url + (QUERIES[path] ?? ''),
      adminOnly ? { headers: { Authorization: admin } } : {},
    );
    assert.equal(res.status, 200, `GET ${url}: ${res.status} ${await res.text()}`);
    assert.deepEqual(await rowCounts(api.db), before, `GET ${url} changed a row count`);
  }
});

test('ledger reads on a store without a ledger seed leave the ledger empty', async () => {
  const db = await openStore({ dir: 'memory://' });
  try {
    const r = await loadRegistry('data', process.cwd());
    assert.ok(r.registry);
    await saveRegistry(db, r.registry, r.files);
    const app = contractChecked(createApp({ db, log: () => {}, now: () => NOW }));
    for (const url of ['/api/ledger/entries', '/api/ledger/totals', '/api/ledger/verify', '/api/ledger/coverage']) {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
    }
    const page = (await (await app.request('/api/ledger/entries')).json()) as { count: number; items: unknown[] };
    assert.deepEqual([page.count, page.items.length], [0, 0]);
    assert.equal((await ledgerHead(db)).count, 0, 'no read appended the seed');
  } finally {
    await db.close();
  }
});

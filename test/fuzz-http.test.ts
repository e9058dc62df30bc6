// Malformed bodies at every POST route (random JSON, wrong types, huge strings, deep nesting, invalid UTF-8 and
// JSON): never a 500, every rejection a coded error whose issues name a path, and a rejected write changes nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createApp } from '../src/api/app.js';
import { toOpenApiPath } from '../src/api/route-policy.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { createToken } from '../src/store/auth-store.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { contractChecked } from './support/contract.js';

process.env.COMPACT_RATE_LIMIT = 'off';
const TABLES = ['events', 'obligations', 'obligation_transitions', 'evidence', 'ledger_entries'];
let db: Db;
let app: ReturnType<typeof createApp>;
let token = '';

before(async () => {
  db = await openStore({ dir: 'memory://' });
  await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', 'data'))).registry!);
  token = (await createToken(db, { name: 'fuzz', role: 'admin' })).token;
  app = contractChecked(createApp({ db, log: () => {}, maxBodyBytes: 256 * 1024 }));
});
after(async () => db?.close());

const counts = async () =>
  Promise.all(
    TABLES.map(async (t) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n)),
  );

const deep = fc.integer({ min: 50, max: 5000 }).map((d) => '['.repeat(d) + ']'.repeat(d));
const wrongTypes = fc.record(
  {
    type: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())),
    at: fc.oneof(fc.double(), fc.string(), fc.constant({})),
    aggressor: fc.anything(),
    to: fc.anything(),
    evidence_url: fc.anything(),
    provider: fc.anything(),
  },
  { requiredKeys: [] },
);
/** Bodies as bytes: JSON values, broken JSON, huge strings, deep nesting, invalid UTF-8. */
const bodies: fc.Arbitrary<Uint8Array> = fc
  .oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    wrongTypes.map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc
      .integer({ min: 10_000, max: 200_000 })
      .map((n) => JSON.stringify({ type: 'armed_attack', at: 'x'.repeat(n), aggressor: 'R'.repeat(n) })),
    deep,
    fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
    fc.constant('{"type":"armed_attack","at":"2031-01-01T00:00:00Z","aggressor":"RU",}'),
  )
  .map((s) => new TextEncoder().encode(s))
  .chain((b) =>
    fc.oneof(
      fc.constant(b),
      fc
        .uint8Array({ minLength: 1, maxLength: 64 })
        .map((junk) => new Uint8Array([...b.slice(0, 10), 0xff, 0xfe, ...junk, 0xc3])),
    ),
  );

test('every POST route answers malformed bodies with a coded error, never 500, and writes nothing', {
  timeout: 60_000,
}, async () => {
  const posts = [
    ...new Set(
      app.routes.filter((r) => r.method === 'POST' && r.path.startsWith('/api')).map((r) => toOpenApiPath(r.path)),
    ),
  ];
  assert.ok(posts.length >= 3, `POST routes found: ${posts.join(', ')}`);
  const { rows } = await db.query<{ id: string }>('SELECT id FROM obligations LIMIT 1');
  const someId = rows[0]?.id ?? 'ob-missing';
  let requests = 0;
  for (const pattern of posts) {
    const path = pattern.replace('{id}', someId);
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom('application/json', 'text/plain', 'text/csv'), async (body, type) => {
        const before = await counts();
        const res = await app.request(path, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
          body: body as Uint8Array<ArrayBuffer>,
        });
        requests++;
        assert.notEqual(res.status, 500, `${pattern}: 500 ${await res.clone().text()}`);
        if (res.status >= 400) {
          const e = ((await res.json()) as { error: { code: string; message: string; issues: { path: string }[] } })
            .error;
          assert.match(e.code, /^[a-z_]+$/, `${pattern}: coded error`);
          assert.ok(e.message.length > 0);
          if (res.status === 400 || res.status === 422) {
            assert.ok(e.issues.length > 0, `${pattern}: a rejection names at least one field: ${e.message}`);
            for (const i of e.issues) assert.equal(typeof i.path, 'string');
          }
          assert.deepEqual(await counts(), before, `${pattern}: a rejected request changed the store`);
        }
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 40),
        seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      },
    );
  }
  process.stderr.write(`# fuzz-http: ${requests} requests at ${posts.length} POST routes\n`);
});

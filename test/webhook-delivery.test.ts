// 1,000 webhook deliveries to a local receiver that fails 30% of attempts at random (500 before processing, a
// dropped connection, or 503 after processing): each is processed exactly once by its idempotency key, every
// signature verifies, each key gets exactly one success, and the delivery log holds every attempt the receiver saw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDispatcher } from '../src/notify/dispatcher.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { enqueueNotification, idempotencyKey } from '../src/store/webhook-store.js';
import { pgSkipReason, startCluster } from './support/pg-cluster.js';
import { seeded, startReceiver } from './support/receiver.js';

const N = 1000;
const SECRET = 'delivery-test-secret-9f8e7d6c5b4a';

/**
 * Enqueues N deliveries (N/2 notifications x 2 webhooks) and runs `dispatchers` dispatchers on them at once
 * until none is pending; then checks every guarantee against what the receiver saw.
 */
async function deliverAll(db: Db, dispatchers: number, label: string) {
  const receiver = await startReceiver(SECRET, { failRate: 0.3, random: seeded(20261203) });
  try {
    // Two webhooks (one per party); the notifications are enqueued as the trigger writes enqueue them.
    const hooks = ['PL', 'GB'].map((party, i) => ({ id: `wh_test${i}`, party }));
    for (const h of hooks)
      await db.query(
        "INSERT INTO webhooks (id, party, url, secret, fingerprint, created_by) VALUES ($1, $2, $3, $4, 'fp', 'test')",
        [h.id, h.party, receiver.url, SECRET],
      );
    await db.transaction(async (tx) => {
      for (let i = 0; i < N / 2; i++)
        await enqueueNotification(tx, {
          id: `event.recorded:test-${i}`,
          type: 'event.recorded',
          parties: ['PL', 'GB'],
          data: (party) => ({ seq: i, party }),
        });
    });
    const queued = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_deliveries');
    assert.equal(queued.rows[0]!.n, N);

    const retry = { maxAttempts: 25, baseMs: 2, capMs: 40, timeoutMs: 5_000 };
    const t0 = performance.now();
    const ds = Array.from({ length: dispatchers }, () =>
      startDispatcher({ db, retry, targets: { allowPrivate: true, allowHosts: [] }, concurrency: 16, pollMs: 5 }),
    );
    for (;;) {
      const left = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'",
      );
      if (left.rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(ds.map((d) => d.stop()));
    const seconds = (performance.now() - t0) / 1000;

    const rows = (
      await db.query<{ idempotency_key: string; status: string; attempts: number; logged: number; failures: number }>(
        `SELECT d.idempotency_key, d.status, d.attempts, count(a.id)::int AS logged,
           count(a.id) FILTER (WHERE a.error IS NOT NULL)::int AS failures
         FROM webhook_deliveries d LEFT JOIN webhook_attempts a ON a.delivery_id = d.id GROUP BY d.id`,
      )
    ).rows;
    assert.equal(rows.length, N);
    assert.deepEqual([...new Set(rows.map((r) => r.status))], ['delivered'], 'every delivery delivered');
    // The keys the receiver should see are those of each notification x webhook, computed here independently.
    const expected = new Set(
      hooks.flatMap((h) => Array.from({ length: N / 2 }, (_, i) => idempotencyKey(h.id, `event.recorded:test-${i}`))),
    );
    assert.equal(expected.size, N);
    assert.deepEqual(new Set(receiver.processed.keys()), expected, 'every key processed, none unknown');
    assert.equal(receiver.badSignatures, 0, 'every signature verifies');
    const perKey = new Map<string, { ok: number; all: number }>();
    for (const r of receiver.requests) {
      const c = perKey.get(r.key) ?? { ok: 0, all: 0 };
      c.all++;
      if (r.ok) c.ok++;
      perKey.set(r.key, c);
    }
    for (const k of expected) assert.equal(perKey.get(k)?.ok, 1, `key ${k}: exactly one success`);
    // The log: one row per attempt, as many as the receiver saw, the failed ones with their reason.
    for (const r of rows) {
      assert.equal(r.logged, r.attempts);
      assert.equal(r.failures, r.attempts - 1, 'all but the last attempt failed');
      assert.equal(perKey.get(r.idempotency_key)!.all, r.attempts, 'the log has every attempt the receiver saw');
    }
    const attempts = rows.reduce((n, r) => n + r.attempts, 0);
    const retried = rows.filter((r) => r.attempts > 1).length;
    assert.equal(attempts, receiver.requests.length);
    const failShare = 1 - N / attempts;
    assert.ok(failShare > 0.22 && failShare < 0.38, `failed share of attempts ${failShare.toFixed(3)}`);
    assert.ok(receiver.duplicates > 0, 'some retries were duplicates the receiver dropped by key');
    const errors = await db.query<{ error: string }>(
      'SELECT DISTINCT error FROM webhook_attempts WHERE error IS NOT NULL',
    );
    const kinds = errors.rows.map((r) => r.error);
    assert.ok(kinds.includes('HTTP 500') && kinds.includes('HTTP 503'), kinds.join('; '));
    assert.ok(
      kinds.some((k) => /ECONNRESET|socket hang up/.test(k)),
      kinds.join('; '),
    );
    process.stderr.write(
      `${label}: ${N} deliveries, ${attempts} attempts (${(failShare * 100).toFixed(1)}% failed), ${retried} retried, ` +
        `${receiver.duplicates} duplicates dropped by the receiver, ${seconds.toFixed(1)} s\n`,
    );
  } finally {
    await receiver.close();
  }
}

test(`${N} deliveries through a receiver failing 30% of attempts: exactly once each, all signed, retries logged`, {
  timeout: 300_000,
}, async () => {
  const db = await openStore({ dir: 'memory://' });
  try {
    await deliverAll(db, 1, 'pglite');
  } finally {
    await db.close();
  }
});

const skip = pgSkipReason();
test('PostgreSQL, two dispatchers on one queue (SKIP LOCKED): the same guarantees', {
  timeout: 300_000,
  skip: skip && !process.env.COMPACT_REQUIRE_PG ? skip : false,
}, async () => {
  const cluster = await startCluster();
  try {
    const db = await openStore({ databaseUrl: cluster.url });
    try {
      await deliverAll(db, 2, 'postgres, 2 dispatchers');
    } finally {
      await db.close();
    }
  } finally {
    cluster.stop();
  }
});

test('a silent receiver holds only its own slots: the others are delivered while it times out', {
  timeout: 60_000,
}, async () => {
  const db = await openStore({ dir: 'memory://' });
  const silent = await startReceiver(SECRET, { hang: () => true });
  const live = await startReceiver(SECRET);
  try {
    for (const [id, url] of [
      ['wh_silent', silent.url],
      ['wh_live', live.url],
    ])
      await db.query(
        "INSERT INTO webhooks (id, party, url, secret, fingerprint, created_by) VALUES ($1, $2, $3, $4, 'fp', 'test')",
        [id, id === 'wh_silent' ? 'PL' : 'GB', url, SECRET],
      );
    await db.transaction(async (tx) => {
      for (const [party, n] of [
        ['PL', 2],
        ['GB', 40],
      ] as const)
        for (let i = 0; i < n; i++)
          await enqueueNotification(tx, {
            id: `event.recorded:${party}-${i}`,
            type: 'event.recorded',
            parties: [party],
            data: () => ({ i }),
          });
    });
    const timeoutMs = 3_000;
    const retry = { maxAttempts: 1, baseMs: 1, capMs: 1, timeoutMs };
    const t0 = performance.now();
    const d = startDispatcher({
      db,
      retry,
      targets: { allowPrivate: true, allowHosts: [] },
      concurrency: 4,
      pollMs: 5,
    });
    while (live.processed.size < 40 && performance.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 10));
    const liveDone = performance.now() - t0;
    await d.stop();
    assert.equal(live.processed.size, 40);
    assert.ok(liveDone < timeoutMs, `the live receiver got all 40 in ${liveDone.toFixed(0)} ms, within one timeout`);
    const failed = await db.query<{ error: string }>(
      "SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.webhook_id = 'wh_silent'",
    );
    assert.deepEqual(
      failed.rows.map((r) => r.error),
      [`no answer within ${timeoutMs} ms`, `no answer within ${timeoutMs} ms`],
    );
  } finally {
    await silent.close();
    await live.close();
    await db.close();
  }
});

// Reminders before and after each deadline, with the scheduler on an injected clock: one row per obligation x
// offset, each sent once when due (marked sent and enqueued in one transaction), none sent twice by later ticks,
// cancelled when the obligation is fulfilled or waived first, skipped when already past at recording.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_REMINDER_OFFSETS } from '../src/core/notify/schedule.js';
import { makeEvent, type Obligation } from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { startScheduler } from '../src/notify/scheduler.js';
import type { Db } from '../src/store/db.js';
import { recordEvent, transition } from '../src/store/obligation-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { listReminders, materialiseReminders } from '../src/store/reminder-store.js';
import { createWebhook } from '../src/store/webhook-store.js';
import { pgSkipReason, startCluster } from './support/pg-cluster.js';

let db: Db;
const hooks: Record<string, string> = {};
before(async () => {
  db = await openStore({ dir: 'memory://' });
  const r = await loadRegistry('data', process.cwd());
  await saveRegistry(db, r.registry!, r.files);
  for (const party of ['PL', '*'])
    hooks[party] = (await createWebhook(db, { party, url: 'https://93.184.215.14/h' }, 'test')).webhook.id;
});
after(() => db.close());

const H = 3600_000;
const dueOf = (o: Obligation) => Date.parse(o.due!);

test('each reminder is sent once when due, to the promisor and * webhooks; a fulfilled obligation cancels the rest', async () => {
  const at = '2031-05-01T00:00:00Z';
  const rec = await recordEvent(db, makeEvent({ type: 'armed_attack', at, aggressor: 'RU' }).event!);
  const timed = rec.evaluation.obligations.filter((o) => o.due);
  assert.ok(
    timed.length >= 3 && timed.some((o) => o.promisor === 'PL'),
    'the attack creates obligations with deadlines',
  );
  let clock = new Date(Date.parse(at) + 60_000);
  const s = startScheduler({ db, offsets: DEFAULT_REMINDER_OFFSETS, now: () => clock }, { start: false });
  const sentBy = (ms: number, skip = new Set<string>()) =>
    timed.flatMap((o) =>
      skip.has(o.id)
        ? []
        : DEFAULT_REMINDER_OFFSETS.filter((off) => dueOf(o) + off * 1000 <= ms).map((off) => `${o.id}|${off}`),
    );
  const sentNow = async () =>
    (await listReminders(db, { status: 'sent' })).map((r) => `${r.obligation_id}|${r.offset_s}`).sort();

  const first = await s.tick();
  const rows = await listReminders(db);
  assert.equal(rows.length, timed.length * DEFAULT_REMINDER_OFFSETS.length, 'one row per obligation x offset');
  assert.deepEqual(await sentNow(), sentBy(clock.getTime()).sort());
  assert.equal(first.sent, sentBy(clock.getTime()).length);

  // Fulfil one obligation (not Poland's) before its deadline: its reminders not yet sent are cancelled.
  const done = timed.filter((o) => o.promisor !== 'PL').sort((a, b) => dueOf(b) - dueOf(a))[0]!;
  const t = await transition(db, done.id, { to: 'fulfilled', at: new Date(clock.getTime() + 1000).toISOString() });
  assert.deepEqual(t.issues, []);
  const cancelled = (await listReminders(db, { obligation: done.id })).filter((r) => r.status === 'cancelled');
  assert.deepEqual(
    cancelled.map((r) => r.offset_s),
    DEFAULT_REMINDER_OFFSETS.filter((off) => dueOf(done) + off * 1000 > clock.getTime()),
  );

  // Walk the clock past every deadline in steps: each tick sends exactly what became due since the last.
  const last = Math.max(...timed.map(dueOf)) + 2 * H;
  const sentAlready = new Set(await sentNow());
  for (let ms = clock.getTime() + H; ms <= last + H; ms += 3 * H) {
    clock = new Date(ms);
    const r = await s.tick();
    const want = sentBy(ms).filter((k) => !k.startsWith(`${done.id}|`) || sentAlready.has(k));
    assert.deepEqual(await sentNow(), want.sort(), `at ${clock.toISOString()}`);
    assert.ok(r.sent >= 0);
  }
  assert.equal((await s.tick()).sent, 0, 'a further tick sends nothing again');
  // Deliveries: one per reminder and webhook of its promisor (PL's own and the * one), each key unique.
  const reminderDeliveries = await db.query<{ webhook_id: string; notification: string; body: string }>(
    "SELECT webhook_id, notification, body FROM webhook_deliveries WHERE type = 'reminder'",
  );
  const sent = await listReminders(db, { status: 'sent' });
  const expected = sent.reduce((n, r) => n + (r.promisor === 'PL' ? 2 : 1), 0);
  assert.equal(reminderDeliveries.rows.length, expected);
  for (const r of sent) assert.equal(r.deliveries, r.promisor === 'PL' ? 2 : 1);
  const body = JSON.parse(reminderDeliveries.rows.find((d) => d.webhook_id === hooks.PL)!.body);
  assert.equal(body.type, 'reminder');
  assert.equal(body.party, 'PL');
  assert.equal(body.data.obligation.promisor, 'PL');
  assert.ok(['12h before', '2h before', 'due', '1h overdue'].includes(body.data.reminder.label));
});

test('reminders already past when the obligation was recorded are skipped, not sent in a burst', async () => {
  const at = new Date(Date.now() - 30 * 24 * H).toISOString(); // a month ago: every deadline has passed
  const rec = await recordEvent(db, makeEvent({ type: 'armed_attack', at, aggressor: 'RU', scope: 'past' }).event!);
  const timed = rec.evaluation.obligations.filter((o) => o.due && Date.parse(o.due) + H < Date.now());
  assert.ok(timed.length > 0);
  const s = startScheduler({ db, offsets: DEFAULT_REMINDER_OFFSETS, now: () => new Date() }, { start: false });
  await s.tick();
  for (const o of timed) {
    const rows = await listReminders(db, { obligation: o.id });
    assert.deepEqual(
      rows.map((r) => r.status),
      DEFAULT_REMINDER_OFFSETS.map(() => 'skipped'),
      o.id,
    );
  }
});

const skip = pgSkipReason();
test('PostgreSQL, two schedulers ticking at once: every due reminder sent by exactly one of them', {
  timeout: 300_000,
  skip: skip && !process.env.COMPACT_REQUIRE_PG ? skip : false,
}, async () => {
  const cluster = await startCluster();
  const pg = await openStore({ databaseUrl: cluster.url });
  try {
    const r = await loadRegistry('data', process.cwd());
    await saveRegistry(pg, r.registry!, r.files);
    await createWebhook(pg, { party: '*', url: 'https://93.184.215.14/h' }, 'test');
    const at = '2032-01-10T00:00:00Z';
    const rec = await recordEvent(pg, makeEvent({ type: 'armed_attack', at, aggressor: 'RU' }).event!);
    const timed = rec.evaluation.obligations.filter((o) => o.due);
    const clock = new Date(Math.max(...timed.map(dueOf)) + 2 * H);
    const make = () =>
      startScheduler({ db: pg, offsets: DEFAULT_REMINDER_OFFSETS, now: () => clock }, { start: false });
    const [a, b] = [make(), make()];
    await materialiseReminders(pg, DEFAULT_REMINDER_OFFSETS);
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    const due = timed.length * DEFAULT_REMINDER_OFFSETS.length;
    assert.equal(ra.sent + rb.sent, due, `sent by the two: ${ra.sent} + ${rb.sent}`);
    const sent = await listReminders(pg, { status: 'sent' });
    assert.equal(sent.length, due);
    const d = await pg.query<{ n: number; keys: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT idempotency_key)::int AS keys FROM webhook_deliveries WHERE type = 'reminder'",
    );
    assert.deepEqual([d.rows[0]!.n, d.rows[0]!.keys], [due, due], 'one delivery per reminder to the * webhook');
  } finally {
    await pg.close();
    cluster.stop();
  }
});

// kill -9 between a reminder's due time and its sending: a real `compact serve` process claims the due
// reminder and is killed before its transaction commits (a test hook holds it open); after a restart the
// reminder is sent, and delivered once. Killed again while that delivery waits for its answer, the restarted
// server retries it with the same idempotency key, which the receiver drops. Nothing is sent twice.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { evaluate, makeEvent } from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { idempotencyKey } from '../src/store/webhook-store.js';
import { startReceiver } from './support/receiver.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'compact.js');
const SECRET = 'kill-test-secret-abcdefghijklmnop';

function cli(env: NodeJS.ProcessEnv, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `compact ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Starts `compact serve`; resolves once it listens, with a way to wait for a log line. */
async function serve(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-web', '--json'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: () => void }[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => {
    lines.push(l);
    for (const w of waiters.filter((x) => x.match.test(l))) w.resolve();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the server exited early (${code}): ${lines.join('\n')}`)));
    createInterface({ input: child.stdout! }).once('line', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const logged = (match: RegExp, ms: number) =>
    lines.some((l) => match.test(l))
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no log line ${match} within ${ms} ms`)), ms);
          waiters.push({
            match,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
        });
  return { child, lines, logged };
}

const exited = (c: ChildProcess) =>
  new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

test('kill -9 after a reminder is claimed and before it is sent: sent once after the restart, retried by key', {
  timeout: 300_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-remind-'));
  // The first attempt of each reminder is processed but never answered: the server is killed waiting for it.
  let hangReminders = false;
  const keys = new Set<string>();
  const receiver = await startReceiver(SECRET, { hang: (k) => hangReminders && keys.has(k) });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMPACT_FROM_SOURCE: '1',
    COMPACT_RATE_LIMIT: 'off',
    DATABASE_URL: '',
    COMPACT_DB: join(dir, 'db'),
    COMPACT_WEBHOOK_ALLOW_PRIVATE: '1',
    COMPACT_REMINDERS: '0', // one reminder per obligation, at its deadline
    COMPACT_REMINDER_TICK_MS: '200',
    COMPACT_WEBHOOK_POLL_MS: '100',
    COMPACT_WEBHOOK_BACKOFF_MS: '50',
    HOOK_SECRET: SECRET,
  };
  let running: ChildProcess | null = null;
  try {
    cli(env, ['load', 'data']);
    const hook = JSON.parse(
      cli(env, ['webhook', 'add', '--party', 'PL', '--url', receiver.url, '--secret-env', 'HOOK_SECRET', '--json']),
    ) as { webhook: { id: string } };
    // An attack timed so that Poland's first deadline falls 25 s from now: the server starts before it.
    const reg = (await loadRegistry('data', ROOT)).registry!;
    const probeAt = '2031-01-01T00:00:00Z';
    const probe = evaluate(reg, makeEvent({ type: 'armed_attack', at: probeAt, aggressor: 'RU' }).event!);
    const firstPl = Math.min(
      ...probe.obligations.filter((o) => o.promisor === 'PL' && o.due).map((o) => Date.parse(o.due!)),
    );
    const lead = firstPl - Date.parse(probeAt);
    const at = new Date(Date.now() + 25_000 - lead);
    at.setUTCMilliseconds(0);
    const recorded = JSON.parse(
      cli(env, ['trigger', '--event', 'armed-attack', '--by', 'RU', '--at', at.toISOString(), '--json']),
    ) as { obligations: { id: string; promisor: string; due: string | null }[] };
    const dueSoon = recorded.obligations.filter(
      (o) => o.promisor === 'PL' && o.due && Date.parse(o.due) <= at.getTime() + lead,
    );
    assert.ok(dueSoon.length > 0, 'Poland has an obligation falling due in the window');
    assert.ok(Date.parse(dueSoon[0]!.due!) > Date.now(), 'the deadline is still ahead when the server starts');
    for (const o of dueSoon) keys.add(idempotencyKey(hook.webhook.id, `reminder:${o.id}:0`));

    // 1. The server claims the due reminder and holds the transaction open; it is killed inside that window.
    const first = await serve({ ...env, COMPACT_TEST_REMINDER_HOLD_MS: '120000' });
    running = first.child;
    await first.logged(/"event":"reminders_claimed"/, 90_000);
    assert.ok(Date.now() >= Date.parse(dueSoon[0]!.due!), 'claimed after the due time');
    first.child.kill('SIGKILL');
    await exited(first.child);
    running = null;
    const remindersBefore = receiver.requests.filter((r) => keys.has(r.key));
    assert.equal(remindersBefore.length, 0, 'nothing was sent before the kill');

    // 2. Restarted: the reminder is still due and is sent now. Its delivery reaches the receiver, which
    // processes it but never answers; the server is killed again while waiting for the answer.
    hangReminders = true;
    const second = await serve(env);
    running = second.child;
    const seen = (k: string) => receiver.requests.filter((r) => r.key === k).length;
    let deadline = Date.now() + 60_000;
    while ([...keys].some((k) => seen(k) === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    second.child.kill('SIGKILL');
    await exited(second.child);
    running = null;
    for (const k of keys) assert.equal(seen(k), 1, 'the reminder reached the receiver before the second kill');

    // 3. Restarted again: the unanswered delivery is retried (the dead server's lease is released at start on
    // the embedded store), with the same key, so the receiver drops the repeat; the reminder is not sent again.
    hangReminders = false;
    const third = await serve(env);
    running = third.child;
    deadline = Date.now() + 90_000;
    while ([...keys].some((k) => !receiver.requests.some((r) => r.key === k && r.ok)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2_000)); // several more ticks: nothing more may come
    third.child.kill('SIGTERM');
    await exited(third.child);
    running = null;
    for (const k of keys) {
      assert.equal(seen(k), 2, `reminder ${k}: the unanswered attempt and one retry`);
      assert.equal(receiver.requests.filter((r) => r.key === k && r.ok).length, 1, 'acknowledged once');
    }
    assert.equal(receiver.duplicates, keys.size, 'the receiver dropped each repeat by its key');
    const reminderTypes = [...receiver.processed.values()].filter((r) => r.type === 'reminder');
    assert.deepEqual(new Set(reminderTypes.map((r) => r.key)), keys, 'no other reminder was sent');
    assert.equal(receiver.badSignatures, 0);
    const got = reminderTypes[0]!.body;
    assert.equal(got.data.reminder.label, 'due');
    assert.ok(dueSoon.some((o) => o.id === got.data.obligation.id));

    // 4. The store agrees: each of those reminders sent once, with one delivery, delivered.
    const rows = JSON.parse(cli(env, ['reminders', '--party', 'PL', '--json'])) as {
      obligation_id: string;
      status: string;
      deliveries: number;
    }[];
    for (const o of dueSoon) {
      const r = rows.filter((x) => x.obligation_id === o.id);
      assert.deepEqual(
        r.map((x) => [x.status, x.deliveries]),
        [['sent', 1]],
        o.id,
      );
    }
    const log = JSON.parse(cli(env, ['webhook', 'log', hook.webhook.id, '--json'])) as {
      type: string;
      status: string;
      attempts: number;
    }[];
    const reminderLog = log.filter((d) => d.type === 'reminder');
    assert.equal(reminderLog.length, keys.size);
    // The attempt cut off by the kill never got its answer, so only the retry is logged.
    for (const d of reminderLog) assert.deepEqual([d.status, d.attempts], ['delivered', 1]);
    process.stderr.write(
      `${keys.size} reminder(s): killed with -9 after the claim, sent once after the restart; killed again with the delivery in flight, retried once with the same key\n`,
    );
  } finally {
    running?.kill('SIGKILL');
    if (running) await exited(running);
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

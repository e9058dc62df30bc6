// Kill -9 mid-stream: a server takes concurrent writes, dies without warning, restarts; every acknowledged
// write is there, whole, and the ledger chain verifies. On PGlite (a data directory) and on PostgreSQL.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { pgSkipReason, startCluster } from './support/pg-cluster.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'compact.js');

interface Target {
  /** CLI arguments choosing the store, and the environment (DATABASE_URL for PostgreSQL). */
  args: string[];
  env: NodeJS.ProcessEnv;
}

function cli(t: Target, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args, ...t.args], {
    cwd: ROOT,
    env: t.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function startServer(t: Target): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-web', '--json', ...t.args], {
    cwd: ROOT,
    env: t.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.resume();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the server exited early (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { api: string }).api);
    });
  });
  return { child, url };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );

async function killMidStream(t: Target) {
  assert.equal(cli(t, ['load', 'data']).status, 0, 'load the registry');
  const made = cli(t, ['token', 'create', '--name', 'fault-test', '--role', 'admin', '--json']);
  assert.equal(made.status, 0, made.stderr);
  const token = (JSON.parse(made.stdout) as { token: string }).token;
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

  const first = await startServer(t);
  const acked = new Map<string, number>();
  const ackedRefs = new Set<string>();
  let n = 0;
  let stop = false;
  // Half the writers record attacks (an event and its obligations in one transaction), half append ledger
  // entries (one hash-chained row each): both kinds of write must survive the kill whole.
  const eventWorker = async () => {
    while (!stop) {
      const k = n++;
      const at = new Date(Date.UTC(2031, 0, 1) + k * 60_000).toISOString();
      try {
        const res = await fetch(`${first.url}events`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ type: 'armed_attack', at, aggressor: 'RU' }),
        });
        if (res.status === 201) {
          const body = (await res.json()) as { event: { id: string }; obligations: unknown[] };
          acked.set(body.event.id, body.obligations.length);
        } else await res.body?.cancel();
      } catch {
        return; // the connection died with the server: this write was never acknowledged
      }
    }
  };
  const ledgerWorker = async () => {
    while (!stop) {
      const ref = `fault:${n++}`;
      const entry = {
        ref,
        entry_type: 'delivery',
        provider: 'GB',
        recipient: 'UA',
        agreement_id: 'ua-gb-2024',
        provision_id: 'military_assistance',
        amount: '1000000',
        currency: 'GBP',
        date: '2025-02-01',
        kind: 'military',
        status: 'committed',
        channel: 'bilateral',
        source_url: 'https://www.gov.uk/fault-test',
      };
      try {
        const res = await fetch(`${first.url}ledger/entries`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify(entry),
        });
        if (res.status === 201) ackedRefs.add(ref);
        await res.body?.cancel();
      } catch {
        return;
      }
    }
  };
  const worker = (i: number) => (i % 2 === 0 ? eventWorker() : ledgerWorker());
  const workers = Array.from({ length: 8 }, (_, i) => worker(i));
  const deadline = Date.now() + 20_000;
  while ((acked.size < 20 || ackedRefs.size < 20) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL'); // mid-stream: eight requests are in flight
  stop = true;
  await Promise.all(workers);
  await exited(first.child);
  assert.ok(
    acked.size >= 10 && ackedRefs.size >= 10,
    `only ${acked.size} events and ${ackedRefs.size} ledger entries were acknowledged before the kill`,
  );

  const second = await startServer(t);
  try {
    for (const [id, obligations] of acked) {
      const res = await fetch(`${second.url}events/${encodeURIComponent(id)}`);
      assert.equal(res.status, 200, `acknowledged event ${id} is lost after kill -9`);
      const body = (await res.json()) as { obligations: number };
      assert.equal(body.obligations, obligations, `event ${id} is half-written`);
    }
    const refs = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const page = (await (
        await fetch(`${second.url}ledger/entries?provider=GB&limit=500${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as { items: { ref: string }[]; next_cursor: string | null };
      for (const e of page.items) refs.set(e.ref, (refs.get(e.ref) ?? 0) + 1);
      cursor = page.next_cursor;
    } while (cursor);
    for (const ref of ackedRefs)
      assert.equal(refs.get(ref), 1, `acknowledged ledger entry ${ref} is lost or doubled after kill -9`);
    const all = (
      (await (await fetch(`${second.url}events?limit=500`)).json()) as { items: { id: string; obligations: number }[] }
    ).items;
    const whole = [...acked.values()][0]!;
    for (const e of all) assert.equal(e.obligations, whole, `event ${e.id} (acknowledged or not) is whole or absent`);
  } finally {
    second.child.kill('SIGTERM');
    await exited(second.child);
  }
  const verify = cli(t, ['ledger', 'verify', '--json']);
  assert.equal(verify.status, 0, `compact ledger verify after the crash: ${verify.stdout}${verify.stderr}`);
  return acked.size + ackedRefs.size;
}

const baseEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  COMPACT_FROM_SOURCE: '1',
  COMPACT_RATE_LIMIT: 'off',
  DATABASE_URL: '',
});

describe('kill -9 mid-stream', { timeout: 120_000 }, () => {
  test('PGlite data directory: every acknowledged write survives, none half-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-kill-'));
    try {
      const n = await killMidStream({ args: ['--db', join(dir, 'db')], env: baseEnv() });
      process.stderr.write(`# pglite: ${n} acknowledged writes checked after kill -9\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const skip = pgSkipReason();
  test('PostgreSQL: every acknowledged write survives, none half-written', {
    skip: skip && !process.env.COMPACT_REQUIRE_PG ? skip : false,
  }, async () => {
    const cluster = await startCluster();
    try {
      const n = await killMidStream({ args: [], env: { ...baseEnv(), DATABASE_URL: cluster.url } });
      process.stderr.write(`# postgres: ${n} acknowledged writes checked after kill -9\n`);
    } finally {
      cluster.stop();
    }
  });
});

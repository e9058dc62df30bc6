// The CLI beside the server: while `compact serve` holds an embedded store, CLI commands on the same data
// directory work through the socket it shares, and both processes see the same data.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'compact.js');
const env = { ...process.env, DATABASE_URL: '', COMPACT_DB: '' };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as its own process (asynchronously, so the server in the test's child keeps serving). */
function cli(dir: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args, '--db', dir], { cwd: ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const ok = (r: Run, what: string) => {
  assert.equal(r.status, 0, `${what}: ${r.stderr}`);
  return r.stdout;
};

describe('the CLI beside a running server on the embedded store', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'compact-beside-'));
  const dir = join(tmp, 'db');
  let server: ChildProcess;
  let api: string;
  let token: string;
  let serverErr = '';

  before(async () => {
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-web', '--json', '--db', dir], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stderr!.on('data', (d) => (serverErr += d));
    api = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s: ${serverErr}`)), 60_000);
      server.once('exit', (code) => reject(new Error(`the server exited early (${code}): ${serverErr}`)));
      createInterface({ input: server.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { api: string }).api);
      });
    });
  });

  after(() => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  test('the server advertises an owner-only socket next to its lock', () => {
    const lockPid = Number(readFileSync(join(dir, 'compact.lock'), 'utf8'));
    assert.equal(lockPid, server.pid);
    const advertFile = join(dir, 'compact.socket');
    assert.equal(statSync(advertFile).mode & 0o777, 0o600);
    const advert = JSON.parse(readFileSync(advertFile, 'utf8')) as { pid: number; dir: string; port: number };
    assert.equal(advert.pid, server.pid);
    assert.equal(statSync(advert.dir).mode & 0o777, 0o700);
    const sock = statSync(join(advert.dir, `.s.PGSQL.${advert.port}`));
    assert.ok(sock.isSocket());
    assert.equal(sock.mode & 0o777, 0o600);
  });

  test('a token created by the CLI authenticates against the running server', async () => {
    const made = JSON.parse(
      ok(await cli(dir, ['token', 'create', '--name', 'beside', '--role', 'admin', '--json']), 'token create'),
    );
    token = made.token;
    const body = JSON.stringify({ type: 'armed_attack', at: '2031-05-01T04:00:00Z', aggressor: 'RU' });
    const headers = { 'Content-Type': 'application/json' };
    const anon = await fetch(`${api}events`, { method: 'POST', headers, body });
    assert.equal(anon.status, 401);
    await anon.body?.cancel();
    const res = await fetch(`${api}events`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${token}` },
      body,
    });
    assert.equal(res.status, 201);
    const recorded = (await res.json()) as { event: { id: string }; obligations: unknown[] };
    // An event recorded through the API is listed by the CLI, with its obligations.
    const events = JSON.parse(ok(await cli(dir, ['events', '--json']), 'events')) as Array<Record<string, unknown>>;
    const mine = events.find((e) => e.id === recorded.event.id);
    assert.ok(mine, `the CLI lists event ${recorded.event.id}`);
    assert.ok(recorded.obligations.length > 0);
    assert.ok(JSON.stringify(mine).includes(String(recorded.obligations.length)));
  });

  test('`compact load` through the socket changes what the server serves, in one transaction', async () => {
    const data = join(tmp, 'data');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const file = join(data, 'agreements', 'ua-al-2025.yaml');
    const text = readFileSync(file, 'utf8');
    const title = (parse(text) as { title: string }).title;
    const renamed = `${title} (renamed for a test)`;
    writeFileSync(file, text.replace(`\ntitle: ${title}\n`, `\ntitle: ${renamed}\n`));
    const report = JSON.parse(ok(await cli(dir, ['load', data, '--json']), 'load')) as { changed: string[] };
    assert.deepEqual(report.changed, ['ua-al-2025']);
    const res = await fetch(`${api}agreements/ua-al-2025`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { title: string }).title, renamed);
  });

  test('`compact trigger --dry-run` through the socket gives the obligations the server computes', async () => {
    const at = '2032-02-01T04:00:00Z';
    const cliRun = JSON.parse(
      ok(
        await cli(dir, ['trigger', '--event', 'armed-attack', '--by', 'RU', '--at', at, '--dry-run', '--json']),
        'trigger',
      ),
    ) as { status: string; obligations: Array<{ id: string }> };
    const res = await fetch(`${api}events/simulate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'armed_attack', at, aggressor: 'RU' }),
    });
    assert.equal(res.status, 200);
    const apiRun = (await res.json()) as { obligations: Array<{ id: string }> };
    assert.ok(apiRun.obligations.length > 0);
    assert.deepEqual(cliRun.obligations.map((o) => o.id).sort(), apiRun.obligations.map((o) => o.id).sort());
  });

  test('several CLI commands at once, while the API takes requests, each complete', async () => {
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        const r = await fetch(`${api}agreements?limit=5`, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(r.status, 200);
        await r.body?.cancel();
        reads++;
      }
    })();
    const runs = await Promise.all([
      cli(dir, ['token', 'create', '--name', 'parallel-1', '--role', 'viewer', '--json']),
      cli(dir, ['token', 'create', '--name', 'parallel-2', '--role', 'viewer', '--json']),
      cli(dir, ['agreements', '--json']),
    ]);
    stop = true;
    await reader;
    for (const [i, r] of runs.entries()) ok(r, `command ${i}`);
    assert.ok(reads > 0);
    const listed = JSON.parse(ok(await cli(dir, ['token', 'list', '--json']), 'token list')) as Array<{ name: string }>;
    for (const n of ['beside', 'parallel-1', 'parallel-2'])
      assert.ok(
        listed.some((t) => t.name === n),
        n,
      );
  });

  test('SIGTERM stops the server cleanly; the CLI then opens the store itself and finds the same data', async () => {
    const advert = JSON.parse(readFileSync(join(dir, 'compact.socket'), 'utf8')) as { dir: string; port: number };
    const code = await new Promise<number | null>((resolve) => {
      server.once('exit', (c) => resolve(c));
      server.kill('SIGTERM');
    });
    assert.equal(code, 0, serverErr);
    assert.equal(existsSync(join(dir, 'compact.lock')), false);
    assert.equal(existsSync(join(dir, 'compact.socket')), false);
    assert.equal(existsSync(join(advert.dir, `.s.PGSQL.${advert.port}`)), false);
    const listed = JSON.parse(ok(await cli(dir, ['token', 'list', '--json']), 'token list')) as Array<{ name: string }>;
    assert.ok(listed.some((t) => t.name === 'parallel-2'));
  });
});

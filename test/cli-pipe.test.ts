// The CLI behaves in a pipeline: a reader that closes early ends the output quietly with status 0 (no EPIPE
// stack trace), and every help text ends with exactly one newline.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { COMMANDS } from '../src/cli/commands/index.js';
import { runCli } from '../src/cli/main.js';

/**
 * Runs `compact ARGS | head -1` in a shell with pipefail, so the status is the CLI's own; a kernel pipe (64 KiB)
 * rather than node's socket pair, whose larger buffer would take the whole output before the reader closes.
 */
function pipedIntoHead(args: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/compact.js ${args} | head -1`], {
    encoding: 'utf8',
    env: { ...process.env, COMPACT_FROM_SOURCE: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('`compact agreements --json | head -1` exits 0 without a stack trace', () => {
  // The JSON listing (about 90 KB) is larger than the pipe's buffer: the CLI is still writing when head exits.
  const r = pipedIntoHead('agreements --json --db memory://');
  assert.equal(r.stdout, '[\n');
  assert.doesNotMatch(r.stderr, /EPIPE|Error|\bat /, r.stderr);
  assert.equal(r.status, 0, r.stderr);
  const table = pipedIntoHead('agreements --db memory://');
  assert.match(table.stdout, /^id +partner/);
  assert.equal(table.status, 0, table.stderr);
});

test('every help text ends with one newline: the overview and each command', async () => {
  for (const argv of [['--help'], [], ...COMMANDS.map((c) => [...c.name, '--help'])]) {
    let out = '';
    await runCli(argv, { out: (s) => (out += s), err: (s) => (out += s), tty: false, env: {}, cwd: process.cwd() });
    assert.ok(out.length > 40, `compact ${argv.join(' ')} prints its help`);
    assert.ok(
      out.endsWith('\n') && !out.endsWith('\n\n'),
      `compact ${argv.join(' ')}: ${JSON.stringify(out.slice(-20))}`,
    );
  }
});

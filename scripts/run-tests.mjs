#!/usr/bin/env node
// Runs the whole test suite: invariant checks, type check, then every *.test.ts under src/, test/ and e2e/
// through node's test runner. Prints a closing `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const step = (label, cmd, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
};

let failedSteps = 0;
if (only.length === 0) {
  failedSteps += step('format and lint (biome)', process.execPath, [
    join(root, 'node_modules/@biomejs/biome/bin/biome'),
    'check',
    '.',
  ])
    ? 1
    : 0;
  failedSteps += step('invariants', process.execPath, ['--import', 'tsx', 'scripts/check-invariants.ts']) ? 1 : 0;
  failedSteps += step('type check', process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.json',
    '--noEmit',
  ])
    ? 1
    : 0;
}
const files = (
  only.length
    ? only
    : ['src', 'test', 'e2e'].flatMap((d) => {
        try {
          return walk(join(root, d));
        } catch {
          return [];
        }
      })
).sort();
process.stdout.write(`\n== tests (${files.length} files)\n`);
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    '--test-reporter-destination=.test-results.tap',
    '--test-concurrency=2',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: process.env },
);

// Node's spec reporter already prints "ℹ pass N / ℹ fail N"; add the plain closing line from the TAP summary.
import { readFileSync } from 'node:fs';

let pass = 0,
  fail = 0;
try {
  const tap = readFileSync(join(root, '.test-results.tap'), 'utf8');
  pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
} catch {}
fail += failedSteps;
console.log(`\n${pass} passed, ${fail} failed`);
process.exit(r.status || failedSteps ? 1 : 0);

// The import rules of the invariant script, over throw-away source trees: a clean tree passes; an added cycle,
// an upward import and a peer import each fail with a message naming the file; the real layer block parses.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { checkImports, type Layers, parseLayers } from '../scripts/import-rules.js';

const layers: Layers = [['core'], ['store'], ['api', 'web'], ['cli']];
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'compact-imports-'));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const clean = {
  'core/model.ts': 'export interface Agreement { id: string }\n',
  'core/rules.ts': "import type { Agreement } from './model.js';\nexport const ok = (a: Agreement) => a.id;\n",
  'store/db.ts': "import { ok } from '../core/rules.js';\nexport const db = ok;\n",
  'api/app.ts': "import { db } from '../store/db.js';\nexport const app = db;\n",
  'cli/main.ts': "import { app } from '../api/app.js';\nexport { app };\n",
  'cli/main.test.ts': "import { app } from '../api/app.js';\nimport '../cli/main.js';\nexport { app };\n",
};

test('a tree whose imports go down the layers passes', () => {
  assert.deepEqual(checkImports(tree(clean), layers), []);
});

test('an added cycle fails, type-only imports included, and names every file on it', () => {
  const root = tree({
    ...clean,
    'core/model.ts':
      "import type { ok } from './rules.js';\nexport interface Agreement { id: string; f?: typeof ok }\n",
  });
  const problems = checkImports(root, layers);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /^import cycle: src\/core\/(model|rules)\.ts -> src\/core\/(rules|model)\.ts -> /);
  // A known exception (listed with its files) is let through; nothing else is.
  assert.deepEqual(checkImports(root, layers, { knownCycles: [['core/rules.ts', 'core/model.ts']] }), []);
});

test('a three-file cycle across directories is found once', () => {
  const root = tree({
    ...clean,
    'core/a.ts': "export * from './b.js';\n",
    'core/b.ts': "export { c } from './sub/c.js';\n",
    'core/sub/c.ts': "export const c = 1;\nexport const lazy = () => import('../a.js');\n",
  });
  const problems = checkImports(root, layers);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /src\/core\/a\.ts -> src\/core\/b\.ts -> src\/core\/sub\/c\.ts -> src\/core\/a\.ts/);
});

test('an upward import fails with the file, the line and both modules', () => {
  const root = tree({
    ...clean,
    'api/app.ts':
      "import { db } from '../store/db.js';\n\nimport { app as cliApp } from '../cli/main.js';\nexport const app = db;\nexport { cliApp };\n",
  });
  const problems = checkImports(root, layers);
  // The upward arrow also closes a cycle (cli -> api -> cli): both are reported.
  assert.ok(
    problems.some((p) => /^src\/api\/app\.ts:3: api may not import cli .*higher layer/.test(p)),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.startsWith('import cycle:')));
});

test('an upward import without a cycle, a peer import and an unplaced module each fail', () => {
  const root = tree({
    ...clean,
    'store/db.ts':
      "import { ok } from '../core/rules.js';\nimport type { Page } from '../web/page.js';\nexport const db = ok;\nexport type { Page };\n",
    'web/page.ts': 'export type Page = string;\n',
    'api/routes.ts': "import type { Page } from '../web/page.js';\nexport type R = Page;\n",
    'extra/x.ts': 'export const x = 1;\n',
  });
  const problems = checkImports(root, layers).sort();
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0]!, /^src\/api\/routes\.ts:1: api may not import its peer web/);
  assert.match(problems[1]!, /^src\/extra\/x\.ts: module extra is in no layer/);
  assert.match(problems[2]!, /^src\/store\/db\.ts:2: store may not import web .*higher layer/);
});

test("ARCHITECTURE.md's layer block parses: core lowest, cli highest, every src/ module placed once", () => {
  const parsed = parseLayers(readFileSync('ARCHITECTURE.md', 'utf8'));
  assert.deepEqual(parsed[0], ['core']);
  assert.deepEqual(parsed.at(-1), ['cli']);
  const all = parsed.flat();
  assert.equal(new Set(all).size, all.length, 'a module is on two layers');
  assert.deepEqual(
    checkImports('src', parsed).filter((p) => p.includes('in no layer')),
    [],
  );
});

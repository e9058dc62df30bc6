// The receiver examples of docs/webhooks.md, run as written against a delivery signed by the server's own code:
// the TypeScript and the Python verifier accept it and refuse a changed body, a wrong secret and an old timestamp.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sign } from '../src/notify/send.js';

const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'webhooks.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Verifying a signature'), doc.indexOf('## Retries'));
const block = (lang: string) => {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section);
  assert.ok(m, `docs/webhooks.md has a ${lang} example under "Verifying a signature"`);
  return m[1]!;
};

const secret = 'docs-example-secret-0123456789';
const body = JSON.stringify({ id: 'reminder:ob-x:0', type: 'reminder', party: 'PL', data: { note: 'Łódź ✓' } });
const now = 1_900_000_000;
const ts = String(now - 10);
const sig = sign(secret, ts, body);
// [secret, body, timestamp, signature, expected]
const cases: [string, string, string, string, boolean][] = [
  [secret, body, ts, sig, true],
  [secret, `${body} `, ts, sig, false],
  ['another-secret-0123456789', body, ts, sig, false],
  [secret, body, String(now - 3600), sign(secret, String(now - 3600), body), false],
];

test('the TypeScript and Python examples verify a real signature and refuse forgeries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-docs-'));
  try {
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    writeFileSync(
      join(dir, 'check.ts'),
      `${block('ts')}\nimport { readFileSync } from 'node:fs';\nconst cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));\nconsole.log(JSON.stringify(cases.map(([s, b, t, g]) => verify(s, b, t, g, ${now}))));\n`,
    );
    writeFileSync(
      join(dir, 'check.py'),
      `${block('python')}\nimport json, sys\ncases = json.load(open(sys.argv[1], encoding="utf-8"))\nprint(json.dumps([verify(s, b.encode("utf-8"), t, g, ${now}) for s, b, t, g, _ in cases], separators=(",", ":")))\n`,
    );
    const want = JSON.stringify(cases.map((c) => c[4]));
    const ts = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'check.ts'), join(dir, 'cases.json')], {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..'),
    });
    assert.equal(ts.stdout.trim(), want, ts.stderr);
    const py = spawnSync('python3', [join(dir, 'check.py'), join(dir, 'cases.json')], { encoding: 'utf8' });
    assert.equal(py.stdout.trim(), want, py.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

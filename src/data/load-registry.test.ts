// Bad input: each broken file is named with line, column and field, and nothing is returned.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatIssue } from '../core/issues.js';
import { loadRegistry } from './load-registry.js';

const data = join(import.meta.dirname, '..', '..', 'data');

function copyWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'compact-data-'));
  cpSync(data, dir, { recursive: true });
  edit(dir);
  return dir;
}
const gb = (dir: string) => join(dir, 'agreements', 'ua-gb-2024.yaml');
const it = (dir: string) => join(dir, 'agreements', 'ua-it-2024.yaml');
// The first provision of Italy's record whose English rendering is the official one (from president.gov.ua).
const officialTranslation = /(by: official\n\s+language: en\n\s+)source: president\n/;
const replace = (file: string, from: RegExp | string, to: string) => {
  const t = readFileSync(file, 'utf8');
  const n = t.replace(from, to);
  assert.notEqual(n, t, `fixture edit did not apply to ${file}`);
  writeFileSync(file, n);
};

test('the bundled data loads', async () => {
  const r = await loadRegistry(data);
  assert.deepEqual(r.issues, []);
  assert.equal(r.registry!.agreements.length, 30);
});

const cases: [string, (d: string) => void, { code: string; path: string; file: string }][] = [
  [
    'malformed YAML',
    (d) => replace(gb(d), /^title: .*$/m, 'title: [unclosed'),
    { code: 'yaml_syntax', path: '(record)', file: 'ua-gb-2024.yaml' },
  ],
  [
    'unknown area',
    (d) => replace(gb(d), /area: sanctions/, 'area: sanctionz'),
    { code: 'schema', path: 'provisions', file: 'ua-gb-2024.yaml' },
  ],
  [
    'unknown party',
    (d) => replace(gb(d), /^partner: GB$/m, 'partner: ZZ'),
    { code: 'inconsistent', path: 'partner', file: 'ua-gb-2024.yaml' },
  ],
  [
    'date out of range',
    (d) => replace(gb(d), /^signed_on: .*$/m, 'signed_on: 1800-01-01'),
    { code: 'date_range', path: 'signed_on', file: 'ua-gb-2024.yaml' },
  ],
  [
    'impossible date',
    (d) => replace(gb(d), /^signed_on: .*$/m, 'signed_on: 2024-02-30'),
    { code: 'schema', path: 'signed_on', file: 'ua-gb-2024.yaml' },
  ],
  [
    'fact without a source',
    (d) => replace(gb(d), /(provisions:\n(?:.*\n)*?\s+)source: text\n/, '$1source: nowhere\n'),
    { code: 'unknown_source', path: 'provisions[0].source', file: 'ua-gb-2024.yaml' },
  ],
  [
    'official translation without its source',
    (d) => replace(it(d), officialTranslation, '$1source: null\n'),
    { code: 'schema', path: 'translation.source', file: 'ua-it-2024.yaml' },
  ],
  [
    'translation citing an unknown source',
    (d) => replace(it(d), officialTranslation, '$1source: nowhere\n'),
    { code: 'unknown_source', path: 'translation.source', file: 'ua-it-2024.yaml' },
  ],
  [
    'duplicate id',
    (d) => writeFileSync(join(d, 'agreements', 'ua-gb-2024-copy.yaml'), readFileSync(gb(d), 'utf8')),
    { code: 'inconsistent', path: 'id', file: 'ua-gb-2024-copy.yaml' },
  ],
  [
    'missing schema version',
    (d) => replace(gb(d), /^schema_version: 1$/m, 'schema_version: 9'),
    { code: 'schema_version', path: 'schema_version', file: 'ua-gb-2024.yaml' },
  ],
];

for (const [name, edit, want] of cases) {
  test(`bad input: ${name} is reported with file, line and field, and nothing loads`, async () => {
    const r = await loadRegistry(copyWith(edit));
    assert.equal(r.registry, undefined);
    const hit = r.issues.find(
      (i) =>
        i.code === want.code &&
        i.file?.endsWith(want.file) &&
        formatIssue(i).includes(want.path === '(record)' ? '' : want.path),
    );
    assert.ok(
      hit,
      `expected ${want.code} at ${want.path} in ${want.file}; got:\n${r.issues.map(formatIssue).join('\n')}`,
    );
    assert.ok(hit.line && hit.line > 0, 'a line number is given');
    assert.match(formatIssue(hit), new RegExp(`${want.file.replace('.', '\\.')}:\\d+:\\d+ `));
  });
}

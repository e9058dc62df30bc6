// Fuzzing the registry loader: thousands of mangled data files never crash it, and every rejection is a
// coded issue with a location; a valid file still loads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import type { IssueCode } from '../src/core/issues.js';
import { parseYamlText, validateWith } from '../src/data/yaml-file.js';
import { agreementSchema } from '../src/schema/registry.js';

const original = readFileSync('data/agreements/ua-gb-2024.yaml', 'utf8');
const lines = original.split('\n');
const CODES: IssueCode[] = ['yaml_syntax', 'schema', 'schema_version'];

/** A mutation of the file: replace, delete, duplicate or truncate lines, or inject junk. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(lines.length - 1), text: fc.string({ maxLength: 40 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(lines.length - 1), text: fc.constant('') }),
  fc.record({ op: fc.constant('dup' as const), at: fc.nat(lines.length - 1), text: fc.constant('') }),
  fc.record({
    op: fc.constant('value' as const),
    at: fc.nat(lines.length - 1),
    text: fc.oneof(
      fc.constant('null'),
      fc.constant('[]'),
      fc.constant('{}'),
      fc.constant('-1'),
      fc.constant('"2024-13-45"'),
      fc.constant('~'),
      fc.constant('&a [*a]'),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(original.length), text: fc.constant('') }),
);

function apply(ms: { op: string; at: number; text: string }[]): string {
  let ls = [...lines];
  for (const m of ms) {
    const i = Math.min(m.at, ls.length - 1);
    if (m.op === 'replace') ls[i] = m.text;
    else if (m.op === 'delete') ls.splice(i, 1);
    else if (m.op === 'dup') ls.splice(i, 0, ls[i] ?? '');
    else if (m.op === 'value') ls[i] = (ls[i] ?? '').replace(/:\s.*$/, `: ${m.text}`);
    else if (m.op === 'truncate') ls = ls.join('\n').slice(0, m.at).split('\n');
  }
  return ls.join('\n');
}

test('mangled agreement files: no crash, every rejection coded and located', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      const text = apply(ms);
      const p = parseYamlText(text, 'fuzz.yaml');
      const issues = p.parsed ? validateWith(p.parsed, agreementSchema).issues : p.issues;
      for (const i of issues) {
        assert.ok(CODES.includes(i.code), `unexpected code ${i.code}`);
        assert.ok(Array.isArray(i.path));
        assert.ok(i.message.length > 0);
        if (i.code === 'yaml_syntax') assert.ok(i.line && i.line >= 1, 'syntax errors carry a line');
      }
    }),
    { numRuns: 2000, seed: 20241122 },
  );
});

test('the unmangled file is valid (the fuzz baseline is meaningful)', () => {
  const p = parseYamlText(original, 'ua-gb-2024.yaml');
  assert.deepEqual(validateWith(p.parsed!, agreementSchema).issues, []);
});

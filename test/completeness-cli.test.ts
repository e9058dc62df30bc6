// `compact completeness` end to end on the bundled data: every agreement file reported, table and JSON agree.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { cli } from './support/cli.js';

const files = readdirSync('data/agreements').filter((f) => f.endsWith('.yaml'));

test('completeness --json: one row per agreement file; the table prints the same totals', async () => {
  const j = await cli(['completeness', '--json', '--db', 'memory://']);
  assert.equal(j.code, 0, j.err);
  const o = JSON.parse(j.out);
  assert.equal(o.agreements.length, files.length);
  assert.deepEqual(o.agreements.map((c: { id: string }) => `${c.id}.yaml`).sort(), [...files].sort());
  const t = await cli(['completeness', '--db', 'memory://']);
  assert.equal(t.code, 0, t.err);
  assert.match(
    t.out,
    new RegExp(
      `${o.totals.agreements} agreements: .*fields ${o.totals.fields_known} known, ${o.totals.fields_null} null`,
    ),
  );
  for (const c of o.agreements) assert.match(t.out, new RegExp(`^${c.id}\\s+${c.grade}`, 'm'));
});

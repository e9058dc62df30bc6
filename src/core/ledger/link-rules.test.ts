// Corrections and parts name only the writer's own entries, unless the writer coordinates all parties.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkOwnershipIssues } from './link-rules.js';
import type { EntryDraft } from './types.js';

const d = (over: Partial<EntryDraft>) => ({
  draft: { ref: 'x', provider: 'PL', corrects: null, within: null, ...over } as EntryDraft,
});
const owners: Record<string, string> = { 'de-1': 'DE', 'pl-1': 'PL' };
const of = (r: string) => owners[r];

test("a party editor may not correct, supersede or sit within another party's entry", () => {
  const pl = { role: 'party_editor' as const, party: 'PL' };
  const issues = linkOwnershipIssues(pl, [d({ corrects: 'de-1' }), d({ within: 'de-1' }), d({ corrects: 'pl-1' })], of);
  assert.deepEqual(
    issues.map((i) => [i.code, i.path[0], i.found]),
    [
      ['forbidden', 'corrects', 'de-1 (DE)'],
      ['forbidden', 'within', 'de-1 (DE)'],
    ],
  );
  assert.deepEqual(linkOwnershipIssues(pl, [d({ corrects: 'unknown' })], of), [], 'existence is checked elsewhere');
  const located = linkOwnershipIssues(pl, [{ line: 7, ...d({ corrects: 'de-1' }) }], of);
  assert.deepEqual(located[0]!.path, ['row 7', 'column corrects']);
});

test('coordinators, admins and the local operator may link any party', () => {
  for (const role of ['coordinator', 'admin', null] as const)
    assert.deepEqual(linkOwnershipIssues({ role, party: null }, [d({ corrects: 'de-1', within: 'de-1' })], of), []);
  assert.equal(linkOwnershipIssues({ role: 'viewer', party: null }, [d({ corrects: 'de-1' })], of).length, 1);
});

// An unseen agreement end to end: ingest the published DOCX, accept its areas, write the record into a copy of the
// registry, and the copy still validates.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { cli } from './support/cli.js';

const shared = process.env.COMPACT_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const docx = join(shared, 'corpus', 'unlabelled', 'ua-pt-2024.docx');

test('a reviewed draft of an unlabelled text validates as a registry record', {
  skip: existsSync(docx) ? false : `no ${docx} (set COMPACT_SHARED)`,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-review-'));
  cpSync(join(import.meta.dirname, '..', 'data'), join(dir, 'data'), { recursive: true });
  const draftFile = join(dir, 'draft.yaml');
  const ing = await cli(['ingest', docx, '--out', draftFile]);
  assert.equal(ing.code, 0, ing.err);
  const draft = parse(readFileSync(draftFile, 'utf8')) as { areas: Record<string, unknown>; signed_on: string };
  assert.equal(draft.signed_on, '2024-05-28');
  const areas = Object.keys(draft.areas);
  assert.ok(areas.includes('consultations_on_attack') && areas.length >= 15, `areas found: ${areas.join(', ')}`);
  const out = join(dir, 'data', 'agreements', 'ua-pt-2024.yaml');
  const rev = await cli([
    'ingest',
    'review',
    draftFile,
    '--accept',
    areas.join(','),
    '--source-url',
    'https://www.portugal.gov.pt/agreement-text',
    '--out',
    out,
  ]);
  assert.equal(rev.code, 0, rev.err);
  const rec = parse(readFileSync(out, 'utf8')) as { id: string; provisions: { area: string; quote: string }[] };
  assert.equal(rec.id, 'ua-pt-2024');
  assert.deepEqual(rec.provisions.map((p) => p.area).sort(), [...areas].sort());
  const v = await cli(['validate', join(dir, 'data')]);
  assert.equal(v.code, 0, v.err);
});

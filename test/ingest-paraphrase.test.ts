// Two texts of the paraphrase suite, drafted and compared with their hand-coded gold (fast: txt only).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildDraft } from '../src/ingest/draft.js';
import { emptyTally, FIELDS, type GoldRecord, scoreDraft } from '../src/ingest/eval-metrics.js';
import { fromPlainText } from '../src/ingest/extract/txt.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'paraphrase');

for (const id of ['px-estmark-amounts', 'px-fennoria-negations']) {
  test(`${id}: fields as coded, and areas the gold notes as absent are not drafted`, () => {
    const gold = (parse(readFileSync(join(dir, `${id}.gold.yaml`), 'utf8')) as { agreements: GoldRecord[] })
      .agreements[0]!;
    const text = fromPlainText(readFileSync(join(dir, gold.text_file), 'utf8'));
    const draft = buildDraft(text, { file: id, sha256: '' });
    const t = emptyTally();
    scoreDraft(t, draft, gold);
    for (const f of FIELDS) assert.equal(t.fields[f].ok, 1, `${f}: ${t.misses.join('; ')}`);
    const absent = Object.keys((gold as unknown as { areas_absent_notes?: object }).areas_absent_notes ?? {});
    for (const a of absent) assert.ok(!(a in draft.areas), `${a} drafted though the gold has it absent`);
    assert.equal(t.area.fn, 0, t.misses.join('; '));
  });
}

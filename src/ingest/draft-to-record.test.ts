// Review flow: accepted passages become provisions of an Agreement record; bad input is reported, not thrown.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDraft } from './draft.js';
import { draftToRecord, RecordError } from './draft-to-record.js';
import { applyReview, checkDraft, undecided } from './review.js';

const draft = buildDraft(
  {
    format: 'txt',
    paragraphs: [
      'Agreement on Security Cooperation between Denmark and Ukraine',
      '1. Denmark will work for the strongest possible sanctions on Russia.',
      '2. Denmark will continue to provide long-term support to Ukraine’s energy sector.',
      '3. In 2024, Denmark will provide EUR 1.8 billion in military support.',
      '4. This Agreement is valid for ten years from the date of its signature.',
      'Signed in Lviv on 23 February 2024.',
    ],
  },
  { file: 'dk.txt', sha256: 'abc' },
);

test('accept and reject decide which passages become provisions', () => {
  assert.deepEqual(checkDraft(draft), []);
  const { draft: reviewed, issues } = applyReview(draft, { accept: ['sanctions'], reject: ['energy'] });
  assert.deepEqual(issues, []);
  assert.ok(!undecided(reviewed).includes('sanctions'));
  const rec = draftToRecord(reviewed, { sourceUrl: 'https://example.org/dk' });
  assert.equal(rec.partner, 'DK');
  assert.equal(rec.id, 'ua-dk-2024');
  assert.deepEqual(
    rec.provisions.map((p) => p.id),
    ['sanctions'],
  );
  const p = rec.provisions[0]!;
  assert.deepEqual(
    [p.promisors, p.promisees, p.polarity, p.source, p.evidence, p.where],
    [['DK'], ['UA'], 'positive', 'text', 'primary', '1'],
  );
  assert.deepEqual(rec.sources, [
    { id: 'text', url: 'https://example.org/dk', title: draft.title, publisher: null, date: null, quote: null },
  ]);
  assert.equal(rec.pledges[0]!.amount, 1.8e9);
  assert.equal(rec.term.years, 10);
});

test('unknown areas and a missing source URL are reported', () => {
  assert.equal(applyReview(draft, { accept: ['nonsense'], reject: [] }).issues[0]!.path, 'areas.nonsense');
  assert.throws(() => draftToRecord(draft, { sourceUrl: '' }), RecordError);
  assert.equal(checkDraft({ kind: 'other' })[0]!.path, 'kind');
});

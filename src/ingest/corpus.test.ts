// Corpus tests on the shared dev texts: area deletion property, format parity, and the eval targets.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { buildDraft } from './draft.js';
import { belowTargets } from './eval-metrics.js';
import { evaluateCorpus, sharedDir } from './extract/eval-corpus.js';
import { fromHtml } from './extract/html.js';
import { extractFile } from './extract/index.js';
import { fromPlainText } from './extract/txt.js';
import type { Draft } from './types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dev = join(sharedDir(root), 'corpus', 'dev');
const skip = existsSync(join(dev, 'dev-gold.yaml')) ? false : `shared corpus not found at ${dev} (set COMPACT_SHARED)`;
const TEXTS = ['ua-gb-2024', 'ua-de-2024', 'ua-dk-2024', 'ua-no-2024', 'ua-es-2024', 'ua-ca-2024'];
const paragraphs = (id: string) => fromPlainText(readFileSync(join(dev, `${id}.txt`), 'utf8')).paragraphs;
const draftOf = (ps: string[]) => buildDraft({ paragraphs: ps, format: 'txt' }, { file: 'x', sha256: '' });

/** What a paragraph must mention to be "about" an area, in plain words independent of the lexicon's details. */
const SUBJECT: Record<string, RegExp> = {
  sanctions: /sanction|restrictive measures/i,
  energy: /energy|nuclear safety|power (grid|plant)/i,
  cyber: /cyber/i,
  frozen_assets: /assets|immobili[sz]/i,
  humanitarian_demining: /demining|mine action|mine clearance|explosive ordnance|mines/i,
  intelligence: /intelligence/i,
  maritime_security: /maritime|black sea|naval|navy|navigation|sea lanes|sea guard/i,
  consultations_on_attack: /consult/i,
};

test('deleting every paragraph that mentions an area removes the area', { skip }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...TEXTS), fc.constantFrom(...Object.keys(SUBJECT)), (id, area) => {
      const ps = paragraphs(id);
      const kept = ps.filter((p) => !SUBJECT[area]!.test(p));
      assert.ok(!(area in draftOf(kept).areas), `${id}: ${area} still found after deleting its paragraphs`);
      // Deleting unrelated paragraphs keeps an area that was found.
      if (area in draftOf(ps).areas) {
        const other = Object.keys(SUBJECT).find((a) => a !== area)!;
        const trimmed = ps.filter((p) => !SUBJECT[other]!.test(p) || SUBJECT[area]!.test(p));
        assert.ok(area in draftOf(trimmed).areas, `${id}: ${area} lost after deleting ${other} paragraphs`);
      }
    }),
    { numRuns: 40 },
  );
});

/** The parts of a draft that must not depend on the file format. */
function essence(d: Draft) {
  return {
    areas: Object.keys(d.areas).sort(),
    signed_on: d.signed_on,
    signed_at: d.signed_at,
    term_years: d.term_years,
    hours: d.consultation_on_attack_hours,
    sunset: d.sunset_on_nato_accession,
    not_binding: d.binding_language.states_not_legally_binding,
    pledges: d.pledges.map((p) => `${p.amount} ${p.currency} ${p.kind}`),
  };
}

test('txt, html, pdf and docx of one agreement give the same draft', { skip }, async () => {
  for (const [id, raw] of [
    ['ua-gb-2024', 'pdf'],
    ['ua-ca-2024', 'docx'],
    ['ua-no-2024', 'pdf'],
    ['ua-es-2024', 'docx'],
  ] as const) {
    const txt = draftOf(paragraphs(id));
    const html = buildDraft(
      fromHtml(
        paragraphs(id)
          .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
          .join('\n'),
      ),
      { file: 'x', sha256: '' },
    );
    const { text } = await extractFile(join(dev, 'raw', `${id}.${raw}`));
    const orig = buildDraft(text, { file: 'x', sha256: '' });
    assert.deepEqual(essence(html), essence(txt), `${id}: html differs from txt`);
    assert.deepEqual(essence(orig), essence(txt), `${id}: ${raw} differs from txt`);
  }
});

test('eval metrics on the dev set stay at or above the targets', { skip }, async () => {
  const r = await evaluateCorpus(dev);
  assert.deepEqual(belowTargets(r.txt.scores), [], `txt: ${JSON.stringify(r.txt.scores)}`);
  assert.deepEqual(belowTargets(r.raw.scores), [], `raw: ${JSON.stringify(r.raw.scores)}`);
});

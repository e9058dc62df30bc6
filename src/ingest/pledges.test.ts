// Pledges: money that is not support to Ukraine is left out; amounts in words and ranges are found in context.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concernsUkraine, findPledges } from './pledges.js';
import { buildBlocks } from './structure.js';

const pledgesOf = (paragraphs: string[]) =>
  findPledges(buildBlocks(['Agreement between Estmark and Ukraine', ...paragraphs]).blocks, {
    dollar: 'USD',
    signedYear: 2025,
  }).map((p) => [p.amount, p.currency, p.kind]);

test("the partner's own budget and contributions to others are not pledges", () => {
  assert.ok(!concernsUkraine("Estmark's own defence budget will grow to EUR 4 billion in 2026.", ''));
  assert.ok(!concernsUkraine('Estmark contributes EUR 15 million each year to the regular budget of the UN.', ''));
  assert.ok(concernsUkraine('Estmark will provide EUR 15 million to Ukraine.', ''));
  assert.deepEqual(
    pledgesOf([
      '1. Estmark will provide Ukraine with two hundred and fifty million euros per year in 2025 and 2026.',
      '2. Caldera spends two per cent of its gross domestic product, some EUR 12 billion, on its own armed forces.',
      '3. Since 2022 Estmark has delivered military assistance worth EUR 800 million to Ukraine.',
    ]),
    [
      [250e6, 'EUR', 'pledge'],
      [800e6, 'EUR', 'past'],
    ],
  );
});

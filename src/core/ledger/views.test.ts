// The views by hand: totals in EUR at a literal rate, coverage states, gaps, predictability, corrections, `within`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveBuckets, plannedByPartnerYear } from './buckets.js';
import { coverage } from './coverage.js';
import { newDraft } from './draft-new.js';
import { burdenShare, gaps, predictability } from './gaps.js';
import { type RateTable, rateIndex } from './rates.js';
import { totals } from './totals.js';
import type { EntryDraft, LedgerEntry } from './types.js';

const base: EntryDraft = newDraft({
  ref: 'x',
  entry_type: 'pledge',
  provider: 'GB',
  agreement_id: 'a-gb',
  amount: '0',
  currency: 'EUR',
  date: '2024-01-12',
  year_from: 2024,
  year_to: 2024,
  kind: 'military',
  source_url: 'https://example.org/s',
});
let seq = 0;
const e = (o: Partial<LedgerEntry>): LedgerEntry =>
  ({ ...base, seq: ++seq, effective_type: 'pledge', recorded_at: 't', prev_hash: '', hash: '', ...o }) as LedgerEntry;
// A test table: GBP 0.8 per EUR in 2024 (a test value, not a published rate).
const rates: RateTable = {
  rates: [{ currency: 'GBP', year: 2024, rate: '0.8', source: 'https://example.org/r', partial: false }],
};

const ledger = [
  e({ ref: 'gb', amount: '2500000000', currency: 'GBP' }),
  e({
    ref: 'dk-fund',
    provider: 'DK',
    agreement_id: 'a-dk',
    amount: '8500000000',
    year_from: 2023,
    year_to: 2028,
    status: 'indicative',
  }),
  e({ ref: 'dk-2024', provider: 'DK', agreement_id: 'a-dk', amount: '1800000000', within: 'dk-fund' }),
  e({ ref: 'se', provider: 'SE', agreement_id: 'a-se', amount: '1000', currency: 'SEK' }),
  e({ ref: 'es-epf', provider: 'ES', agreement_id: 'a-es', amount: '5000000000', channel: 'eu' }),
  e({
    ref: 'fr',
    provider: 'FR',
    agreement_id: 'a-fr',
    amount: '100',
    capability: 'artillery',
    year_from: 2025,
    year_to: 2025,
  }),
  e({
    ref: 'fr-fix',
    entry_type: 'correction',
    corrects: 'fr',
    supersedes: true,
    provider: 'FR',
    agreement_id: 'a-fr',
    amount: '300',
    capability: 'artillery',
    year_from: 2025,
    year_to: 2025,
  }),
];

test('totals by party and year in EUR match the hand computation', () => {
  const rows = totals(effectiveBuckets(ledger), ['party', 'year'], { eur: true, idx: rateIndex(rates) });
  const find = (p: string, y: number) => rows.find((r) => r.party === p && r.year === y);
  // GB: 2,500,000,000 GBP / 0.8 GBP per EUR = 3,125,000,000 EUR, all in 2024.
  assert.equal(find('GB', 2024)?.amount, '3125000000.00');
  // DK: the text states at least 1.8bn for 2024 within the 8.5bn fund of 2023-2028. The stated amount takes
  // precedence over an even sixth of the fund; the rest (6.7bn) is split over the other five years; the fund's
  // total is not exceeded.
  assert.equal(find('DK', 2024)?.amount, '1800000000.00');
  const rest = (8_500_000_000 - 1_800_000_000) / 5;
  for (const y of [2023, 2025, 2026, 2027, 2028]) assert.equal(find('DK', y)?.amount, rest.toFixed(2));
  const dk = rows.filter((r) => r.party === 'DK').reduce((a, r) => a + Number(r.amount), 0);
  assert.equal(dk, 8_500_000_000);
  // SEK has no rate in the table: reported, not guessed.
  assert.equal(find('SE', 2024)?.no_rate, 1);
  assert.equal(find('SE', 2024)?.amount, '0.00');
  // ES's contribution through an EU instrument is the EU's.
  assert.equal(find('ES', 2024), undefined);
  // The correction replaces FR's entry: 300, not 100 or 400.
  assert.equal(find('FR', 2025)?.amount, '300.00');
});

test('plannedByPartnerYear gives EUR per partner and year for the analysis engine', () => {
  const p = plannedByPartnerYear(ledger, rates);
  assert.deepEqual(
    p.find((r) => r.partner === 'GB'),
    { partner: 'GB', year: 2024, eur: '3125000000.00', entries: 1, no_rate: 0 },
  );
});

test('coverage: expired only after the agreement ends; a past year without delivery data is no data, not expired', () => {
  const buckets = effectiveBuckets([
    ...ledger,
    e({
      ref: 'fr-del',
      effective_type: 'delivery',
      entry_type: 'delivery',
      provider: 'FR',
      agreement_id: 'a-fr',
      amount: '50',
      capability: 'artillery',
      year_from: 2025,
      year_to: 2025,
    }),
  ]);
  const force = new Map([['a-dk', { start: '2024-02-23', end: '2027-02-23' }]]);
  const cov = coverage(buckets, rateIndex(rates), force, '2025-06-01');
  const cell = (cap: string, g: string, y: number) =>
    cov.cells.find((c) => c.capability === cap && c.guarantor === g && c.year === y)!;
  // 2024 has passed and the ledger records no delivery: the pledge stays committed, its delivery is unknown
  const gb = cell('unassigned', 'GB', 2024);
  assert.equal(gb.committed, '3125000000.00');
  assert.equal(gb.expired, '0.00');
  assert.equal(gb.delivered, null);
  assert.equal(gb.delivery, 'no_data');
  assert.equal(cell('unassigned', 'DK', 2024).committed, '1800000000.00'); // stated for 2024
  assert.equal(cell('unassigned', 'DK', 2026).indicative, '1340000000.00'); // in force, future
  assert.equal(cell('unassigned', 'DK', 2028).expired, '1340000000.00'); // agreement ended before 2028
  assert.equal(cell('artillery', 'FR', 2025).delivery, 'recorded');
  assert.equal(cell('artillery', 'FR', 2025).committed, '300.00');
  assert.equal(cell('artillery', 'FR', 2025).delivered, '50.00');
  const g = gaps(cov, [{ capability: 'artillery', year: 2025, amount_eur: '1000', note: null }]);
  assert.equal(g[0]!.gap_committed, '700.00');
  assert.equal(g[0]!.covered_share, '0.3000');
  const p = predictability(coverage(buckets, rateIndex(rates), force, '2025-01-01'));
  const dk = p.find((r) => r.guarantor === 'DK')!;
  assert.equal(dk.year, 2026);
  assert.equal(dk.committed_share, '0.0000');
  const b = burdenShare(cov, [{ party: 'FR', year: 2025, gdp_eur: '30000', source: 'https://example.org' }]);
  assert.equal(b.find((r) => r.party === 'FR' && r.year === 2025)!.percent_of_gdp, '1.0000'); // 300 / 30000 = 1 %
  assert.equal(b.find((r) => r.party === 'GB')!.percent_of_gdp, null);
});

test('burden share uses the latest earlier cited GDP where the year has none, and names its year', () => {
  const cov = coverage(effectiveBuckets(ledger), rateIndex(rates), new Map(), '2025-06-01');
  const gdp = [
    { party: 'DK', year: 2023, gdp_eur: '400000000000', source: 'https://example.org/g' },
    { party: 'DK', year: 2024, gdp_eur: null, source: 'https://example.org/g' },
  ];
  const b = burdenShare(cov, gdp);
  const dk2024 = b.find((r) => r.party === 'DK' && r.year === 2024)!;
  assert.equal(dk2024.gdp_year, 2023);
  // 1.8bn stated for 2024 against 2023 GDP of 400bn = 0.45 %
  assert.equal(dk2024.percent_of_gdp, '0.4500');
  const gb = b.find((r) => r.party === 'GB')!;
  assert.equal(gb.percent_of_gdp, null);
  assert.equal(gb.gdp_year, null);
});

// The Monte Carlo kernel: mean within 4 standard errors of the closed form, determinism across block splits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ModelInput, mergeBlocks, simulateBlock } from './simulate.js';
import { blockCount, summarize } from './simulate-summary.js';

function input(): ModelInput {
  const partners = ['A', 'B', 'C'];
  const years = [2024, 2025, 2026, 2027];
  const planned = new Float64Array([100, 100, 100, 100, 50, 0, 50, 0, 10, 20, 30, 40]);
  return {
    partners,
    years,
    planned,
    cont: new Float64Array([0.95, 0.8, 0.9]),
    lo: new Float64Array([0.5, 0.2, 0.9]),
    hi: new Float64Array([1, 0.9, 1]),
    shockProb: 0.2,
    shockMult: 0.4,
    needs: new Float64Array([100, 80, 100, 80]),
    bins: 512,
  };
}

function run(m: ModelInput, trials: number, blockSize: number, seed: number) {
  const blocks = Array.from({ length: blockCount(trials, blockSize) }, (_, b) =>
    simulateBlock(m, b, blockSize, trials, seed),
  );
  return summarize(m, mergeBlocks(m, blocks));
}

test('the simulated mean per year is within 4 standard errors of the closed form', () => {
  const s = run(input(), 40000, 4096, 7);
  for (const y of s.years)
    assert.ok(
      Math.abs(y.mean - y.closed_form_mean) <= 4 * y.se,
      `${y.year}: ${y.mean} vs ${y.closed_form_mean} (se ${y.se})`,
    );
  for (const p of s.partners)
    assert.ok(
      Math.abs(p.expected - p.closed_form) / p.closed_form < 0.05,
      `${p.partner}: ${p.expected} vs ${p.closed_form}`,
    );
});

test('same seed and block size: identical whatever order blocks are computed or merged in', () => {
  const m = input();
  const a = Array.from({ length: 5 }, (_, b) => simulateBlock(m, b, 1000, 4500, 3));
  const b = [...a].reverse().map((x) => simulateBlock(m, x.block, 1000, 4500, 3));
  assert.deepEqual(summarize(m, mergeBlocks(m, a)), summarize(m, mergeBlocks(m, b)));
  assert.equal(mergeBlocks(m, a).trials, 4500);
});

test('a different seed changes the draws; percentiles are ordered and within the planned range', () => {
  const m = input();
  const s1 = run(m, 5000, 1000, 1);
  const s2 = run(m, 5000, 1000, 2);
  assert.notDeepEqual(
    s1.years.map((y) => y.mean),
    s2.years.map((y) => y.mean),
  );
  for (const y of s1.years) {
    assert.ok(y.p5 <= y.p50 && y.p50 <= y.p95, `${y.year} percentiles ordered`);
    assert.ok(y.p95 <= y.planned + 1e-9 && y.p5 >= 0);
    assert.ok(y.p_below_needs >= 0 && y.p_below_needs <= 1);
  }
});

test('certain continuation, fixed share and no shock deliver exactly the planned share', () => {
  const m = {
    ...input(),
    cont: new Float64Array([1, 1, 1]),
    lo: new Float64Array([0.5, 0.5, 0.5]),
    hi: new Float64Array([0.5, 0.5, 0.5]),
    shockProb: 0,
  };
  const s = run(m, 100, 64, 9);
  for (const y of s.years) assert.ok(Math.abs(y.mean - y.planned * 0.5) < 1e-9 && y.sd < 1e-6);
});

// Planned amounts from ledger entries: the ledger's rules (within, EU channel, corrections) and rates, no guessing.
import { type LedgerEntry, newDraft, type RateTable } from '../ledger/index.js';
import { plannedFromLedger } from './planned.js';

const entry = (o: Partial<LedgerEntry>): LedgerEntry =>
  ({
    ...newDraft({
      ref: 'x',
      entry_type: 'pledge',
      provider: 'GB',
      amount: '0',
      currency: 'EUR',
      date: '2024-01-12',
      year_from: 2024,
      year_to: 2024,
      kind: 'military',
      source_url: 'https://example.org/s',
    }),
    seq: 1,
    effective_type: 'pledge',
    recorded_at: 't',
    prev_hash: '',
    hash: '',
    ...o,
  }) as LedgerEntry;
// A test table: GBP 0.8 per EUR in 2024 (a test value, not a published rate); SEK has no value.
const testRates: RateTable = {
  rates: [
    { currency: 'GBP', year: 2024, rate: '0.8', source: 'https://example.org/r', partial: false },
    { currency: 'SEK', year: 2024, rate: null, source: 'https://example.org/r', partial: false },
  ],
};

test('plannedFromLedger: converts at the dated rate, respects within and the EU channel, excludes amounts without a rate', () => {
  const entries = [
    entry({ ref: 'gb', amount: '800', currency: 'GBP' }),
    entry({ ref: 'dk-fund', provider: 'DK', amount: '300', year_from: 2024, year_to: 2026 }),
    entry({ ref: 'dk-part', provider: 'DK', amount: '100', within: 'dk-fund' }),
    entry({ ref: 'es-eu', provider: 'ES', amount: '500', channel: 'eu' }),
    entry({ ref: 'se', provider: 'SE', amount: '1000.50', currency: 'SEK' }),
    entry({ ref: 'se2', provider: 'SE', amount: '2000', currency: 'SEK', year_from: 2025, year_to: 2025 }),
  ];
  const p = plannedFromLedger(entries, testRates, [], { fromYear: 2024, years: 3, repeatAnnual: false });
  assert.deepEqual(p.planned.get('GB'), [1000, 0, 0]);
  assert.deepEqual(p.planned.get('DK'), [100, 100, 100]);
  assert.equal(p.planned.has('ES'), false);
  assert.equal(p.planned.has('SE'), false);
  assert.deepEqual(p.excluded, [{ partner: 'SE', currency: 'SEK', amount: '3000.50', entries: 2 }]);
  assert.deepEqual(p.excluded_totals, { SEK: '3000.50' });
  const r = plannedFromLedger(entries, testRates, [], {
    fromYear: 2024,
    years: 3,
    repeatAnnual: true,
    scale: [{ partner: 'GB', factor: 0.5, fromYear: 2025 }],
  });
  assert.deepEqual(r.planned.get('GB'), [1000, 500, 500]);
  assert.deepEqual(r.planned.get('DK'), [100, 100, 100]);
});

// Dated conversion: a date's own fixing, the last one before it on days without one, nothing after the last.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { convertMinor } from './money.js';
import { parseDailyRates, rateIndex, rateOn, toEurOn } from './rates.js';

const text = `# test
Date,GBP,BGN
2024-01-11,0.86145,1.9558
2024-01-12,0.8595,N/A
2024-01-15,0.86,1.9558
`;
const d = parseDailyRates(text, 'test');

test('a fixing day uses its rate; a weekend the last fixing before it; N/A days are skipped', () => {
  assert.deepEqual(rateOn(d, 'GBP', '2024-01-12'), { rate: '0.8595', fixing_date: '2024-01-12' });
  assert.deepEqual(rateOn(d, 'GBP', '2024-01-14'), { rate: '0.8595', fixing_date: '2024-01-12' });
  assert.deepEqual(rateOn(d, 'BGN', '2024-01-12'), { rate: '1.9558', fixing_date: '2024-01-11' });
});

test('after the last fixing there is no rate, never an extrapolated one', () => {
  const r = rateOn(d, 'GBP', '2024-01-16');
  assert.equal(r.rate, null);
  assert.equal(r.rate === null && r.reason, 'after_last_fixing');
  const c = toEurOn('100.00', 'GBP', '2024-02-01', { basis: 'daily', daily: d, annual: new Map() });
  assert.equal(c.eurMinor, null);
  assert.equal(rateOn(d, 'GBP', '2024-01-01').rate, null);
  assert.equal(rateOn(d, 'USD', '2024-01-12').rate, null);
});

test('the bundled daily table: 2025 complete, 2026 up to the last fixing of the shared file, annual 2026 partial', async () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const daily = parseDailyRates(readFileSync(join(root, 'data/rates/ecb-daily.csv'), 'utf8'), 'ecb');
  assert.ok(daily.series.get('GBP')!.dates.includes('2025-12-31'));
  const yaml = readFileSync(join(root, 'data/rates/ecb-annual.yaml'), 'utf8');
  assert.match(yaml, new RegExp(`last fixing is ${daily.last}`));
  const block = (cur: string, y: number) =>
    new RegExp(`currency: ${cur}\\n    year: ${y}\\n    rate: "[0-9.]+"\\n    partial: (true|false)`).exec(yaml)?.[1];
  assert.equal(block('GBP', 2025), 'false');
  assert.equal(block('GBP', 2026), 'true');
  const c = toEurOn('2500000000.00', 'GBP', '2024-01-12', { basis: 'daily', daily, annual: rateIndex({ rates: [] }) });
  assert.equal(c.eurMinor, convertMinor(250000000000n, rateOn(daily, 'GBP', '2024-01-12').rate!));
  assert.equal(toEurOn('1.00', 'GBP', '2026-05-01', { basis: 'daily', daily, annual: new Map() }).eurMinor, null);
});

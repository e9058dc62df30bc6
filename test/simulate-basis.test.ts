// Projections on observed flows: the tracker's allocations per guarantor (last twelve months, and per year) as the
// simulation's planned amounts; the expected figures are summed from the bundled release file here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bundledFlowsDir, ensureFlows } from '../src/cli/flows-seed.js';
import { parseCsv } from '../src/core/ledger/csv-parse.js';
import { startApi, type TestApi } from './support/api.js';

let api: TestApi;
let bare: TestApi;
before(async () => {
  api = await startApi(new Date('2026-06-01T00:00:00Z'));
  bare = await startApi(new Date('2026-06-01T00:00:00Z'));
  await ensureFlows(api.db, { out: () => {}, err: () => {} } as never);
});
after(async () => {
  await api.db.close();
  await bare.db.close();
});

/** EUR per (iso, year-month) from data_explorer.csv (EUR bn there). */
function fileRows() {
  const [head, ...rows] = parseCsv(readFileSync(join(bundledFlowsDir, 'data_explorer.csv'), 'utf8')).records;
  const col = (n: string) => head!.fields.indexOf(n);
  return rows
    .filter((r) => r.fields.length > 1)
    .map((r) => ({
      iso: r.fields[col('iso')]!,
      ym: `${r.fields[col('year')]}-${r.fields[col('month')]!.padStart(2, '0')}`,
      eur: Number(r.fields[col('total')]) * 1e9,
    }));
}

test('observed basis: the United States per year and over the last twelve months, as in the file', async () => {
  const r = await api.call('POST', '/api/analysis/simulate', { trials: 500, seed: 3, basis: 'observed' });
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
  assert.equal(r.body.basis, 'observed');
  assert.match(r.body.basis_note, /observed flows/);
  const rows = fileRows();
  const last = rows
    .map((x) => x.ym)
    .sort()
    .at(-1)!;
  assert.equal(r.body.observed.window.to, last);
  const [y, m] = last.split('-').map(Number) as [number, number];
  const firstIdx = y * 12 + m - 1 - 11;
  const from = `${Math.floor(firstIdx / 12)}-${String((firstIdx % 12) + 1).padStart(2, '0')}`;
  assert.equal(r.body.observed.window.from, from);
  const us = r.body.observed.rates.find((x: { partner: string }) => x.partner === 'US');
  const usRows = rows.filter((x) => x.iso === 'USA');
  const sum = (xs: { eur: number }[]) => xs.reduce((n, x) => n + x.eur, 0);
  const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e3, `${what}: ${a} vs ${b}`);
  close(us.by_year['2024'], sum(usRows.filter((x) => x.ym.startsWith('2024'))), 'US 2024');
  close(us.by_year['2025'], sum(usRows.filter((x) => x.ym.startsWith('2025'))), 'US 2025');
  close(us.eur_12m, sum(usRows.filter((x) => x.ym >= from)), 'US last 12 months');
  // Donors party to no agreement are named and not projected.
  assert.ok(r.body.observed.without_agreement.length > 0);
  assert.ok(!r.body.partners.some((p: { partner: string }) => r.body.observed.without_agreement.includes(p.partner)));
});

test('stated basis leaves the tracker out; without a release the observed basis is a 400 naming it', async () => {
  const stated = await api.call('POST', '/api/analysis/simulate', { trials: 500, seed: 3 });
  const observed = await api.call('POST', '/api/analysis/simulate', { trials: 500, seed: 3, basis: 'observed' });
  assert.equal(stated.body.basis, 'stated');
  assert.equal(stated.body.observed, null);
  assert.notDeepEqual(
    stated.body.years.map((y: { planned: number }) => y.planned),
    observed.body.years.map((y: { planned: number }) => y.planned),
  );
  const none = await bare.call('POST', '/api/analysis/simulate', { trials: 100, basis: 'observed' });
  assert.equal(none.status, 400);
  assert.ok(
    none.body.error.issues.some((i: { path: string }) => /basis/.test(i.path)),
    JSON.stringify(none.body),
  );
  assert.match(none.body.error.message + JSON.stringify(none.body.error.issues), /flows import/);
});

// Scenarios patch a copy: the baseline is untouched; each operation leaves its mark in the diff.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../../data/load-registry.js';
import { canonicalJson } from '../../store/registry-store.js';
import { runScenario } from './scenario.js';
import { patchRegistry } from './scenario-ops.js';
import type { Scenario } from './scenario-types.js';

const reg = (await loadRegistry('data')).registry!;
const deps = {
  weights: { legal_force: 1, wording: 1 },
  rates: { USD: 1.08, GBP: 0.85 },
  horizon: { fromYear: 2024, years: 10 },
};
const sc = (operations: Scenario['operations']): Scenario => ({
  schema_version: 1,
  id: 't',
  title: 't',
  description: '',
  sources: [],
  on: '2026-06-01',
  attack: { at: '2027-03-01T04:00:00Z', aggressor: 'RU' },
  projection: { repeat_annual: false },
  operations,
});

test('patching never changes the baseline', () => {
  const before = canonicalJson(reg);
  patchRegistry(reg, [
    { op: 'terminate_all', date: '2025-01-01' },
    { op: 'apply_mechanism', framework: 'kyiv-security-compact-2022' },
  ]);
  assert.equal(canonicalJson(reg), before);
});

test("withdraw adds a termination notice and drops the partner's agreements from force and from the obligations", () => {
  const partner = reg.agreements.find((a) => a.signed_on && a.signed_on < '2025-01-01')!.partner;
  const { registry } = patchRegistry(reg, [{ op: 'withdraw', party: partner, date: '2025-02-01', notice_months: 0 }]);
  assert.ok(
    registry.agreements
      .filter((a) => a.partner === partner)
      .every((a) => a.treaty_actions.some((x) => x.type === 'termination_notice' && x.date === '2025-02-01')),
  );
  const r = runScenario(reg, sc([{ op: 'withdraw', party: partner, date: '2025-02-01', notice_months: 0 }]), deps)
    .result!;
  assert.deepEqual(r.diff.coverage.partners_lost, [partner]);
  assert.ok(
    r.result.obligations.every((o) => o.promisor !== partner || !reg.agreements.some((a) => a.id === o.agreement)),
  );
  assert.ok(
    r.diff.strength.network_after < r.diff.strength.network_before,
    'losing a partner never raises the network score',
  );
});

test('an unknown party is an issue with its path, not a crash', () => {
  const r = runScenario(reg, sc([{ op: 'withdraw', party: 'XX', date: '2025-02-01' }]), deps);
  assert.equal(r.result, undefined);
  assert.deepEqual(r.issues[0]!.path, ['operations', 0, 'party']);
});

test('change_pledges scales the planned totals from the given year', () => {
  const r = runScenario(reg, sc([{ op: 'change_pledges', partner: '*', factor: 0.5, from_year: 2026 }]), deps).result!;
  r.baseline.totals.years.forEach((y, i) => {
    const expect = y >= 2026 ? r.baseline.totals.planned_eur[i]! * 0.5 : r.baseline.totals.planned_eur[i]!;
    assert.ok(Math.abs(r.result.totals.planned_eur[i]! - expect) < 1e-6, String(y));
  });
});

test('US withdrawal: the result lists what it cannot show, and all commitments include the G7 consultation', async () => {
  const { loadScenario } = await import('../../analysis/config.js');
  const us = (await loadScenario('data/scenarios/us-withdrawal-2025.yaml', 'data/settlements', '.')).value!;
  const r = runScenario(reg, us, deps).result!;
  // The US agreements state no pledged amount, so the planned totals cannot move: the result says so.
  const usPlanned = reg.agreements
    .filter((a) => a.partner === 'US')
    .flatMap((a) => a.pledges)
    .filter((p) => p.kind === 'pledge' && p.amount !== null && p.years !== null && !p.within);
  const planned = r.cannot_show.filter((c) => c.effect === 'planned_totals' && c.party === 'US');
  assert.equal(planned.length > 0, usPlanned.length === 0);
  assert.ok(planned.every((c) => c.missing.includes('no planned line')));
  // No obligation of the US survives: not its bilateral ones, not the G7 declaration's consultation.
  const g7 = reg.frameworks.find((f) => f.id === 'g7-joint-declaration-2023')!;
  assert.ok(g7.provisions.some((p) => p.promisors.includes('US') && p.mechanism));
  assert.ok(r.baseline.obligations.some((o) => o.promisor === 'US' && o.agreement === g7.id));
  assert.deepEqual(
    r.result.obligations.filter((o) => o.promisor === 'US'),
    [],
  );
  // Withdrawing from the agreements only keeps the framework promise.
  const only = runScenario(reg, sc([{ op: 'withdraw', party: 'US', date: '2025-02-01', notice_months: 0 }]), deps)
    .result!;
  assert.ok(only.result.obligations.some((o) => o.promisor === 'US' && o.agreement === g7.id));
});

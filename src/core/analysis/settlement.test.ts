// Settlement rules read the term's text, not only its kind; accepted terms imply scenario operations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../../data/load-registry.js';
import { checkSettlement } from './settlement.js';

const reg = (await loadRegistry('data')).registry!;
const verdict = (kind: string, text: string) =>
  checkSettlement(
    reg,
    {
      id: 't',
      title: 't',
      date: '2026',
      proponent: 'p',
      status: 'draft',
      sources: [],
      terms: [{ kind, text, source: 'https://example.org' }],
    },
    '2026-01-01',
  ).findings[0]!;

test('sanctions: lifted at once conflicts; lifted gradually and restored on a new attack is partial', () => {
  assert.equal(verdict('sanctions_relief', 'All sanctions lifted at once').verdict, 'conflict');
  assert.equal(
    verdict('sanctions_relief', 'Sanctions lifted gradually, restored if Russia attacks again').verdict,
    'partial',
  );
});

test('frozen assets: immobilised until Russia pays agrees; unfrozen conflicts', () => {
  assert.equal(verdict('frozen_assets', 'Assets remain immobilised until Russia pays for the damage').verdict, 'none');
  assert.equal(verdict('frozen_assets', 'Russian assets unfrozen and returned').verdict, 'conflict');
});

test('a conflict cites provisions of the areas it weighs, with their quotes', () => {
  const f = verdict('neutrality', 'Ukraine adopts permanent neutrality');
  assert.equal(f.verdict, 'conflict');
  assert.ok(
    f.provisions.length > 0 && f.provisions.every((p) => p.area.startsWith('nato_accession') && p.quote.length > 0),
  );
});

test('abrogation implies terminating every agreement at the acceptance date; "none" terms imply nothing', () => {
  const c = checkSettlement(
    reg,
    {
      id: 't',
      title: 't',
      date: '2026',
      proponent: 'p',
      status: 'draft',
      sources: [],
      terms: [
        { kind: 'abrogate_bilateral_agreements', text: 'termination of all agreements', source: 'x' },
        { kind: 'eu_membership_allowed', text: 'Ukraine may join the EU', source: 'x' },
      ],
    },
    '2026-03-01',
  );
  assert.deepEqual(c.operations, [
    { op: 'terminate_all', date: '2026-03-01', note: 'abrogation accepted in a settlement' },
  ]);
  assert.deepEqual(c.counts, { conflict: 1, partial: 0, none: 1 });
});

// The rubric: weights move scores as documented, traces name the fields, sensitivity is seeded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../../data/load-registry.js';
import { rank, scoreAgreement, scoreNetwork } from './score.js';
import { sensitivity } from './score-sensitivity.js';

const reg = (await loadRegistry('data')).registry!;
const w = {
  legal_force: 3,
  wording: 2,
  trigger_deadline: 2,
  positive_guarantee: 1,
  stated_amounts: 1.5,
  term_and_termination: 1,
  territorial_scope: 1,
  non_transactional: 0.5,
};

test("a single-criterion weighting gives each agreement exactly that criterion's value", () => {
  for (const a of reg.agreements) {
    const s = scoreAgreement(a, { wording: 1 });
    assert.equal(s.score, s.criteria.find((c) => c.id === 'wording')!.value ?? 0);
  }
});

test('a ratified copy of an agreement scores at least as high as the original', () => {
  for (const a of reg.agreements) {
    const r = scoreAgreement({ ...a, legal_force: { ...a.legal_force, class: 'ratified_treaty', ratified: true } }, w);
    assert.ok(r.score >= scoreAgreement(a, w).score);
  }
});

test('network: coverage-weighted within [min, max] of the agreement scores; a wider universe lowers it', () => {
  const scores = reg.agreements.map((a) => scoreAgreement(a, w));
  const n = scoreNetwork(scores);
  assert.ok(
    n.coverage_weighted >= Math.min(...scores.map((s) => s.score)) &&
      n.coverage_weighted <= Math.max(...scores.map((s) => s.score)),
  );
  assert.ok(scoreNetwork(scores, 1e9).coverage_weighted < n.coverage_weighted);
});

test('sensitivity: same seed same ranges; zero perturbation keeps every rank', () => {
  const scores = reg.agreements.map((a) => scoreAgreement(a, w));
  assert.deepEqual(sensitivity(scores, w, 0.3, 100, 5), sensitivity(scores, w, 0.3, 100, 5));
  for (const r of sensitivity(scores, w, 0, 50, 1).ranges)
    assert.ok(r.min_rank === r.base_rank && r.max_rank === r.base_rank);
  assert.deepEqual(
    [
      ...rank([
        { id: 'a', score: 1 },
        { id: 'b', score: 1 },
        { id: 'c', score: 0 },
      ]),
    ],
    [
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ],
  );
});

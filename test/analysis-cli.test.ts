// The analysis commands end to end on the bundled data, in process; expectations are computed from the data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../src/data/load-registry.js';
import { cli } from './support/cli.js';

const reg = (await loadRegistry('data')).registry!;
const run = async (args: string[]) => {
  const r = await cli([...args, '--db', 'memory://']);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
};

test('score --json: every agreement scored in [0, 1] with a trace per criterion; rank ranges contain the base rank', async () => {
  const o = await run(['score', '--json']);
  assert.equal(o.agreements.length, reg.agreements.length);
  for (const a of o.agreements) {
    assert.ok(a.score >= 0 && a.score <= 1);
    const lf = a.criteria.find((c: { id: string }) => c.id === 'legal_force');
    assert.equal(
      lf.trace[0].value,
      reg.agreements.find((x) => x.id === a.id)!.legal_force.class,
      'the legal-force criterion cites the field it read',
    );
  }
  for (const r of o.sensitivity.ranges) assert.ok(r.min_rank <= r.base_rank && r.base_rank <= r.max_rank);
  assert.ok(o.network.coverage_weighted > 0 && o.network.coverage_weighted <= 1);
});

test('score --weights: putting all weight on legal force ranks the binding agreements first', async () => {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const f = join(mkdtempSync(join(tmpdir(), 'w-')), 'w.yaml');
  writeFileSync(f, 'schema_version: 1\nweights:\n  legal_force: 1\n');
  const o = await run(['score', '--weights', f, '--json']);
  const binding = reg.agreements
    .filter((a) => a.legal_force.class === 'executive_agreement' || a.legal_force.class === 'ratified_treaty')
    .map((a) => a.id);
  assert.deepEqual(new Set(o.agreements.slice(0, binding.length).map((a: { id: string }) => a.id)), new Set(binding));
  const bad = await cli(['score', '--weights', f.replace('w.yaml', 'missing.yaml'), '--db', 'memory://']);
  assert.equal(bad.code, 1);
});

test('compare: one row per ruled element, one cell per agreement of the Ukraine Compact, quotes from the provisions', async () => {
  const o = await run(['compare', 'kyiv-security-compact-2022', 'ukraine-compact-2024', '--json']);
  const members = reg.agreements.filter((a) => a.frameworks.includes('ukraine-compact-2024'));
  const kyiv = reg.frameworks.find((f) => f.id === 'kyiv-security-compact-2022')!;
  assert.equal(o.rows.length, kyiv.elements.length, 'every element of the proposal is judged');
  assert.deepEqual(o.unruled, []);
  for (const row of o.rows) {
    assert.equal(row.cells.length, members.length);
    for (const c of row.cells) {
      const a = members.find((m) => m.id === c.agreement)!;
      for (const q of c.quotes) assert.equal(a.provisions.find((p) => p.id === q.provision)?.quote, q.quote);
      // binding reads legal-force fields; no-stationing is met by the absence of a deployment clause
      if (
        c.status === 'met' &&
        !['binding_bilateral_agreements', 'no_stationing_no_intervention'].includes(row.element)
      )
        assert.ok(c.quotes.length > 0, `${row.element}/${c.agreement} met with a quote`);
    }
  }
  const binding = o.rows.find((r: { element: string }) => r.element === 'binding_bilateral_agreements');
  assert.equal(
    binding.counts.met,
    members.filter((a) => a.legal_force.class === 'ratified_treaty' || a.legal_force.ratified === true).length,
  );
});

test('scenario run abrogation: nothing in force after the termination date, no agreement obligations, network strength 0', async () => {
  const o = await run(['scenario', 'run', 'abrogation', '--json']);
  assert.equal(o.result.in_force.length, 0);
  assert.ok(o.baseline.in_force.length > 0);
  assert.ok(
    o.result.obligations.every((x: { agreement: string }) => !reg.agreements.some((a) => a.id === x.agreement)),
    'only framework obligations remain',
  );
  assert.equal(o.diff.strength.network_after, 0);
  assert.ok(o.diff.totals.total_eur <= 0);
});

test('scenario list names the shipped scenarios and all are valid', async () => {
  const o = await run(['scenario', 'list', '--json']);
  for (const n of ['abrogation', 'us-withdrawal-2025', 'neutrality-settlement', 'apply-kyiv-compact', 'russia-demands'])
    assert.ok(
      o.some((s: { name: string; issues: string[] }) => s.name === n && s.issues.length === 0),
      n,
    );
});

test('scenario run apply-kyiv-compact raises the network strength and adds obligations with deadlines', async () => {
  const o = await run(['scenario', 'run', 'apply-kyiv-compact', '--json']);
  assert.ok(o.diff.strength.network_after > o.diff.strength.network_before);
  assert.ok(o.diff.obligations.added.some((x: { due: string | null }) => x.due !== null));
});

test('simulate --json: reproducible, 1 and 2 workers give identical results, mean near the closed form', async () => {
  const a = await run(['simulate', '--trials', '20000', '--seed', '1', '--workers', '1', '--json']);
  const b = await run(['simulate', '--trials', '20000', '--seed', '1', '--workers', '2', '--json']);
  assert.deepEqual(a, b);
  assert.match(a.assumptions.note, /ASSUMPTIONS/);
  // The store's first fill seeds the ledger, so the ledger is the input; no memorised rates are used anywhere.
  assert.equal(a.input, 'ledger');
  assert.equal(a.assumptions.rates, undefined);
  assert.ok(Array.isArray(a.excluded) && typeof a.excluded_totals === 'object');
  for (const y of a.years) assert.ok(Math.abs(y.mean - y.closed_form_mean) <= 4 * y.se + 1e-6, `${y.year}`);
});

test('check-settlement russia-demands: the three demands conflict, citing provisions; accepting them ends the agreements', async () => {
  const o = await run(['check-settlement', 'data/settlements/russia-demands.yaml', '--json']);
  assert.deepEqual(
    o.findings.map((f: { verdict: string }) => f.verdict),
    ['conflict', 'conflict', 'conflict'],
  );
  for (const f of o.findings) assert.ok(f.provisions.length > 0);
  assert.equal(o.effect.in_force.added.length, 0);
  assert.ok(o.effect.in_force.removed.length > 0);
});

test("check-settlement: the Peace Formula and Ukraine's 2025 memorandum produce no conflict (false positives)", async () => {
  for (const f of ['ukraine-peace-formula-2022-11', 'ukraine-memorandum-2025-06']) {
    const o = await run(['check-settlement', `data/settlements/${f}.yaml`, '--json']);
    assert.equal(o.counts.conflict, 0, f);
    assert.equal(o.operations.length, 0);
  }
  // The Peace Formula only restores and affirms: nothing in it is even in tension.
  const pf = await run(['check-settlement', 'data/settlements/ukraine-peace-formula-2022-11.yaml', '--json']);
  assert.equal(pf.counts.tension, 0);
});

test('check-settlement on the 28-point plan: territorial terms held against the territorial-integrity provisions; no term without one of the four verdicts', async () => {
  const o = await run(['check-settlement', 'data/settlements/us-28-point-plan-2025-11.yaml', '--json']);
  const territorial = reg.agreements.flatMap((a) =>
    a.provisions.filter((p) => p.area === 'territorial_integrity').map((p) => ({ agreement: a.id, quote: p.quote })),
  );
  type F = {
    kind: string;
    verdict: string;
    why: string;
    provisions: { agreement: string; area: string; quote: string }[];
  };
  const terms: F[] = o.findings.filter((f: F) => f.kind.startsWith('territorial_'));
  assert.ok(terms.length >= 3);
  for (const f of terms) {
    if (territorial.length) {
      // Once the area is coded: a conflict naming every agreement that holds it, with its quote.
      assert.equal(f.verdict, 'conflict', f.why);
      const cited = f.provisions.filter((p) => p.area === 'territorial_integrity');
      assert.deepEqual(new Set(cited.map((p) => p.agreement)), new Set(territorial.map((t) => t.agreement)));
      for (const p of cited) assert.ok(territorial.some((t) => t.agreement === p.agreement && t.quote === p.quote));
      assert.match(f.why, /(legal|political) commitments of/);
    } else {
      assert.equal(f.verdict, 'unassessed', f.why);
      assert.match(f.why, /no coded provision in territorial_integrity/);
    }
  }
  const verdicts = new Set(o.findings.map((f: F) => f.verdict));
  for (const v of verdicts)
    assert.ok(['conflict', 'tension', 'compatible', 'unassessed'].includes(v as string), String(v));
  assert.ok(verdicts.has('unassessed'), 'terms no rule covers are unassessed');
  assert.deepEqual(Object.keys(o.counts).sort(), ['compatible', 'conflict', 'tension', 'unassessed']);
  const table = await cli(['check-settlement', 'data/settlements/us-28-point-plan-2025-11.yaml', '--db', 'memory://']);
  assert.equal(table.code, 0, table.err);
  assert.match(table.out, /\d+ conflict, \d+ tension, \d+ compatible, \d+ unassessed/);
  assert.doesNotMatch(table.out, /\bnone\b/);
});

test('check-settlement on a malformed file names the field; exit 1', async () => {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const f = join(mkdtempSync(join(tmpdir(), 's-')), 's.yaml');
  writeFileSync(f, 'id: x\ntitle: t\ndate: "2025"\nproponent: p\nstatus: rumour\nsources: []\nterms: []\n');
  const r = await cli(['check-settlement', f, '--db', 'memory://']);
  assert.equal(r.code, 1);
  assert.match(r.err, /s\.yaml:5:\d+ status/);
});

test('a wrong COMPACT_SIM_KERNEL is a clear error, exit 1, no stack trace', async () => {
  const before = process.env.COMPACT_SIM_KERNEL;
  process.env.COMPACT_SIM_KERNEL = 'fortran';
  try {
    const r = await cli(['simulate', '--trials', '1000', '--seed', '1', '--db', 'memory://']);
    assert.equal(r.code, 1);
    assert.match(r.err, /COMPACT_SIM_KERNEL: expected "js" or "wasm", found "fortran"/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  } finally {
    if (before === undefined) delete process.env.COMPACT_SIM_KERNEL;
    else process.env.COMPACT_SIM_KERNEL = before;
  }
});

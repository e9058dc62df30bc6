// Every element of the 2022 proposal is judged per agreement, each by the provisions that speak to it; fixtures
// built from a bundled agreement with its provisions replaced show which provisions move a verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRegistry } from '../../data/load-registry.js';
import type { Agreement, Provision, Registry } from '../model.js';
import type { Area } from '../taxonomy.js';
import { compare } from './compare.js';
import { COMPARE_RULES } from './compare-rules.js';

const reg = (await loadRegistry('data')).registry!;
const KSC = 'kyiv-security-compact-2022';
const base = reg.agreements.find((a) => a.id === 'ua-dk-2024')!;

const prov = (id: string, area: Area, quote: string): Provision => ({
  ...base.provisions[0]!,
  id,
  area,
  capabilities: [],
  mechanism: null,
  quote,
});
/** A registry with one agreement holding exactly these provisions. */
const fixture = (provisions: Provision[], patch: Partial<Agreement> = {}): Registry => ({
  ...reg,
  agreements: [{ ...base, id: 'ua-xx-2024', provisions, ...patch }],
});
const cell = (r: Registry, element: string) =>
  compare(r, KSC, 'ua-xx-2024').comparison!.rows.find((x) => x.element === element)!.cells[0]!;

test('every element of the 2022 proposal has a rule and a verdict for every agreement of the 2024 compact', () => {
  const ksc = reg.frameworks.find((f) => f.id === KSC)!;
  const c = compare(reg, KSC, 'ukraine-compact-2024').comparison!;
  assert.deepEqual(c.unruled, []);
  assert.deepEqual(
    c.rows.map((r) => r.element),
    ksc.elements.map((e) => e.id),
  );
  const members = reg.agreements.filter((a) => a.frameworks.includes('ukraine-compact-2024'));
  for (const r of c.rows) {
    assert.equal(r.cells.length, members.length, r.element);
    for (const x of r.cells) assert.ok(x.why.length > 0, `${r.element}/${x.agreement} says why`);
  }
  for (const e of ksc.elements) assert.ok(COMPARE_RULES[e.id], e.id);
});

test('whole territory follows the territorial-integrity provisions, not a demining clause', () => {
  const demining = prov(
    'demining',
    'humanitarian_demining',
    'contributing to the complete clearance of the entire territory of Ukraine from mines',
  );
  assert.equal(cell(fixture([demining]), 'whole_territory').status, 'not_met');
  const ti = prov(
    'territorial_integrity',
    'territorial_integrity',
    "Denmark reaffirms its support for Ukraine's independence, sovereignty and territorial integrity within its internationally recognised borders",
  );
  const met = cell(fixture([demining, ti]), 'whole_territory');
  assert.equal(met.status, 'met');
  assert.deepEqual(
    met.quotes.map((q) => q.provision),
    ['territorial_integrity'],
  );
  const bare = prov('ti-2', 'territorial_integrity', "support for Ukraine's sovereignty and territorial integrity");
  assert.equal(cell(fixture([bare]), 'whole_territory').status, 'partly');
});

test('the six points once left unjudged move with the provisions they read', () => {
  const aid = prov('ma', 'military_assistance', 'Denmark will continue to provide military support to Ukraine');
  const selfDef = prov('ma2', 'military_assistance', "support to Ukraine's self-defence and deterrence of aggression");
  assert.equal(cell(fixture([aid]), 'self_defence_capacity').status, 'partly');
  assert.equal(cell(fixture([aid, selfDef]), 'self_defence_capacity').status, 'met');
  // "determine" is not deterrence
  const consult = prov('ma3', 'military_assistance', 'the Participants will consult to determine next steps');
  assert.equal(cell(fixture([consult]), 'military_edge').status, 'not_met');
  assert.equal(cell(fixture([selfDef]), 'military_edge').status, 'partly');

  const modern = prov('ad', 'air_defence', 'modern air defence systems');
  assert.equal(cell(fixture([aid]), 'advanced_weapons_transfers').status, 'partly');
  assert.equal(cell(fixture([aid, modern]), 'advanced_weapons_transfers').status, 'met');

  const training = prov('tr', 'training', 'training of Ukrainian soldiers');
  const exercises = prov('ex', 'joint_exercises', 'joint exercises');
  assert.equal(cell(fixture([aid]), 'training_and_joint_exercises').status, 'not_met');
  assert.equal(cell(fixture([training]), 'training_and_joint_exercises').status, 'partly');
  assert.equal(cell(fixture([training, exercises]), 'training_and_joint_exercises').status, 'met');

  const nato = prov('nato', 'nato_accession_support', 'Denmark supports Ukraine on its path to NATO membership');
  const silent = { nato_accession: { effect: 'silent' as const, citation: null } };
  assert.equal(cell(fixture([aid], silent), 'not_a_substitute_for_nato').status, 'not_met');
  assert.equal(cell(fixture([aid, nato], silent), 'not_a_substitute_for_nato').status, 'partly');
  const bridge = { nato_accession: { effect: 'decide_future_status' as const, citation: null } };
  assert.equal(cell(fixture([aid, nato], bridge), 'not_a_substitute_for_nato').status, 'met');

  assert.equal(cell(fixture([aid]), 'no_stationing_no_intervention').status, 'met');
  const force = prov('rf', 'reassurance_force', 'a multinational force deployed in Ukraine');
  const stationed = cell(fixture([aid, force]), 'no_stationing_no_intervention');
  assert.equal(stationed.status, 'not_met');
  assert.deepEqual(
    stationed.quotes.map((q) => q.provision),
    ['rf'],
  );
});

// Period of force: term, open-ended records, termination notices, extensions and instant boundaries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDuration, addMonths, addYears, isInstant, isIsoDate } from './dates.js';
import { forcePeriod, inForceAt, inForceOn } from './in-force.js';
import type { Agreement } from './model.js';

const cite = { source: 'text', quote: null, where: null };
function agreement(over: Partial<Agreement> = {}): Agreement {
  return {
    schema_version: 1,
    id: 'ua-xx-2024',
    series: 'g7_joint_declaration_bilateral',
    title: 't',
    parties: ['UA', 'GB'],
    partner: 'GB',
    signed_on: '2024-01-12',
    signed_at: null,
    signatories: [],
    entry_into_force: { date: null, rule: 'on_signature', citation: cite },
    term: { years: 10, open_ended: false, extension: null, citation: cite },
    termination: null,
    nato_accession: { effect: 'silent', citation: null },
    legal_force: {
      class: 'political_commitment',
      ratified: false,
      states_not_legally_binding: false,
      evidence: [cite],
    },
    wording: { class: 'commitments', citation: null },
    frameworks: [],
    text: { available: true, language: 'en', evidence: 'primary', file: null },
    official_text_urls: [],
    sources: [],
    provisions: [],
    pledges: [],
    treaty_actions: [],
    disagreements: [],
    notes: null,
    ...over,
  };
}

test('dates: calendar validity, year and month arithmetic with clamping', () => {
  assert.ok(isIsoDate('2024-02-29'));
  assert.ok(!isIsoDate('2023-02-29'));
  assert.ok(!isIsoDate('2024-13-01'));
  assert.equal(addYears('2024-02-29', 1), '2025-02-28');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2024-11-15', 6), '2025-05-15');
  assert.ok(isInstant('2027-03-01T04:00:00Z'));
  assert.ok(isInstant('2027-03-01T06:00:00+02:00'));
  assert.ok(!isInstant('2027-03-01T04:00:00'), 'an instant without a zone is rejected');
  assert.equal(addDuration('2027-03-01T04:00:00Z', 'PT24H'), '2027-03-02T04:00:00.000Z');
  assert.equal(addDuration('2027-03-01T06:00:00+02:00', 'PT72H'), '2027-03-04T04:00:00.000Z');
});

test('a ten-year term runs from signature to the day before the tenth anniversary', () => {
  const a = agreement();
  assert.deepEqual([forcePeriod(a).start, forcePeriod(a).end], ['2024-01-12', '2034-01-12']);
  assert.ok(inForceOn(a, '2034-01-11'));
  assert.ok(!inForceOn(a, '2034-01-12'));
  assert.ok(!inForceOn(a, '2024-01-11'));
  assert.ok(inForceAt(a, '2034-01-11T23:59:59Z'));
  assert.ok(!inForceAt(a, '2034-01-12T00:00:00Z'), 'the exact expiry instant is outside');
  assert.ok(inForceAt(a, '2034-01-12T01:00:00+02:00'), 'zones are honoured: 23:00Z the day before');
});

test('an open-ended record stays in force until terminated; an unknown term is not assumed to end', () => {
  const eu = agreement({ term: { years: null, open_ended: true, extension: null, citation: cite } });
  assert.ok(inForceOn(eu, '2060-01-01'));
  assert.equal(forcePeriod(eu).endReason, 'open_ended');
  const unknown = agreement({ term: { years: null, open_ended: false, extension: null, citation: cite } });
  assert.equal(forcePeriod(unknown).endReason, 'unknown_term');
});

test('a termination notice ends the agreement after its notice period; an extension lengthens it', () => {
  const a = agreement({
    termination: { notice_months: 6, citation: cite },
    treaty_actions: [
      {
        type: 'termination_notice',
        date: '2026-03-10',
        party: 'GB',
        notice_months: null,
        extends_years: null,
        note: null,
        source: 'text',
      },
    ],
  });
  assert.equal(forcePeriod(a).end, '2026-09-10');
  assert.ok(inForceOn(a, '2026-09-09') && !inForceOn(a, '2026-09-10'));
  const ext = agreement({
    treaty_actions: [
      {
        type: 'extension',
        date: '2033-06-01',
        party: null,
        notice_months: null,
        extends_years: 5,
        note: null,
        source: 'text',
      },
    ],
  });
  assert.equal(forcePeriod(ext).end, '2039-01-12');
});

test('an unsigned record with no date of entry into force is never in force', () => {
  assert.ok(!inForceOn(agreement({ signed_on: null }), '2025-01-01'));
});

test('entry into force tied to a later act with no known date: not in force; an unknown rule is flagged as assumed', () => {
  const later = agreement({ entry_into_force: { date: null, rule: 'on_ratification', citation: cite } });
  assert.equal(forcePeriod(later).start, null);
  assert.ok(!inForceOn(later, '2026-01-01'));
  assert.match(forcePeriod(later).steps[0]!, /not counted as in force/);
  const dated = agreement({ entry_into_force: { date: '2025-03-01', rule: 'on_ratification', citation: cite } });
  assert.ok(inForceOn(dated, '2025-03-01') && !inForceOn(dated, '2025-02-28'));
  const unknown = agreement({ entry_into_force: { date: null, rule: 'unknown', citation: cite } });
  assert.ok(inForceOn(unknown, '2025-01-01'));
  assert.match(forcePeriod(unknown).steps[0]!, /assumed from the signature/);
});

// Every record accounted for in every trigger result, under exactly one heading; the per-partner summary.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadRegistry } from '../../data/load-registry.js';
import { forcePeriod, inForceAt } from '../in-force.js';
import type { Registry } from '../model.js';
import { HEADINGS, uncodedClauses } from './accounting.js';
import { evaluate } from './evaluate.js';
import { makeEvent } from './event.js';

let reg: Registry;
before(async () => {
  reg = (await loadRegistry(join(import.meta.dirname, '..', '..', '..', 'data'))).registry!;
});
const ev = (type: string, at: string, extra: Record<string, string> = {}) => makeEvent({ type, at, ...extra }).event!;
const EVENTS = [
  ev('armed_attack', '2027-03-01T04:00:00Z', { aggressor: 'RU' }),
  ev('threat_of_attack', '2027-03-01T04:00:00Z', { aggressor: 'RU' }),
  ev('nato_accession', '2030-01-01T00:00:00Z', { party: 'UA' }),
  ev('ceasefire', '2026-06-01T00:00:00Z'),
  ev('armed_attack', '2034-06-01T00:00:00Z', { aggressor: 'RU' }),
];

describe('every record accounted for', () => {
  for (const e of EVENTS)
    it(`${e.type} at ${e.at}: each agreement and framework once, under one heading, with evidence`, () => {
      const r = evaluate(reg, e);
      const ids = [...reg.agreements.map((a) => a.id), ...reg.frameworks.map((f) => f.id)].sort();
      assert.deepEqual(r.records.map((x) => x.record_id).sort(), ids);
      for (const x of r.records) {
        assert.ok((HEADINGS as readonly string[]).includes(x.heading), `${x.record_id}: ${x.heading}`);
        assert.ok(x.why.length > 10, `${x.record_id} says why`);
        if (x.record_kind === 'agreement') assert.ok(x.evidence.length > 0, `${x.record_id} has an evidence grade`);
      }
      // Headings agree with the evaluation: obligations only where some were made; not in force as in-force says.
      for (const a of reg.agreements) {
        const x = r.records.find((y) => y.record_id === a.id)!;
        const made = r.obligations.filter((o) => o.record_id === a.id).map((o) => o.id);
        assert.deepEqual(x.obligations, made);
        if (!inForceAt(a, e.at)) assert.equal(x.heading, 'not_in_force', a.id);
        else if (forcePeriod(a).startAssumed) assert.equal(x.heading, 'in_force_assumed', a.id);
        else assert.equal(x.heading === 'obligations', made.length > 0, `${a.id}: ${x.heading}`);
      }
      // One summary row per partner, in partner-code order, counting its obligations under its records.
      const partners = [...new Set(reg.agreements.map((a) => a.partner))].sort();
      assert.deepEqual(
        r.partners.map((p) => p.partner),
        partners,
      );
      for (const p of r.partners)
        assert.equal(p.obligations, r.obligations.filter((o) => o.promisor === p.partner).length, p.partner);
    });

  it('Albania: not in force, its term still stated; Greece: in force assumed, why quoted from its note', () => {
    const r = evaluate(reg, EVENTS[0]!);
    const al = r.records.find((x) => x.record_id === 'ua-al-2025')!;
    const alTerm = reg.agreements.find((a) => a.id === 'ua-al-2025')!.term.years;
    assert.equal(al.heading, 'not_in_force');
    assert.match(al.why, new RegExp(`term of ${alTerm} years`));
    const gr = r.records.find((x) => x.record_id === 'ua-gr-2024')!;
    assert.equal(gr.heading, 'in_force_assumed');
    assert.match(gr.why, /assumed from the signature/);
    assert.match(gr.why, /ratified/);
  });

  it("a record whose note knows an uncoded clause is flagged; with nothing else coded it is 'clause known but not coded'", () => {
    // A note of the kind records carry when a clause is known from a report but its wording is not at hand.
    const sentence = 'The curated audit records a 24-hour consultation clause, but no quotable wording is at hand.';
    const fi = {
      ...reg.agreements.find((a) => a.id === 'ua-fi-2024')!,
      notes: `Signed in Helsinki. ${sentence} Ten-year term.`,
    };
    const rg = { ...reg, agreements: reg.agreements.map((a) => (a.id === fi.id ? fi : a)) };
    const note = uncodedClauses(fi.notes, 'armed_attack');
    assert.deepEqual(note, [sentence]);
    assert.deepEqual(uncodedClauses(fi.notes, 'nato_accession'), [], 'a consultation clause does not answer accession');
    const r = evaluate(rg, EVENTS[0]!);
    assert.deepEqual(r.records.find((x) => x.record_id === fi.id)!.uncoded, note);
    assert.equal(r.partners.find((p) => p.partner === 'FI')!.uncoded, true);
    // Without its coded response clause the record yields nothing, and the heading says a clause is known.
    const bare = { ...fi, provisions: fi.provisions.filter((p) => !p.mechanism) };
    const r2 = evaluate({ ...rg, agreements: rg.agreements.map((a) => (a.id === fi.id ? bare : a)) }, EVENTS[0]!);
    const x = r2.records.find((y) => y.record_id === fi.id)!;
    assert.equal(x.heading, 'clause_not_coded');
    assert.match(x.why, /see note|note says/);
  });

  it('a record with only a discretionary clause lists options, not obligations', () => {
    const r = evaluate(reg, EVENTS[0]!);
    const us = r.records.find((x) => x.record_id === 'ua-us-2024')!;
    assert.deepEqual(
      us.options,
      r.options.filter((o) => o.record_id === 'ua-us-2024').map((o) => o.id),
    );
    assert.ok(us.options.length > 0);
  });
});

// Runs every cases/*.yaml (given a registry and scenario, when an event happens, then these obligations), plus
// the acceptance test whose expected set is computed from the data rather than written down.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { instantMs } from '../src/core/dates.js';
import { inForceAt } from '../src/core/in-force.js';
import type { Registry } from '../src/core/model.js';
import {
  type EventInput,
  evaluate,
  MECHANISM_KINDS,
  makeEvent,
  type Obligation,
  withRecordedEvents,
} from '../src/core/trigger/index.js';
import { loadRegistry } from '../src/data/load-registry.js';

const root = join(import.meta.dirname, '..');
type Match = { record?: string; promisor?: string; kind?: string; due?: string | null; qualifier?: string };
interface Case {
  name: string;
  given?: { apply_frameworks?: string[]; hostilities_concluded_at?: string; events_before?: EventInput[] };
  when: EventInput;
  then: {
    count?: number;
    count_at_least?: number;
    includes?: Match[];
    excludes?: Match[];
    /** Options (discretionary clauses): each must match one; an option is never an obligation. */
    options?: Match[];
    skipped?: { record: string; reason: string }[];
  };
}

let reg: Registry;
before(async () => {
  const r = await loadRegistry(join(root, 'data'));
  assert.ok(r.registry, 'bundled data must load');
  reg = r.registry;
});

const event = (input: EventInput) => {
  const r = makeEvent(input);
  assert.deepEqual(r.issues, [], `event ${JSON.stringify(input)}`);
  return r.event!;
};

function matches(o: Obligation, m: Match): boolean {
  if (m.record && o.record_id !== m.record) return false;
  if (m.promisor && o.promisor !== m.promisor) return false;
  if (m.kind && o.kind !== m.kind) return false;
  if (
    m.due !== undefined &&
    (m.due === null ? o.due !== null : o.due === null || instantMs(o.due) !== instantMs(m.due))
  )
    return false;
  if (m.qualifier && !(o.qualifier ?? '').toLowerCase().includes(m.qualifier.toLowerCase())) return false;
  return true;
}

const caseFiles = readdirSync(join(root, 'cases'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('cases/*.yaml', () => {
  for (const file of caseFiles) {
    const c = parse(readFileSync(join(root, 'cases', file), 'utf8')) as Case;
    it(`${file}: ${c.name}`, () => {
      const ev = event(c.when);
      const prior = (c.given?.events_before ?? []).map(event);
      const res = evaluate(withRecordedEvents(reg, prior, ev.at), ev, {
        applyFrameworks: c.given?.apply_frameworks,
        hostilitiesConcludedAt: c.given?.hostilities_concluded_at ?? null,
      });
      const t = c.then;
      const list = res.obligations
        .map((o) => `${o.record_id}/${o.promisor}/${o.kind}/${o.due}/${o.qualifier}`)
        .join('\n');
      if (t.count !== undefined) assert.equal(res.obligations.length, t.count, `${file}: obligations\n${list}`);
      if (t.count_at_least !== undefined)
        assert.ok(
          res.obligations.length >= t.count_at_least,
          `${file}: expected at least ${t.count_at_least}, got ${res.obligations.length}`,
        );
      for (const m of t.includes ?? [])
        assert.ok(
          res.obligations.some((o) => matches(o, m)),
          `${file}: expected an obligation like ${JSON.stringify(m)} among\n${list}`,
        );
      for (const m of t.excludes ?? [])
        assert.ok(
          !res.obligations.some((o) => matches(o, m)),
          `${file}: expected no obligation like ${JSON.stringify(m)}`,
        );
      for (const m of t.options ?? [])
        assert.ok(
          res.options.some((o) => matches(o, m)),
          `${file}: expected an option like ${JSON.stringify(m)} among ${res.options.map((o) => o.id).join(', ')}`,
        );
      for (const s of t.skipped ?? [])
        assert.ok(
          res.skipped.some((x) => x.record_id === s.record && x.reason === s.reason),
          `${file}: expected ${s.record} skipped for ${s.reason}; skipped: ${JSON.stringify(res.skipped)}`,
        );
    });
  }

  it('covers every mechanism kind and every event type at least once', () => {
    const all = caseFiles.map((f) => parse(readFileSync(join(root, 'cases', f), 'utf8')) as Case);
    const types = new Set(all.map((c) => c.when.type));
    for (const t of [
      'armed_attack',
      'threat_of_attack',
      'nato_accession',
      'termination_notice',
      'ceasefire',
      'ceasefire_breach',
    ])
      assert.ok(types.has(t), `no case for ${t}`);
    const seen = new Set<string>();
    for (const c of all) {
      const ev = event(c.when);
      for (const o of evaluate(reg, ev, {
        applyFrameworks: c.given?.apply_frameworks,
        hostilitiesConcludedAt: c.given?.hostilities_concluded_at ?? null,
      }).obligations)
        seen.add(o.mechanism);
    }
    // alliance_obligation reads the world registry's alliance records, not these agreements; its cases are in
    // src/core/history/atop.test.ts (the trigger over the ATOP alliances).
    const worldOnly = new Set(['alliance_obligation']);
    for (const k of MECHANISM_KINDS.keys())
      if (!worldOnly.has(k)) assert.ok(seen.has(k), `no case produces an obligation of kind ${k}`);
  });
});

describe('acceptance: a Russian armed attack at 2027-03-01T04:00Z', () => {
  const at = '2027-03-01T04:00:00Z';
  it('yields a consultation due 24 hours later for every agreement then in force with such a clause, each quoted', () => {
    const expected = reg.agreements
      .filter(
        (a) =>
          inForceAt(a, at) &&
          a.provisions.some(
            (p) =>
              p.mechanism &&
              MECHANISM_KINDS.get(p.mechanism.kind)?.kind === 'consultation' &&
              MECHANISM_KINDS.get(p.mechanism.kind)!.answers(p.mechanism.params).includes('armed_attack'),
          ),
      )
      .map((a) => a.id)
      .sort();
    assert.ok(expected.length > 0, 'the data has consultation clauses');
    const res = evaluate(reg, event({ type: 'armed_attack', at, aggressor: 'RU' }));
    const consult = res.obligations.filter((o) => o.record_kind === 'agreement' && o.mechanism === 'consultation');
    assert.deepEqual([...new Set(consult.map((o) => o.record_id))].sort(), expected);
    for (const o of consult) {
      const a = reg.agreements.find((x) => x.id === o.record_id)!;
      const p = a.provisions.find((x) => x.id === o.provision_id)!;
      const deadline = p.mechanism!.params.deadline;
      assert.equal(o.due, deadline === 'PT24H' ? '2027-03-02T04:00:00.000Z' : o.due, `${o.id} due`);
      assert.ok(o.quote.length > 10 && o.source_url?.startsWith('http'), `${o.record_id} carries its quote and source`);
      assert.ok(o.trace.some((s) => s.step === 'clause' && s.text.includes(o.quote)));
    }
    assert.ok(
      consult.filter((o) => o.due === '2027-03-02T04:00:00.000Z').length >= expected.length,
      'each agreement has a 24-hour consultation',
    );
  });

  it("Croatia's agreement yields none; the US one carries 'where possible'", () => {
    const res = evaluate(reg, event({ type: 'armed_attack', at, aggressor: 'RU' }));
    assert.ok(
      reg.agreements.some((a) => a.id === 'ua-hr-2024' && inForceAt(a, at)),
      'Croatia is in force at the instant',
    );
    assert.equal(res.obligations.filter((o) => o.record_id === 'ua-hr-2024').length, 0);
    const us = res.obligations.find((o) => o.record_id === 'ua-us-2024' && o.promisor === 'US' && o.kind === 'consult');
    assert.ok(us, 'the US agreement has a consultation obligation');
    assert.match(us.qualifier ?? '', /where possible/i);
  });

  it('no obligation rests on a discretionary clause (may, may mutually decide, recital); each is an option', () => {
    const res = evaluate(reg, event({ type: 'armed_attack', at, aggressor: 'RU' }));
    const discretionary = /\bmay\b|^\W*recogni[sz]ing/i;
    for (const o of res.obligations) assert.doesNotMatch(o.quote, discretionary, `${o.id} rests on ${o.quote}`);
    // Every answering clause in force worded "may" surfaces as an option instead, with its own quote.
    const mayClauses = reg.agreements
      .filter((a) => inForceAt(a, at))
      .flatMap((a) =>
        a.provisions.filter((p) => p.mechanism && /\bmay\b/i.test(p.quote)).map((p) => `${a.id}/${p.id}`),
      );
    assert.ok(mayClauses.length > 0, 'the data has a clause worded may');
    for (const k of mayClauses)
      assert.ok(
        res.options.some((o) => `${o.record_id}/${o.provision_id}` === k),
        `${k} is an option`,
      );
    for (const o of res.options) assert.match(o.id, /^opt-/);
  });

  it("the UK's assist row carries the clause's qualifier", () => {
    const res = evaluate(reg, event({ type: 'armed_attack', at, aggressor: 'RU' }));
    const gb = res.obligations.find((o) => o.record_id === 'ua-gb-2024' && o.kind === 'assist');
    assert.ok(gb, 'the UK owes assistance');
    const hedge = /acting in accordance with its legal and constitutional requirements/;
    assert.match(gb.quote, hedge);
    assert.match(gb.qualifier ?? '', hedge);
  });

  it('ids are deterministic and the same event in another zone spelling has the same id', () => {
    const a = evaluate(reg, event({ type: 'armed_attack', at, aggressor: 'RU' }));
    const b = evaluate(reg, event({ type: 'armed_attack', at: '2027-03-01T06:00:00+02:00', aggressor: 'RU' }));
    assert.equal(a.event.id, b.event.id);
    assert.deepEqual(
      a.obligations.map((o) => o.id),
      b.obligations.map((o) => o.id),
    );
    assert.equal(new Set(a.obligations.map((o) => o.id)).size, a.obligations.length, 'obligation ids are unique');
  });
});

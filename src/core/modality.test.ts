// Modality and qualifiers read from clause wording: paraphrases, and the real quotes of the bundled registry.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadRegistry } from '../data/load-registry.js';
import { isDiscretionary, modalityOf, qualifiersOf, readModality, readQualifiers } from './modality.js';
import type { Registry } from './model.js';

describe('readModality on paraphrases', () => {
  const cases: [string, string | null, boolean][] = [
    ['the Participants will consult within 24 hours to determine appropriate next steps', 'will', false],
    ['The Parties may mutually decide to develop and implement additional responses', 'may_mutually_decide', false],
    ['The Parties may jointly agree to hold exercises', 'may_mutually_decide', false],
    ['The Participants may hold consultations', 'may', false],
    ['The Japanese side intends, in accordance with its requirements, to provide assistance', 'intend', false],
    ['The Participants intend to provide swift and sustained security assistance', 'intend', false],
    ['it would provide Ukraine with swift and sustained security assistance', 'would', false],
    ['the Parties shall immediately meet at the most senior levels', 'shall', false],
    ['Ukraine will not host foreign bases', 'will', true],
    ['The Parties shall not use force', 'shall', true],
    ["Recognising that Russia's aggression is a threat to Euro-Atlantic security", 'recital', false],
    ['Reaffirming their commitment to the UN Charter, the Participants will consult', 'recital', false],
    ["la France s'engage à tenir des consultations dans les 24h", 'will', false],
    ['A mechanism for 24-hour emergency response has been defined.', null, false],
  ];
  for (const [quote, want, negated] of cases)
    it(`"${quote.slice(0, 50)}…" -> ${want}${negated ? ' (negated)' : ''}`, () => {
      const r = readModality(quote);
      assert.equal(r.modality, want);
      assert.equal(r.negated, negated);
      if (want) assert.ok(r.cue && quote.toLowerCase().includes(r.cue.split(' ')[0]!), `cue ${r.cue} is in the quote`);
    });
  it('may, may mutually decide and recitals are discretionary; shall, will, would, intend are not', () => {
    for (const m of ['may', 'may_mutually_decide', 'recital'] as const) assert.equal(isDiscretionary(m), true);
    for (const m of ['shall', 'will', 'would', 'intend'] as const) assert.equal(isDiscretionary(m), false);
    assert.equal(isDiscretionary(null), false);
  });
  it('a coded modality takes precedence over the quote', () => {
    assert.deepEqual(modalityOf({ quote: 'the Parties may decide', modality: 'will' }), {
      modality: 'will',
      origin: 'coded',
      cue: null,
    });
    assert.equal(modalityOf({ quote: 'the Parties may decide', modality: undefined }).origin, 'derived');
  });
});

describe('readQualifiers', () => {
  it('finds the hedges as written, once each, in text order', () => {
    const q =
      'Germany affirms that in those circumstances and acting in accordance with its legal and constitutional requirements and in accordance with international and European law, it would provide Ukraine as appropriate, subject to parliamentary approval, with support within its means and capabilities';
    assert.deepEqual(readQualifiers(q), [
      'acting in accordance with its legal and constitutional requirements',
      'in accordance with international and European law',
      'as appropriate',
      'subject to parliamentary approval',
      'within its means and capabilities',
    ]);
    assert.deepEqual(readQualifiers('the Parties shall meet, where possible within 24 hours'), [
      'where possible within 24 hours',
    ]);
  });
  it('does not repeat a coded qualifier in other words', () => {
    const p = {
      quote:
        'at the request of either of the Participants, the Participants will consult, where possible within 24 hours',
      qualifiers: ['at the request of either participant', 'where possible (within 24 hours)'],
    };
    assert.deepEqual(qualifiersOf(p), p.qualifiers);
  });
});

describe('on the bundled registry', () => {
  let reg: Registry;
  before(async () => {
    const r = await loadRegistry(join(import.meta.dirname, '..', '..', 'data'));
    reg = r.registry!;
  });
  const provision = (record: string, id: string) => {
    const p = reg.agreements.find((a) => a.id === record)?.provisions.find((x) => x.id === id);
    assert.ok(p, `${record}/${id} exists`);
    return p;
  };
  it("the US 'may mutually decide' response clause reads as discretionary", () => {
    const p = provision('ua-us-2024', 'response_to_attack');
    assert.match(p.quote, /may mutually decide/);
    assert.equal(modalityOf(p).modality, 'may_mutually_decide');
  });
  it("the US consultation reads 'shall'; the UK's assist 'would' with its legal and constitutional hedge", () => {
    assert.equal(modalityOf(provision('ua-us-2024', 'consultations_on_attack')).modality, 'shall');
    const gb = provision('ua-gb-2024', 'response_to_attack');
    assert.equal(modalityOf(gb).modality, 'would');
    const hedge = qualifiersOf(gb).find((q) => /legal and constitutional requirements/.test(q));
    assert.ok(hedge && gb.quote.includes(hedge), `hedge ${hedge} is quoted from the clause`);
  });
  it("Japan's assist clause reads 'intend'", () => {
    assert.equal(modalityOf(provision('ua-jp-2024', 'response_to_attack')).modality, 'intend');
  });
  it('every qualifier read from a quote is a passage of that quote', () => {
    for (const a of reg.agreements)
      for (const p of a.provisions)
        for (const q of readQualifiers(p.quote))
          assert.ok(p.quote.replace(/\s+/g, ' ').includes(q), `${a.id}/${p.id}: ${q}`);
  });
});

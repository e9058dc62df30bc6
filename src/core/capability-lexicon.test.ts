// The capability lexicon: systems and phrases to capabilities, contradictions with coded tags, load-time tagging
// and the capability a ledger line inherits from its clause.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadRegistry } from '../data/load-registry.js';
import { contradictedTags, lexiconCapabilities, tagCapabilities, tagContradictions } from './capability-lexicon.js';
import { inheritedCapability } from './ledger/coverage.js';
import type { Registry } from './model.js';

describe('lexicon', () => {
  const cases: [string, string][] = [
    ['including NASAMS', 'integrated_air_missile_defence'],
    ['a PATRIOT system', 'integrated_air_missile_defence'],
    ['IRIS-T SLM launchers', 'integrated_air_missile_defence'],
    ['SAMP/T batteries', 'integrated_air_missile_defence'],
    ['Hawk missiles', 'integrated_air_missile_defence'],
    ['a layered, integrated air and missile defense system', 'integrated_air_missile_defence'],
    ['F-16 training', 'air_force'],
    ['Mirage 2000 aircraft', 'air_force'],
    ['JAS 39 Gripen', 'air_force'],
    ['155mm howitzers', 'artillery'],
    ['artillery shells', 'artillery'],
    ['Leopard tanks', 'armour'],
    ['infantry fighting vehicles', 'armour'],
    ['long-range drones', 'drones'],
    ['UAVs', 'drones'],
    ['humanitarian demining', 'demining'],
    ['naval capabilities', 'maritime'],
    ['the IT Capability Coalition', 'it'],
    ['cyber defence', 'it'],
  ];
  for (const [text, cap] of cases)
    it(`"${text}" -> ${cap}`, () =>
      assert.ok(
        lexiconCapabilities(text).some((h) => h.capability === cap),
        JSON.stringify(lexiconCapabilities(text)),
      ));
  it('anti-aircraft is air defence, not the air force; "it" in prose is not IT', () => {
    assert.deepEqual(
      lexiconCapabilities('anti-aircraft guns').map((h) => h.capability),
      ['integrated_air_missile_defence'],
    );
    assert.deepEqual(lexiconCapabilities('it will provide support'), []);
  });
  it('a coded tag contradicted within its family fails; other domains listed contradict nothing', () => {
    const us = { quote: 'a layered, integrated air and missile defense system', capabilities: ['air_force' as const] };
    assert.equal(contradictedTags(us)[0]?.tag, 'air_force');
    const domains = {
      quote: 'across the land, air and sea, space and cyber domains',
      capabilities: ['artillery' as const],
    };
    assert.deepEqual(contradictedTags(domains), []);
  });
});

describe('the bundled registry as loaded', () => {
  let reg: Registry;
  before(async () => {
    reg = (await loadRegistry(join(import.meta.dirname, '..', '..', 'data'))).registry!;
  });
  const provision = (record: string, id: string) =>
    reg.agreements.find((a) => a.id === record)!.provisions.find((p) => p.id === id)!;
  it('the US, Norway and Romania air-defence clauses are integrated air and missile defence, none air_force', () => {
    for (const rec of ['ua-us-2024', 'ua-no-2024', 'ua-ro-2024']) {
      const p = provision(rec, 'air_defence');
      assert.ok(p.capabilities.includes('integrated_air_missile_defence'), rec);
      assert.ok(!p.capabilities.includes('air_force'), rec);
      assert.equal(
        p.capability_origin?.integrated_air_missile_defence,
        'both',
        `${rec}: coded and read from the quote`,
      );
    }
  });
  it('no coded tag contradicts the lexicon; every provision carries the origin of each tag', () => {
    assert.deepEqual(tagContradictions(reg), []);
    for (const a of reg.agreements)
      for (const p of a.provisions)
        assert.deepEqual(Object.keys(p.capability_origin ?? {}).sort(), [...p.capabilities].sort(), `${a.id}/${p.id}`);
  });
  it('effective tags are coded ∪ lexicon: tagging twice changes nothing', () => {
    assert.deepEqual(tagCapabilities(reg), reg);
  });
  it('a ledger line inherits the one capability of its clause, keeps its own, and not one of several', () => {
    assert.equal(inheritedCapability(null, ['drones']), 'drones');
    assert.equal(inheritedCapability('artillery', ['drones']), 'artillery');
    assert.equal(inheritedCapability(null, ['artillery', 'armour']), null);
    assert.equal(inheritedCapability(null, null), null);
  });
});

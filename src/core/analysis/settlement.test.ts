// Settlement rules read the term's text, not only its kind; every term gets exactly one of four verdicts; territorial
// terms are held against the territorial-integrity provisions; accepted terms imply scenario operations.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSettlement } from '../../analysis/config.js';
import { loadRegistry } from '../../data/load-registry.js';
import type { Registry } from '../model.js';
import { bindingOf, checkSettlement, NO_RULE, VERDICTS } from './settlement.js';

const real = (await loadRegistry('data')).registry!;

/** The registry without any territorial-integrity provision (as it stood before that area was coded). */
const withoutTerritory: Registry = {
  ...real,
  agreements: real.agreements.map((a) => ({
    ...a,
    provisions: a.provisions.filter(
      (p) =>
        p.area !== 'territorial_integrity' &&
        !/territorial integrity|internationally recogni[sz]ed borders|1991 borders/i.test(p.quote),
    ),
  })),
};

/**
 * A fixture registry: every agreement whose text is in data/texts gets one territorial-integrity provision, quoting
 * the first paragraph of its text that names territorial integrity.
 */
const quoted = new Map<string, { quote: string; where: string }>();
for (const a of withoutTerritory.agreements) {
  if (!a.text.file) continue;
  let lines: string[];
  try {
    lines = readFileSync(join('data', a.text.file), 'utf8').split('\n');
  } catch {
    continue;
  }
  const i = lines.findIndex((l) => /territorial integrity/i.test(l));
  if (i >= 0) quoted.set(a.id, { quote: lines[i]!.trim(), where: `line ${i + 1}` });
}
const fixture: Registry = {
  ...withoutTerritory,
  agreements: withoutTerritory.agreements.map((a) => {
    const q = quoted.get(a.id);
    if (!q) return a;
    return {
      ...a,
      provisions: [
        ...a.provisions,
        {
          id: 'territorial_integrity',
          area: 'territorial_integrity',
          capabilities: [],
          polarity: 'positive',
          promisors: [a.partner],
          promisees: ['UA'],
          mechanism: null,
          qualifiers: [],
          amounts: [],
          quote: q.quote,
          where: q.where,
          source: a.provisions[0]?.source ?? a.sources[0]!.id,
          evidence: 'primary',
          doubt: null,
        },
      ],
    };
  }),
};

const check = (reg: Registry, terms: { kind: string; text: string }[]) =>
  checkSettlement(
    reg,
    {
      id: 't',
      title: 't',
      date: '2026',
      proponent: 'p',
      status: 'draft',
      sources: [],
      terms: terms.map((t) => ({ ...t, source: 'https://example.org' })),
    },
    '2026-01-01',
  );
const finding = (kind: string, text: string, reg: Registry = real) => check(reg, [{ kind, text }]).findings[0]!;

test('the fixture has territorial provisions of legal, political and unknown force (else the tests below say nothing)', () => {
  const forces = new Set(fixture.agreements.filter((a) => quoted.has(a.id)).map(bindingOf));
  assert.ok(quoted.size >= 5, `${quoted.size} texts name territorial integrity`);
  assert.ok(forces.has('legal') && forces.has('political'), [...forces].join(','));
});

// Wordings of our own, none taken from the bundled files.
const TERRITORIAL_CONFLICTS: [string, string][] = [
  ['other', 'The occupied peninsula of Crimea is acknowledged as part of Russia by all signatories.'],
  ['other', 'Washington formally recognises Russian sovereignty over Sevastopol and the Crimean peninsula.'],
  ['other', 'Donetsk and Luhansk oblasts shall be recognized de facto as Russian territory.'],
  ['other', 'The parties accept de facto Russian control of the annexed regions pending a final treaty.'],
  ['ceasefire', "Kyiv's troops withdraw from the remaining parts of the Donbas within 30 days."],
  ['other', 'Ukraine hands over the Ukrainian-held part of Zaporizhzhia oblast to the Russian Federation.'],
  ['other', 'The territory west of the Dnipro in Kherson region is transferred to Russia.'],
  ['other', 'The current front line becomes the new state border between the two countries.'],
  ['other', 'Zaporizhzhia and Kherson regions are frozen along the existing line of contact.'],
  [
    'foreign_troops_ban',
    'A demilitarised zone is created in northern Donetsk, administered by Russian police and the National Guard.',
  ],
  ['territorial_recognition', 'Recognition of the four regions annexed in 2022.'],
];

test('territorial wordings: recognition (de jure or de facto), cession, withdrawal, a line as border, a Russian-held zone -> conflict', () => {
  for (const [kind, text] of TERRITORIAL_CONFLICTS) {
    const f = finding(kind, text, fixture);
    assert.equal(f.verdict, 'conflict', `${text}: ${f.verdict} (${f.why})`);
    assert.ok(
      f.assessments.some((a) => a.rule.startsWith('territory:') && a.verdict === 'conflict'),
      text,
    );
    // Held against every territorial-integrity provision of the fixture, each named with its quote.
    const cited = f.provisions.filter((p) => p.area === 'territorial_integrity');
    assert.deepEqual(new Set(cited.map((p) => p.agreement)), new Set(quoted.keys()), text);
    for (const p of cited) assert.equal(p.quote, quoted.get(p.agreement)!.quote);
  }
});

test('a territorial conflict says whether it goes against legal or political commitments (from the legal force)', () => {
  const f = finding('territorial_cession', 'Ukraine cedes the Donbas.', fixture);
  const ids = (b: string) =>
    [...quoted.keys()].filter((id) => bindingOf(fixture.agreements.find((a) => a.id === id)!) === b).sort();
  assert.deepEqual(f.against, { legal: ids('legal'), political: ids('political'), unknown: ids('unknown') });
  assert.equal(f.commitment, 'legal_and_political');
  assert.match(f.why, /legal commitments of/);
  assert.match(f.why, /political commitments of/);
  // Only political agreements hold the commitment: the verdict says political.
  const political: Registry = {
    ...fixture,
    agreements: fixture.agreements.map((a) =>
      bindingOf(a) === 'political'
        ? a
        : { ...a, provisions: a.provisions.filter((p) => p.area !== 'territorial_integrity') },
    ),
  };
  const g = finding('territorial_cession', 'Ukraine cedes the Donbas.', political);
  assert.equal(g.commitment, 'political');
  assert.deepEqual(g.against!.legal, []);
});

test('refusals and restorations are compatible; a ceasefire line, talks on territory, a swap are tension', () => {
  for (const text of [
    'The signatories will never recognise the annexed territories as Russian.',
    'Russian forces pull out of Kharkiv and Sumy oblasts.',
    "Ukraine's territorial integrity within its 1991 borders is reaffirmed.",
  ])
    assert.equal(finding('other', text, fixture).verdict, 'compatible', text);
  for (const text of [
    'Hostilities cease along the present line of contact, without prejudice to either side.',
    'The status of Crimea is left to negotiations over ten years.',
    'Land swaps between the parties around Kupiansk and Kursk.',
    'A 20 km buffer zone either side of the contact line, patrolled by UN monitors.',
  ])
    assert.equal(finding('other', text, fixture).verdict, 'tension', text);
  // A contrast keeps what the term does not do out of the reading.
  assert.equal(
    finding('other', 'Talks begin from the line of contact rather than recognising any area as Russian.', fixture)
      .verdict,
    'tension',
  );
});

test('with no territorial-integrity provision coded, a territorial term is unassessed, saying why (never none)', () => {
  const f = finding('territorial_recognition', 'Crimea recognised as Russian.', withoutTerritory);
  assert.equal(f.verdict, 'unassessed');
  assert.equal(f.assessed, false);
  assert.match(f.why, /no coded provision in territorial_integrity/);
});

test('no verdict without a rule: a term no rule covers is unassessed with the reason; counts carry all four verdicts', () => {
  const c = check(real, [
    { kind: 'other', text: 'European fighter aircraft to be based in Poland.' },
    { kind: 'a_kind_nobody_wrote', text: 'Something new.' },
    { kind: 'sanctions_relief', text: 'All sanctions lifted at once' },
  ]);
  assert.deepEqual(
    c.findings.map((f) => f.verdict),
    ['unassessed', 'unassessed', 'conflict'],
  );
  for (const f of c.findings.slice(0, 2)) {
    assert.ok(f.why.startsWith(NO_RULE), f.why);
    assert.deepEqual(f.provisions, []);
  }
  assert.deepEqual(Object.keys(c.counts).sort(), [...VERDICTS].sort());
  assert.deepEqual(c.counts, { conflict: 1, tension: 0, compatible: 0, unassessed: 2 });
});

test('every bundled settlement: each term gets exactly one of the four verdicts; counts add up', async () => {
  for (const dir of ['data/settlements', '../shared/data/settlements']) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    } catch {
      continue;
    }
    for (const file of files) {
      const s = (await loadSettlement(join(dir, file), '.')).value!;
      for (const reg of [real, fixture]) {
        const c = checkSettlement(reg, s, '2026-01-01');
        assert.equal(c.findings.length, s.terms.length);
        for (const f of c.findings) {
          assert.ok((VERDICTS as readonly string[]).includes(f.verdict), `${file} #${f.index}: ${f.verdict}`);
          assert.equal(f.assessed, f.verdict !== 'unassessed');
          if (f.verdict === 'unassessed') assert.ok(f.why.length > 0);
        }
        assert.equal(
          VERDICTS.reduce((n, v) => n + c.counts[v], 0),
          s.terms.length,
          file,
        );
      }
    }
  }
});

test('sanctions: lifted at once conflicts; lifted gradually and restored on a new attack is tension', () => {
  assert.equal(finding('sanctions_relief', 'All sanctions lifted at once').verdict, 'conflict');
  assert.equal(
    finding('sanctions_relief', 'Sanctions lifted gradually, restored if Russia attacks again').verdict,
    'tension',
  );
  assert.equal(finding('sanctions_relief', 'Sanctions eased in stages, case by case').verdict, 'tension');
});

test('frozen assets: immobilised until Russia pays is compatible; unfrozen conflicts', () => {
  assert.equal(
    finding('frozen_assets', 'Assets remain immobilised until Russia pays for the damage').verdict,
    'compatible',
  );
  assert.equal(finding('frozen_assets', 'Russian assets unfrozen and returned').verdict, 'conflict');
});

test('amnesty: a full amnesty for wartime acts conflicts with the accountability provisions; one excluding war crimes does not', () => {
  const f = finding('amnesty', 'Everyone involved gets a full amnesty for acts committed during the war.');
  assert.equal(f.verdict, 'conflict');
  assert.ok(f.provisions.length > 0 && f.provisions.every((p) => p.area === 'accountability_war_crimes'));
  assert.equal(finding('amnesty', 'An amnesty for combatants, except for war crimes').verdict, 'compatible');
  // The same words in a term of kind `other` are read by the text rules.
  assert.equal(finding('other', 'A blanket amnesty for all sides.').verdict, 'conflict');
});

test('a conflict cites provisions of the areas it weighs, with their quotes', () => {
  const f = finding('neutrality', 'Ukraine adopts permanent neutrality');
  assert.equal(f.verdict, 'conflict');
  assert.ok(
    f.provisions.length > 0 && f.provisions.every((p) => p.area.startsWith('nato_accession') && p.quote.length > 0),
  );
});

test('abrogation implies terminating every agreement at the acceptance date; compatible terms imply nothing', () => {
  const c = checkSettlement(
    real,
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
  assert.deepEqual(c.counts, { conflict: 1, tension: 0, compatible: 1, unassessed: 0 });
});

test('a lighter verdict never hides a graver reading that found nothing to weigh: the term stays unassessed', () => {
  const text = 'A truce takes effect once Ukrainian troops leave the Donbas.';
  const f = finding('ceasefire', text, withoutTerritory);
  assert.equal(f.verdict, 'unassessed');
  assert.match(f.why, /cedes Ukrainian territory.*no coded provision in territorial_integrity/);
  assert.match(f.why, /kind:ceasefire alone: compatible/);
  assert.equal(finding('ceasefire', text, fixture).verdict, 'conflict');
  assert.equal(finding('ceasefire', 'A ceasefire monitored by the OSCE.', withoutTerritory).verdict, 'compatible');
});

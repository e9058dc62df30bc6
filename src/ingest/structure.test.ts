// Structure: locators from the text's own numbering, and section ids that survive edits elsewhere.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBlocks } from './structure.js';

const TEXT = [
  'AGREEMENT ON SECURITY COOPERATION',
  'BETWEEN FREEDONIA AND UKRAINE',
  'Preamble',
  'Freedonia and Ukraine (the Participants):',
  'recognising the need for peace;',
  'Part I. Defence',
  'Defence and Military Cooperation',
  '1. Freedonia will provide military support.',
  '2. The Participants will cooperate:',
  '(i) on training;',
  '(ii) on exercises.',
  'Maritime Security',
  '1. Freedonia will lead the Maritime Security Capability Coalition.',
  'Part II. Final Provisions',
  '1. This Agreement is valid for ten years from the date of its signature.',
  'Signed in Kyiv on 1 March 2024.',
];

test('locators and eIds follow parts, headings, numbers and items', () => {
  const { blocks } = buildBlocks(TEXT);
  const by = (s: string) => blocks.find((b) => b.text.startsWith(s))!;
  assert.equal(by('recognising').where, 'Preamble');
  assert.equal(by('2. The Participants').where, 'Part I > Defence and Military Cooperation > 2');
  assert.equal(by('(ii)').where, 'Part I > Defence and Military Cooperation > 2 > (ii)');
  assert.equal(by('(ii)').eid, 'part_1__sec_defence-and-military-cooperation__para_2__subpara_ii');
  assert.equal(by('1. Freedonia will lead').eid, 'part_1__sec_maritime-security__para_1');
  assert.equal(by('Signed').role, 'signature');
  assert.equal(by('AGREEMENT').role, 'title');
});

test('inserting a paragraph elsewhere leaves other section ids unchanged', () => {
  const before = buildBlocks(TEXT).blocks;
  const edited = [...TEXT];
  edited.splice(8, 0, 'Freedonia will also help with logistics.');
  edited.splice(13, 0, 'The Participants will share information.');
  const after = buildBlocks(edited).blocks;
  const ids = (bs: typeof before) => new Map(bs.map((b) => [b.text, b.eid]));
  const a = ids(after);
  for (const [text, eid] of ids(before)) assert.equal(a.get(text), eid, text);
});

test('running numbers across headings drop the heading from the locator', () => {
  const { blocks } = buildBlocks([
    'Scope',
    '1. One.',
    '2. Two.',
    'Sanctions',
    '3. Freedonia will work for the strongest possible sanctions.',
  ]);
  assert.equal(blocks.at(-1)!.where, '3');
});

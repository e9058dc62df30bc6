// What text may be stored and hashed: checked per character, normalised to NFC with LF line ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeDraftText, normalizeText, textProblem } from './text.js';

test('lone surrogates, NUL and control characters are refused; tab and newline only in free text', () => {
  assert.match(textProblem('a\ud800b')!.problem, /lone UTF-16 surrogate U\+D800/);
  assert.match(textProblem('a\udc00')!.problem, /lone UTF-16 surrogate U\+DC00/);
  assert.equal(textProblem('a\ud83d\ude00b'), null, 'a surrogate pair is one character');
  assert.deepEqual(textProblem('ab\u0000'), { problem: 'the NUL character U+0000', at: 2 });
  assert.match(textProblem('\u0007')!.problem, /U\+0007/);
  assert.match(textProblem('\u0085')!.problem, /U\+0085/);
  assert.equal(textProblem('a\tb\nc', 'text'), null);
  assert.ok(textProblem('a\tb', 'line'));
  assert.ok(textProblem('a\rb', 'text'));
  assert.equal(textProblem('a\r\n\tb\u0085', 'transport'), null);
  assert.ok(textProblem('a\u0000', 'transport'));
});

test('normalised text is NFC with LF line ends, and normalising twice changes nothing', () => {
  const r = normalizeText('Cafe\u0301\r\nx\ry');
  assert.deepEqual(r, { ok: true, value: 'Caf\u00e9\nx\ny' });
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (s) => {
      const a = normalizeText(s);
      if (!a.ok) return;
      assert.deepEqual(normalizeText(a.value), a);
      assert.equal(a.value, a.value.normalize('NFC'));
      assert.equal(textProblem(a.value), null);
    }),
  );
});

test('a draft: every string field normalised; an issue names each bad field', () => {
  const { draft, issues } = normalizeDraftText({ ref: 'r1', note: 'e\u0301', item: 'x\u0000', amount: null, n: 3 });
  assert.equal(draft.note, '\u00e9');
  assert.deepEqual(
    issues.map((i) => [i.code, i.path]),
    [['schema', ['item']]],
  );
  assert.ok(normalizeDraftText({ ref: 'a\tb' }).issues.length, 'a ref is one line');
});

// Provision or not: negated provisions, refusals that are commitments, and preamble recitals.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negated, readSentence } from './commitment.js';

test('negated provisions commit to nothing', () => {
  for (const s of [
    'Aldoria will not transfer air defence systems under this Treaty.',
    'Fennoria will not take part in the demining of Ukrainian territory under this Agreement.',
    'Nothing in this Agreement commits Fennoria to impose sanctions beyond those of the European Union.',
    "This Agreement does not address the question of Ukraine's membership of NATO.",
  ]) {
    assert.ok(negated(s), s);
    assert.equal(readSentence(s).weight, 0, s);
  }
});

test('refusals that are commitments, and mixed sentences, still count', () => {
  for (const s of [
    'The Participants will not recognise any attempt to change borders by force.',
    'Canada will not only provide equipment but also train personnel.',
    'Norway will continue to provide ammunition and will not reduce its support.',
  ]) {
    assert.ok(!negated(s), s);
    assert.ok(readSentence(s).weight > 0, s);
  }
});

test('a preamble recital naming an area is not a provision', () => {
  const r = readSentence('Recalling the importance of maritime security in the Black Sea,', { preamble: true });
  assert.equal(r.weight, 0);
});

// Exact money arithmetic: parsing, formatting, conversion and splitting never lose a cent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalAmount, convertMinor, fromMinor, isAmount, ratio, splitMinor, toMinor } from './money.js';

test('amounts parse to hundredths and format back canonically', () => {
  assert.equal(toMinor('2500000000'), 250000000000n);
  assert.equal(toMinor('-12.5'), -1250n);
  assert.equal(fromMinor(-1250n), '-12.50');
  assert.equal(canonicalAmount('7.1'), '7.10');
  assert.equal(isAmount('1e9'), false);
  assert.equal(isAmount('1.234'), false);
  assert.throws(() => toMinor('abc'));
});

test('round trip holds for any number of cents', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (v) => toMinor(fromMinor(v)) === v));
});

test('conversion divides by the rate and rounds half to even at the cent', () => {
  // GBP 2.5bn at 0.84 GBP per EUR = EUR 2,976,190,476.19 (2.5e9 / 0.84 = 2976190476.190476...)
  assert.equal(fromMinor(convertMinor(toMinor('2500000000'), '0.84')), '2976190476.19');
  assert.equal(convertMinor(1n, '2'), 0n); // 0.5 cent rounds to even 0
  assert.equal(convertMinor(3n, '2'), 2n); // 1.5 cents rounds to even 2
  assert.equal(convertMinor(-3n, '2'), -2n);
});

test('splitting keeps the sum exact', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 0n, max: 10n ** 15n }),
      fc.integer({ min: 1, max: 12 }),
      (v, n) => splitMinor(v, n).reduce((a, b) => a + b, 0n) === v,
    ),
  );
  assert.deepEqual(splitMinor(100n, 3), [33n, 33n, 34n]);
});

test('ratio is exact and null on a zero denominator', () => {
  assert.equal(ratio(1n, 3n), '0.3333');
  assert.equal(ratio(2n, 3n), '0.6667');
  assert.equal(ratio(1n, 0n), null);
});

// Amount grammar: currencies before and after the number, multipliers, decimal commas and vague amounts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAmounts, parseAmount, parseNumber, wordsToNumber } from './amounts.js';

test('parses amounts as agreements write them', () => {
  const cases: [string, number | null, string][] = [
    ['£2.5bn', 2.5e9, 'GBP'],
    ['EUR 1.2 billion', 1.2e9, 'EUR'],
    ['NOK 13.5 billion', 13.5e9, 'NOK'],
    ['7.1 billion euro', 7.1e9, 'EUR'],
    ['more than 5 billion euro', 5e9, 'EUR'],
    ['more than EUR 1,5 million', 1.5e6, 'EUR'],
    ['180,000 EUR', 180000, 'EUR'],
    ['at least EUR 1.8 billon', 1.8e9, 'EUR'],
    ['over 12 billion US dollars', 12e9, 'USD'],
    ['more than £640m', 640e6, 'GBP'],
    ['several billion euro', null, 'EUR'],
  ];
  for (const [text, amount, currency] of cases) assert.deepEqual(parseAmount(text), { amount, currency }, text);
});

test('a bare dollar sign is the partner dollar', () => {
  assert.deepEqual(parseAmount('$3.02B', 'CAD'), { amount: 3.02e9, currency: 'CAD' });
  assert.deepEqual(parseAmount('$3.02B'), { amount: 3.02e9, currency: 'USD' });
});

test('numbers without a currency are not money', () => {
  assert.equal(findAmounts('Poland has accepted over 1,6 million persons and 200.000 people in 2024.').length, 0);
});

test('keeps the qualifier in the amount text and finds every amount in order', () => {
  const found = findAmounts('In 2022 the UK provided £2.3bn; in 2024 it will provide more than £2.5bn.');
  assert.deepEqual(
    found.map((a) => a.text),
    ['£2.3bn', 'more than £2.5bn'],
  );
});

test('thousands separators and decimal commas', () => {
  assert.equal(parseNumber('1,5'), 1.5);
  assert.equal(parseNumber('180,000'), 180000);
  assert.equal(parseNumber('200.000'), 200000);
  assert.equal(parseNumber('3.02'), 3.02);
});

test('amounts written in words', () => {
  const cases: [string, number, string][] = [
    ['two hundred and fifty million euros', 250e6, 'EUR'],
    ['more than four hundred million euros', 400e6, 'EUR'],
    ['three billion euros', 3e9, 'EUR'],
    ['seventy-five million Australian dollars', 75e6, 'AUD'],
    ['up to five hundred million Danish kroner', 500e6, 'DKK'],
    ['half a billion euros', 0.5e9, 'EUR'],
  ];
  for (const [text, amount, currency] of cases) assert.deepEqual(parseAmount(text), { amount, currency }, text);
  assert.equal(wordsToNumber('two hundred and fifty'), 250);
  assert.equal(wordsToNumber('ninety-nine'), 99);
  assert.equal(wordsToNumber('many'), null);
});

test('ranges are coded at their lower bound, with the unit and currency of either end', () => {
  assert.deepEqual(parseAmount('between EUR 300 and 400 million'), { amount: 300e6, currency: 'EUR' });
  assert.deepEqual(parseAmount('between 40 and 60 million Swiss francs'), { amount: 40e6, currency: 'CHF' });
  assert.equal(findAmounts('between 2025 and 2027').length, 0);
});

test('currencies named by words and less common codes', () => {
  assert.deepEqual(parseAmount('1.2 billion Swiss francs'), { amount: 1.2e9, currency: 'CHF' });
  assert.deepEqual(parseAmount('SEK 2 billion per year'), { amount: 2e9, currency: 'SEK' });
  assert.deepEqual(parseAmount('300 million Swedish kronor'), { amount: 300e6, currency: 'SEK' });
  assert.deepEqual(parseAmount('KRW 5 billion'), { amount: 5e9, currency: 'KRW' });
  assert.deepEqual(parseAmount('10 million kroner'), { amount: 10e6, currency: 'NOK' });
});

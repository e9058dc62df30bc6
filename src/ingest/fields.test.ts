// Record fields read from text: dates in other forms, terms stated as end dates, consultation deadlines.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consultationHours, parseDate, termYears, yearsBetween } from './fields.js';

test('dates written with ordinal words or "day of"', () => {
  assert.equal(parseDate('Signed at Valdor, this fifth day of November 2024, in two originals'), '2024-11-05');
  assert.equal(parseDate('Done at Puglia, Italy, this 13th day of June, 2024'), '2024-06-13');
  assert.equal(parseDate('this twenty-first day of March 2025'), '2025-03-21');
  assert.equal(parseDate('Kyiv, July 3, 2025'), '2025-07-03');
});

test('a term stated as an end date is whole years from signature', () => {
  assert.equal(termYears('This Treaty shall remain in force until 31 December 2034.', '2024-11-05'), 10);
  assert.equal(termYears('It remains valid until 31 December 2029.', '2025-03-14'), 5);
  assert.equal(termYears('It remains in effect until 17 December 2035.', '2025-12-18'), 10);
  // Without a signing date an end date gives no number of years; an end date before signature is ignored.
  assert.equal(termYears('It remains valid until 31 December 2029.', null), null);
  assert.equal(termYears('It remains valid until 31 December 2020.', '2024-01-01'), null);
  assert.equal(yearsBetween('2024-01-12', '2034-01-11'), 10);
});

test('stated terms in other words', () => {
  assert.equal(termYears('This Agreement shall remain in force 10 years from entry into force.'), 10);
  assert.equal(termYears('This Agreement will be valid for a period of five years.'), 5);
});

test('consultation deadlines in days and hours, with other verbs', () => {
  assert.equal(consultationHours('the Participants will consult within one day, at the request of either'), 24);
  assert.equal(consultationHours('the Participants will consult within one (1) day to decide'), 24);
  assert.equal(consultationHours('will hold consultations no later than 48 hours after a request'), 48);
  assert.equal(consultationHours('shall hold consultations within forty-eight (48) hours'), 48);
  assert.equal(consultationHours('shall immediately meet, where possible within 24 hours, at the most senior'), 24);
  assert.equal(consultationHours('the Participants will consult with-\nin 24 hours to agree'), 24);
  assert.equal(consultationHours('The Participants will consult regularly on defence matters.'), null);
});

// The lifecycle as a pure function of transitions and the clock; event ids; countdowns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventId, makeEvent } from './event.js';
import { checkTransition, countdown, statusAsOf } from './status.js';
import type { Transition } from './types.js';

const ob = { due: '2027-03-02T04:00:00Z', event_at: '2027-03-01T04:00:00Z' };
const t = (to: Transition['to'], at: string): Transition => ({ obligation_id: 'ob-x', to, at, note: null });

test('pending until due, overdue after, fulfilled or fulfilled_late by the fulfilment instant', () => {
  assert.equal(statusAsOf(ob, [], '2027-03-02T04:00:00Z'), 'pending');
  assert.equal(statusAsOf(ob, [], '2027-03-02T04:00:01Z'), 'overdue');
  assert.equal(statusAsOf(ob, [t('fulfilled', '2027-03-01T20:00:00Z')], '2027-03-03T00:00:00Z'), 'fulfilled');
  assert.equal(statusAsOf(ob, [t('fulfilled', '2027-03-02T06:00:00Z')], '2027-03-03T00:00:00Z'), 'fulfilled_late');
  assert.equal(
    statusAsOf(ob, [t('fulfilled', '2027-03-02T06:00:00Z')], '2027-03-02T05:00:00Z'),
    'overdue',
    'a later transition does not count yet',
  );
  assert.equal(statusAsOf({ due: null }, [], '2099-01-01T00:00:00Z'), 'pending', 'no deadline never goes overdue');
});

test('breach needs an explicit transition unless a grace is configured', () => {
  assert.equal(statusAsOf(ob, [], '2027-03-10T00:00:00Z'), 'overdue');
  assert.equal(statusAsOf(ob, [], '2027-03-10T00:00:00Z', { breachGraceMs: 48 * 3600_000 }), 'breached');
  assert.equal(statusAsOf(ob, [], '2027-03-03T00:00:00Z', { breachGraceMs: 48 * 3600_000 }), 'overdue');
  assert.equal(statusAsOf(ob, [t('breached', '2027-03-05T00:00:00Z')], '2027-03-06T00:00:00Z'), 'breached');
  assert.equal(statusAsOf(ob, [t('waived', '2027-03-01T05:00:00Z')], '2027-03-06T00:00:00Z'), 'waived');
});

test('transitions are refused once settled, before the event, or before a later recorded one', () => {
  assert.deepEqual(checkTransition(ob, [], t('fulfilled', '2027-03-01T05:00:00Z')), []);
  assert.equal(
    checkTransition(ob, [t('waived', '2027-03-01T05:00:00Z')], t('fulfilled', '2027-03-01T06:00:00Z'))[0]!.code,
    'conflict',
  );
  assert.equal(checkTransition(ob, [], t('fulfilled', '2027-02-28T00:00:00Z'))[0]!.code, 'date_range');
  assert.equal(
    checkTransition(ob, [t('waived', '2027-03-05T00:00:00Z')], t('fulfilled', '2027-03-04T00:00:00Z'))[0]!.code,
    'conflict',
  );
});

test('countdowns read as hours under two days', () => {
  assert.equal(countdown('2027-03-02T04:00:00Z', '2027-03-01T04:48:00Z'), 'due in 23h 12m');
  assert.equal(countdown('2027-03-02T04:00:00Z', '2027-03-04T05:00:00Z'), 'overdue by 2d 1h');
  assert.equal(countdown(null, '2027-03-01T00:00:00Z'), 'no deadline');
});

test('events: content-derived ids agree across zone spellings; missing fields are issues', () => {
  const a = makeEvent({ type: 'armed_attack', at: '2027-03-01T06:00:00+02:00', aggressor: 'ru' }).event!;
  const b = makeEvent({ type: 'armed_attack', at: '2027-03-01T04:00:00Z', aggressor: 'RU' }).event!;
  assert.equal(a.id, b.id);
  assert.equal(a.target, 'UA');
  const { id: _id, ...body } = a;
  assert.equal(eventId(body), a.id);
  assert.notEqual(makeEvent({ type: 'armed_attack', at: '2027-03-01T04:00:01Z', aggressor: 'RU' }).event!.id, a.id);
  assert.deepEqual(
    makeEvent({ type: 'armed_attack', at: '2027-03-01', aggressor: 'RU' }).issues.map((i) => i.path),
    [['at']],
  );
  assert.deepEqual(
    makeEvent({ type: 'termination_notice', at: '2027-03-01T00:00:00Z' }).issues.map((i) => i.path),
    [['party'], ['agreement']],
  );
  assert.equal(makeEvent({ type: 'invasion', at: '2027-03-01T00:00:00Z' }).issues[0]!.code, 'schema');
});

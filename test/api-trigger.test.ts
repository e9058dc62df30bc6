// The trigger routes in process: simulate writes nothing, record is idempotent, obligations filter and page,
// explain carries the trace, transitions validate their bodies and refuse a second final state.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startApi, type TestApi } from './support/api.js';

const NOW = new Date('2027-03-01T05:00:00Z');
let api: TestApi;
before(async () => {
  api = await startApi(NOW);
});
after(() => api.db.close());
const call: TestApi['call'] = (...args) => api.call(...args);
const attack = { type: 'armed_attack', at: '2027-03-01T06:00:00+02:00', aggressor: 'ru' };

test('simulate returns the obligations and records nothing', async () => {
  const r = await call('POST', '/api/events/simulate', attack);
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'dry_run');
  assert.ok(Date.parse(r.body.event.at) === Date.parse('2027-03-01T04:00:00Z'), 'the zone is normalised');
  assert.equal(r.body.event.aggressor, 'RU');
  assert.ok(r.body.obligations.length > 10, `an attack obliges many guarantors, found ${r.body.obligations.length}`);
  assert.ok(
    r.body.obligations.some(
      (o: { promisor: string; due: string | null }) =>
        o.promisor === 'GB' && o.due && Date.parse(o.due) - Date.parse(r.body.event.at) === 24 * 3600_000,
    ),
    'the UK consults within 24 hours',
  );
  assert.deepEqual((await call('GET', '/api/events')).body, { items: [], next_cursor: null });
  assert.equal((await call('GET', '/api/obligations')).body.items.length, 0);
});

test('explain answers for an id that simulate returned, re-evaluating the event', async () => {
  const r = await call('POST', '/api/events/simulate', { ...attack, at: '2031-05-05T10:00:00Z' });
  const ob = r.body.obligations[0];
  const x = await call('GET', `/api/obligations/${ob.id}/explain`);
  assert.equal(x.status, 200);
  assert.equal(x.body.recorded, false);
  assert.equal(x.body.obligation.id, ob.id);
  assert.deepEqual(x.body.obligation.trace, ob.trace);
  assert.equal((await call('GET', '/api/obligations/ob-000000000000/explain')).status, 404);
});

test('simulate accounts for every agreement under one heading and summarises per partner', async () => {
  const r = await call('POST', '/api/events/simulate', attack);
  const files = readdirSync(join(import.meta.dirname, '..', 'data', 'agreements')).filter((f) => f.endsWith('.yaml'));
  const agreements = r.body.records.filter((x: { record_kind: string }) => x.record_kind === 'agreement');
  assert.deepEqual(
    agreements.map((x: { record_id: string }) => x.record_id).sort(),
    files.map((f) => f.replace(/\.yaml$/, '')).sort(),
  );
  for (const x of agreements) assert.ok(x.heading && x.why && x.evidence.length, `${x.record_id} is accounted for`);
  const partners = r.body.partners.map((p: { partner: string }) => p.partner);
  assert.deepEqual(partners, [...partners].sort());
  assert.ok(
    r.body.options.some((o: { record_id: string }) => o.record_id === 'ua-us-2024'),
    'the US may-clause is an option',
  );
});

test('record: 201 the first time, 200 with the same obligations the second time', async () => {
  const first = await call('POST', '/api/events', attack);
  assert.equal(first.status, 201);
  assert.equal(first.body.status, 'recorded');
  const again = await call('POST', '/api/events', { ...attack, at: '2027-03-01T04:00:00Z' });
  assert.equal(again.status, 200);
  assert.equal(again.body.status, 'already_recorded');
  assert.deepEqual(
    again.body.obligations.map((o: { id: string }) => o.id).sort(),
    first.body.obligations.map((o: { id: string }) => o.id).sort(),
  );
  const events = (await call('GET', '/api/events')).body.items;
  assert.equal(events.length, 1);
  assert.equal(events[0].obligations, first.body.obligations.length);
  const one = await call('GET', `/api/events/${events[0].id}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.obligations, first.body.obligations.length);
  assert.equal((await call('GET', '/api/events/ev-nope')).status, 404);
});

test('obligations: party and status filters narrow; keyset pages cover the list once', async () => {
  const all = (await call('GET', '/api/obligations?limit=500')).body.items as {
    id: string;
    promisor: string;
    state: string;
  }[];
  assert.ok(all.length > 10);
  const gb = (await call('GET', '/api/obligations?party=gb&limit=500')).body.items as { promisor: string }[];
  assert.ok(gb.length > 0 && gb.length < all.length && gb.every((o) => o.promisor === 'GB'));
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = (await call('GET', `/api/obligations?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).body;
    assert.ok(page.items.length <= 7);
    seen.push(...page.items.map((o: { id: string }) => o.id));
    cursor = page.next_cursor;
  } while (cursor);
  assert.deepEqual(
    seen,
    all.map((o) => o.id),
  );
  // An hour after the attack nothing is overdue; two days later the 24h clocks are.
  assert.equal((await call('GET', '/api/obligations?status=overdue&limit=500')).body.items.length, 0);
  const late = (await call('GET', '/api/obligations?status=overdue&as_of=2027-03-03T00:00:00Z&limit=500')).body.items;
  assert.ok(late.length > 0);
  const bad = await call('GET', '/api/obligations?status=late&as_of=yesterday');
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.error.issues.map((i: { path: string }) => i.path).sort(), ['query.as_of', 'query.status']);
});

test('explain carries the trace, and a fulfilment is recorded with evidence once', async () => {
  const gb = (await call('GET', '/api/obligations?party=GB&limit=500')).body.items.find(
    (o: { due: string | null }) => o.due,
  );
  const x = await call('GET', `/api/obligations/${gb.id}/explain`);
  assert.equal(x.status, 200);
  assert.equal(x.body.state, 'pending');
  assert.ok(x.body.obligation.trace.some((s: { step: string }) => s.step === 'clause'));
  assert.equal(x.body.obligation.quote.length > 0, true);

  const noEvidence = await call('POST', `/api/obligations/${gb.id}/transitions`, {
    to: 'fulfilled',
    at: '2027-03-01T20:00:00Z',
  });
  assert.equal(noEvidence.status, 400);
  assert.equal(noEvidence.body.error.issues[0].path, 'body.evidence_url');
  const early = await call('POST', `/api/obligations/${gb.id}/transitions`, {
    to: 'fulfilled',
    at: '2027-02-01T00:00:00Z',
    evidence_url: 'https://example.org/readout',
  });
  assert.equal(early.status, 422);
  assert.equal(early.body.error.issues[0].path, 'body.at');

  const ok = await call('POST', `/api/obligations/${gb.id}/transitions`, {
    to: 'fulfilled',
    at: '2027-03-01T20:00:00Z',
    evidence_url: 'https://example.org/readout',
    note: 'call readout',
  });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.state, 'fulfilled');
  const twice = await call('POST', `/api/obligations/${gb.id}/transitions`, {
    to: 'breached',
    at: '2027-03-02T20:00:00Z',
    note: 'x',
  });
  assert.equal(twice.status, 409);
  const after = await call('GET', `/api/obligations/${gb.id}/explain?as_of=2027-03-05T00:00:00Z`);
  assert.equal(after.body.state, 'fulfilled');
  assert.deepEqual(
    after.body.evidence.map((e: { url: string }) => e.url),
    ['https://example.org/readout'],
  );
  const one = await call('GET', `/api/obligations/${gb.id}?as_of=2027-03-05T00:00:00Z`);
  assert.equal(one.body.state, 'fulfilled');
  assert.equal(
    (
      await call('POST', '/api/obligations/ob-nope/transitions', {
        to: 'waived',
        at: '2027-03-02T00:00:00Z',
        note: 'x',
      })
    ).status,
    404,
  );
});

test('invalid event bodies answer 400 or 422 with field paths and write nothing', async () => {
  const r = await call('POST', '/api/events', { type: 'armed_attack', at: '2027-03-01T04:00:00' });
  assert.equal(r.status, 400);
  assert.ok(r.body.error.issues.some((i: { path: string }) => i.path === 'body.at'));
  const noAggr = await call('POST', '/api/events', { type: 'armed_attack', at: '2027-05-01T04:00:00Z' });
  assert.equal(noAggr.status, 422);
  assert.equal(noAggr.body.error.issues[0].path, 'body.aggressor');
  const notice = await call('POST', '/api/events', {
    type: 'termination_notice',
    at: '2027-05-01T04:00:00Z',
    party: 'GB',
    agreement: 'ua-xx-2099',
  });
  assert.equal(notice.status, 400);
  assert.equal(notice.body.error.issues[0].path, 'body.agreement');
  assert.equal((await call('GET', '/api/events')).body.items.length, 1);
});

test('capabilities say the trigger group is available', async () => {
  const caps = (await call('GET', '/api/capabilities')).body;
  assert.equal(caps.groups.trigger.available, true);
  assert.ok(caps.groups.trigger.routes.includes('POST /api/obligations/{id}/transitions'));
});

test('events come in keyset pages: each exactly once, in time order', async () => {
  const before = (await call('GET', '/api/events?limit=500')).body.items.length;
  await call('POST', '/api/events', { ...attack, at: '2029-04-01T04:00:00Z' });
  const seen: { id: string; at: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string; at: string }[]; next_cursor: string | null } = (
      await call('GET', `/api/events?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    ).body;
    assert.ok(page.items.length <= 1);
    seen.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  assert.equal(seen.length, before + 1);
  assert.equal(new Set(seen.map((e) => e.id)).size, seen.length);
  assert.deepEqual(
    seen.map((e) => e.at),
    [...seen.map((e) => e.at)].sort(),
  );
});

// The obligation store on embedded PGlite: idempotent recording, lifecycle, evidence, as-of states, notices.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeEvent, statusAsOf } from '../core/trigger/index.js';
import { loadRegistry } from '../data/load-registry.js';
import type { Db } from './db.js';
import { explain, listEvents, listObligations, recordEvent, transition } from './obligation-store.js';
import { openStore } from './open-store.js';
import { saveRegistry } from './registry-store.js';

const ev = (input: Parameters<typeof makeEvent>[0]) => makeEvent(input).event!;

describe('obligation store', () => {
  let db: Db;
  before(async () => {
    db = await openStore({ dir: 'memory://' });
    await saveRegistry(db, (await loadRegistry(join(import.meta.dirname, '..', '..', 'data'))).registry!);
  });
  after(async () => db?.close());
  const attack = ev({ type: 'armed_attack', at: '2027-03-01T06:00:00+02:00', aggressor: 'RU' });

  it('records an event once: the same event twice (in another zone spelling) writes nothing more', async () => {
    const first = await recordEvent(db, attack);
    assert.ok(first.created && first.evaluation.obligations.length > 0);
    const again = await recordEvent(db, ev({ type: 'armed_attack', at: '2027-03-01T04:00:00Z', aggressor: 'RU' }));
    assert.equal(again.created, false);
    assert.equal(again.event.id, attack.id);
    const rows = await listObligations(db, { asOf: '2027-03-01T05:00:00Z', event: attack.id });
    assert.equal(rows.length, first.evaluation.obligations.length);
    assert.equal((await listEvents(db)).length, 1);
  });

  it('derives overdue from the clock and recomputes states as of any instant', async () => {
    const gb = (await listObligations(db, { asOf: '2027-03-01T05:00:00Z', party: 'GB', event: attack.id })).find(
      (o) => o.kind === 'consult',
    )!;
    assert.equal(gb.state, 'pending');
    assert.equal(
      (await listObligations(db, { asOf: '2027-03-03T00:00:00Z', party: 'GB', status: 'overdue' })).some(
        (o) => o.id === gb.id,
      ),
      true,
    );
    const r = await transition(db, gb.id, {
      to: 'fulfilled',
      at: '2027-03-02T10:00:00Z',
      evidence: { url: 'https://example.org/readout', note: 'call readout' },
    });
    assert.deepEqual(r.issues, []);
    assert.equal(r.state, 'fulfilled_late');
    const at = async (asOf: string) =>
      (await listObligations(db, { asOf, party: 'GB', event: attack.id })).find((o) => o.id === gb.id)!.state;
    assert.equal(await at('2027-03-01T05:00:00Z'), 'pending');
    assert.equal(await at('2027-03-02T05:00:00Z'), 'overdue');
    assert.equal(await at('2027-03-02T10:00:00Z'), 'fulfilled_late');
    const x = (await explain(db, gb.id, '2027-03-05T00:00:00Z'))!;
    assert.equal(x.evidence[0]!.url, 'https://example.org/readout');
    assert.equal(x.state, statusAsOf(x.obligation, x.transitions, '2027-03-05T00:00:00Z'));
  });

  it('refuses a transition on a settled obligation or before its event, and changes nothing', async () => {
    const [o] = await listObligations(db, { asOf: '2027-03-03T00:00:00Z', party: 'GB', status: 'fulfilled_late' });
    assert.equal(
      (await transition(db, o!.id, { to: 'waived', at: '2027-03-04T00:00:00Z', note: 'x' })).issues[0]!.code,
      'conflict',
    );
    const p = (await listObligations(db, { asOf: '2027-03-01T05:00:00Z', party: 'PL', event: attack.id }))[0]!;
    assert.equal(
      (await transition(db, p.id, { to: 'breached', at: '2027-02-01T00:00:00Z', note: 'x' })).issues[0]!.code,
      'date_range',
    );
    assert.equal((await explain(db, p.id, '2027-03-05T00:00:00Z'))!.transitions.length, 0);
    assert.equal(
      (await transition(db, 'ob-nope', { to: 'waived', at: '2027-03-04T00:00:00Z' })).issues[0]!.code,
      'not_found',
    );
  });

  it('counts breach by grace when configured, and an explicit breach without it', async () => {
    const p = (await listObligations(db, { asOf: '2027-03-01T05:00:00Z', party: 'PL', event: attack.id })).find(
      (o) => o.kind === 'consult',
    )!;
    assert.equal(
      (
        await listObligations(db, {
          asOf: '2027-03-10T00:00:00Z',
          party: 'PL',
          event: attack.id,
          breachGraceMs: 72 * 3600_000,
        })
      ).find((o) => o.id === p.id)!.state,
      'breached',
    );
    assert.equal(
      (await listObligations(db, { asOf: '2027-03-10T00:00:00Z', party: 'PL', event: attack.id })).find(
        (o) => o.id === p.id,
      )!.state,
      'overdue',
    );
    await transition(db, p.id, { to: 'breached', at: '2027-03-05T00:00:00Z', note: 'no meeting held' });
    assert.equal(
      (await listObligations(db, { asOf: '2027-03-10T00:00:00Z', status: 'breached' })).some((o) => o.id === p.id),
      true,
    );
  });

  it('a recorded termination notice ends the agreement for later events', async () => {
    const notice = ev({ type: 'termination_notice', at: '2027-04-01T00:00:00Z', party: 'GB', agreement: 'ua-gb-2024' });
    const r = await recordEvent(db, notice);
    assert.deepEqual(r.issues, []);
    const later = await recordEvent(db, ev({ type: 'armed_attack', at: '2027-11-01T00:00:00Z', aggressor: 'RU' }), {
      dryRun: true,
    });
    assert.ok(!later.evaluation.obligations.some((o) => o.record_id === 'ua-gb-2024'), 'six months of notice have run');
    assert.ok(later.evaluation.skipped.some((s) => s.record_id === 'ua-gb-2024' && s.reason === 'not_in_force'));
    const within = await recordEvent(db, ev({ type: 'armed_attack', at: '2027-09-01T00:00:00Z', aggressor: 'RU' }), {
      dryRun: true,
    });
    assert.ok(
      within.evaluation.obligations.some((o) => o.record_id === 'ua-gb-2024'),
      'still in force during the notice period',
    );
    const bad = await recordEvent(
      db,
      ev({ type: 'termination_notice', at: '2027-04-01T00:00:00Z', party: 'GB', agreement: 'ua-us-2024' }),
    );
    assert.equal(bad.issues[0]!.code, 'inconsistent');
    assert.equal((await listEvents(db)).length, 2, 'the dry runs and the refused notice wrote nothing');
  });
});

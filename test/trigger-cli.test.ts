// The trigger commands end to end, in process, on one throw-away embedded store.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../src/cli/main.js';
import { loadRegistry } from '../src/data/load-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'compact-trigger-'));
after(() => rmSync(dir, { recursive: true, force: true }));
async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--db', join(dir, 'db')], {
    out: (s) => (out += `${s}\n`),
    err: (s) => (err += `${s}\n`),
    tty: false,
    env: {},
    cwd: process.cwd(),
  });
  return { code, out, err };
}

test('a dry run prints every agreement under one heading, the options apart and a per-partner table', async () => {
  const r = await cli('trigger', '--event', 'armed-attack', '--by', 'RU', '--at', '2027-03-01T04:00:00Z', '--dry-run');
  assert.equal(r.code, 0, r.err);
  const ids = readdirSync(join(import.meta.dirname, '..', 'data', 'agreements'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));
  const accounted = r.out.slice(r.out.indexOf('Every record accounted for'), r.out.indexOf('Per partner:'));
  for (const id of ids)
    assert.equal(accounted.split('\n').filter((l) => l.startsWith(`  ${id} `)).length, 1, `${id} appears once`);
  assert.match(r.out, /Options — discretionary clauses.*\n.*ua-us-2024 US: may mutually decide assist/);
  assert.match(
    r.out,
    /ua-gb-2024 +GB +assist +would +primary .*acting in accordance with its legal and constitutional requirements/,
  );
  assert.match(r.out, /Per partner:\npartner +records/);
});

test('explain accepts the ids a dry run printed, obligations and options, by evaluating the event again', async () => {
  const dry = await cli(
    'trigger',
    '--event',
    'armed-attack',
    '--by',
    'RU',
    '--at',
    '2031-05-05T10:00:00Z',
    '--dry-run',
    '--json',
  );
  assert.equal(dry.code, 0, dry.err);
  const r = JSON.parse(dry.out);
  const gb = r.obligations.find(
    (o: { record_id: string; kind: string }) => o.record_id === 'ua-gb-2024' && o.kind === 'assist',
  );
  const x = await cli('explain', gb.id);
  assert.equal(x.code, 0, x.err);
  assert.ok(x.out.startsWith(`${gb.id}: GB must assist`), x.out);
  assert.match(x.out, /not recorded: printed by a dry run of armed attack by RU on UA at 2031-05-05T10:00:00/);
  assert.match(x.out, /-> clause: .*legal and constitutional requirements/);
  const opt = r.options[0];
  assert.match(
    (await cli('explain', opt.id)).out,
    new RegExp(`^${opt.id}: US may mutually decide \\(an option, not an obligation\\)`),
  );
  // Nothing was recorded: the event list stays as it was.
  assert.ok(!JSON.parse((await cli('events', '--json')).out).some((e: { id: string }) => e.id === r.event.id));
  assert.match((await cli('explain', 'ob-000000000000')).err, /no obligation or event ob-000000000000/);
});

test('trigger records an attack once, lists countdowns, fulfils with evidence and explains the chain', async () => {
  const first = await cli('trigger', '--event', 'armed-attack', '--by', 'RU', '--at', '2027-03-01T04:00:00Z', '--json');
  assert.equal(first.code, 0, first.err);
  const r = JSON.parse(first.out);
  assert.equal(r.created, true);
  const us = r.obligations.find(
    (o: { record_id: string; promisor: string; kind: string }) =>
      o.record_id === 'ua-us-2024' && o.promisor === 'US' && o.kind === 'consult',
  );
  assert.equal(us.due, '2027-03-02T04:00:00.000Z');
  const again = await cli('trigger', '--event', 'armed-attack', '--by', 'RU', '--at', '2027-03-01T06:00:00+02:00');
  assert.match(again.out, /already recorded: nothing changed/);
  const list = await cli('obligations', '--party', 'US', '--as-of', '2027-03-01T04:48:00Z');
  assert.match(list.out, new RegExp(`${us.id}.*pending.*due in 23h 12m`));
  assert.equal(
    (
      await cli(
        'obligation',
        'fulfil',
        us.id,
        '--at',
        '2027-03-01T20:00:00Z',
        '--evidence',
        'https://example.org/readout',
      )
    ).code,
    0,
  );
  const x = await cli('explain', us.id, '--as-of', '2027-03-02T00:00:00Z');
  assert.match(x.out, /-> event: armed attack by RU on UA/);
  assert.match(x.out, /-> condition: aggressor is RU/);
  assert.match(x.out, /-> clause: .*"In the event of future armed attack/);
  assert.match(x.out, /-> source: https?:\/\//);
  assert.match(x.out, /state as of .*: fulfilled/);
  assert.match(x.out, /evidence .*example\.org\/readout/);
  const twice = await cli('obligation', 'waive', us.id, '--at', '2027-03-03T00:00:00Z', '--note', 'x');
  assert.equal(twice.code, 1);
  assert.match(twice.err, /already fulfilled .*\[conflict\]/);
  const ev = JSON.parse((await cli('events', '--json')).out);
  assert.equal(ev.length, 1);
  assert.match((await cli('explain', ev[0].id)).out, /ukraine-compact-2024\/convene_collectively: condition unmet/);
});

test('usage mistakes exit 2; a dry run writes nothing', async () => {
  assert.equal((await cli('trigger', '--event', 'invasion', '--at', '2027-03-01T04:00:00Z')).code, 2);
  assert.equal((await cli('trigger', '--event', 'armed-attack', '--by', 'RU', '--at', '2027-03-01')).code, 2);
  assert.equal((await cli('trigger', '--event', 'armed-attack', '--at', '2027-03-01T04:00:00Z')).code, 2);
  const dry = await cli(
    'trigger',
    '--event',
    'armed-attack',
    '--by',
    'BY',
    '--at',
    '2028-03-01T04:00:00Z',
    '--dry-run',
    '--json',
  );
  // An attack by Belarus binds only the clauses that name no aggressor ("in the event of future aggression").
  const reg = (await loadRegistry('data', process.cwd())).registry!;
  const clause = (rec: string, id: string) =>
    reg.agreements.find((a) => a.id === rec)?.provisions.find((p) => p.id === id)?.mechanism?.params;
  for (const o of JSON.parse(dry.out).obligations as { record_id: string; provision_id: string }[])
    assert.equal(clause(o.record_id, o.provision_id)?.aggressor ?? null, null, `${o.record_id}#${o.provision_id}`);
  assert.equal(JSON.parse((await cli('events', '--json')).out).length, 1, 'the dry run recorded no event');
  assert.equal((await cli('obligations', '--status', 'late')).code, 2);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { inForceOn } from '../in-force.js';
import { parseCsv } from '../ledger/csv-parse.js';
import { evaluate } from '../trigger/evaluate.js';
import { makeEvent } from '../trigger/event.js';
import { INSTITUTION_MAPPING, OBLIGATION_MAPPING } from './atop-mapping.js';
import { readAtop } from './atop-read.js';
import { atopRecord } from './atop-registry.js';
import { readCowStates } from './cow.js';
import { historyProfile } from './profile.js';

const dir = join(import.meta.dirname, '../../../../shared/data/alliances');
const csv = (name: string) => parseCsv(readFileSync(join(dir, name), 'utf8')).records;
/** The raw rows as objects, for computing expected figures independently of the reader. */
const rows = (name: string) => {
  const [head, ...rest] = csv(name);
  return rest.map((r) => Object.fromEntries(head!.fields.map((h, i) => [h, r.fields[i] ?? ''])));
};

const cow = readCowStates('cow-states.csv', csv('cow-states.csv'));
const atop = readAtop(
  {
    alliances: { name: 'atop-4.01-alliances.csv', records: csv('atop-4.01-alliances.csv') },
    members: { name: 'atop-4.01-members.csv', records: csv('atop-4.01-members.csv') },
  },
  cow.table,
);
const info = { alliancesSha256: 'test', membersSha256: 'test' };
const world = atop.alliances.map((a) => atopRecord(a, info));

test('reads every alliance and member phase; the one invalid COW code is kept and flagged', () => {
  assert.deepEqual(cow.issues, []);
  assert.deepEqual(atop.issues, []);
  assert.equal(atop.alliances.length, rows('atop-4.01-alliances.csv').length);
  assert.equal(
    atop.alliances.reduce((n, a) => n + a.phases.length, 0),
    rows('atop-4.01-members.csv').length,
  );
  const known = new Set(rows('cow-states.csv').map((r) => Number(r.ccode)));
  const invalid = rows('atop-4.01-members.csv').filter((r) => !known.has(Number(r.member)));
  assert.ok(invalid.length >= 1);
  for (const r of invalid) {
    const a = atop.alliances.find((x) => x.atopid === Number(r.atopid))!;
    assert.ok(a.flags.some((f) => f.includes(`member code ${Number(r.member)}`)));
    assert.ok(a.phases.some((p) => p.party === `cow-${Number(r.member)}`));
  }
});

test('alliances in force on 2010-01-01: the same count as the alliance file dates give', () => {
  const day = '2010-01-01';
  const expected = rows('atop-4.01-alliances.csv').filter((r) => {
    const begin = `${r.begyr!.padStart(4, '0')}-${String(Number(r.begmo) || 1).padStart(2, '0')}-${String(Number(r.begday) || 1).padStart(2, '0')}`;
    if (begin > day) return false;
    if (Number(r.endyr) === 0) return true;
    const end = `${r.endyr}-${String(Number(r.endmo) || 1).padStart(2, '0')}-${String(Number(r.endday) || 1).padStart(2, '0')}`;
    return day < end;
  }).length;
  assert.ok(expected > 100);
  assert.equal(world.filter((a) => inForceOn(a, day)).length, expected);
});

test("Ukraine's earlier alliances number as in the member file, and none carries a defence obligation", () => {
  const ids = new Set(
    rows('atop-4.01-members.csv')
      .filter((r) => r.member === '369')
      .map((r) => r.atopid),
  );
  const p = historyProfile(atop.alliances, [], []);
  assert.equal(p.ukraine_earlier.count, ids.size);
  assert.equal(p.ukraine_earlier.with_defence, 0);
  const ua = world.filter((a) => a.parties.includes('UA'));
  assert.equal(ua.length, ids.size);
  assert.ok(ua.every((a) => !a.provisions.some((x) => x.area === 'mutual_defence')));
});

test('an armed attack on Poland on 2010-01-01 gives defence obligations under NATO (atopid 3180) for its then members', () => {
  const { event } = makeEvent({ type: 'armed_attack', aggressor: 'RU', target: 'PL', at: '2010-01-01T00:00:00Z' });
  const ev = evaluate({ parties: [], partySources: [], agreements: world, frameworks: [] }, event!);
  const nato = ev.obligations.filter((o) => o.record_id === 'atop-3180' && o.kind === 'defend');
  const members = new Set(
    rows('atop-4.01-members.csv')
      .filter(
        (r) =>
          r.atopid === '3180' &&
          r.defense === '1' &&
          Number(r.yrent) <= 2009 &&
          (r.yrexit === '0' || Number(r.yrexit) > 2010),
      )
      .map((r) => cow.table.party(Number(r.member))),
  );
  members.delete('PL');
  assert.deepEqual(new Set(nato.map((o) => o.promisor)), members);
  for (const p of ['US', 'GB', 'DE']) assert.ok(members.has(p), p);
  assert.ok(nato.every((o) => o.promisees[0] === 'PL' && o.source_url?.includes('atopdata')));
  // No record obliges anyone before the alliance or to a non-member.
  const { event: before } = makeEvent({
    type: 'armed_attack',
    aggressor: 'RU',
    target: 'PL',
    at: '1990-01-01T00:00:00Z',
  });
  assert.equal(
    evaluate({ parties: [], partySources: [], agreements: world, frameworks: [] }, before!).obligations.filter(
      (o) => o.record_id === 'atop-3180',
    ).length,
    0,
  );
});

test('a file with a missing column is refused with the file, line and column', () => {
  const bad = readAtop(
    {
      alliances: { name: 'a.csv', records: parseCsv('atopid,begyr\n1,1900\n').records },
      members: { name: 'm.csv', records: csv('atop-4.01-members.csv') },
    },
    cow.table,
  );
  assert.equal(bad.alliances.length, 0);
  assert.ok(bad.issues.some((i) => i.file === 'a.csv' && i.line === 1 && i.column === 'defense'));
});

test('docs/history.md lists every variable of the mapping table', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/history.md'), 'utf8');
  for (const row of [...Object.values(OBLIGATION_MAPPING), ...INSTITUTION_MAPPING]) {
    assert.ok(doc.includes(`| \`${row.variable}\` |`), row.variable);
    if (row.area) assert.ok(doc.includes(`\`${row.area}\``), row.area);
  }
});

test('the bundled copies in data/world are the shared files, unchanged', () => {
  for (const f of [
    'atop-4.01-alliances.csv',
    'atop-4.01-members.csv',
    'cow-states.csv',
    'fulfilment-berkemeier-fuhrmann-2018.csv',
  ])
    assert.equal(
      readFileSync(join(import.meta.dirname, '../../../data/world', f), 'utf8'),
      readFileSync(join(dir, f), 'utf8'),
      f,
    );
});

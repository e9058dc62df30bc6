// The tracker core on a hand-written release and on the real release 29 files: forms, exact parsing,
// identities with file:line:column, donor mapping, cells and revisions.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type CellState, measureOfKey, releaseCells, releaseMeasures, revisionDrafts } from './cells.js';
import { partyOfDonor } from './donors.js';
import { recogniseHeader } from './forms.js';
import { checkIdentities } from './identities.js';
import { type InputFile, parseRelease } from './parse.js';

const root = join(import.meta.dirname, '..', '..', '..');
const mini = join(root, 'test', 'fixtures', 'kiel-mini');
const real = join(process.env.COMPACT_SHARED ?? join(root, '..', 'shared'), 'data', 'kiel');

function readDir(dir: string, patch: Record<string, (t: string) => string> = {}): InputFile[] {
  return readdirSync(dir).map((name) => {
    const text = (patch[name] ?? ((t: string) => t))(readFileSync(join(dir, name), 'utf8'));
    return { name, text, sha256: createHash('sha256').update(text).digest('hex') };
  });
}

/** Sums a column of a CSV file by a row filter, as an exact count of 10^-6 units (the files' precision). */
function sumColumn(file: string, col: string, keep: (row: Record<string, string>) => boolean): bigint {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head!.split(',').map((c) => c.replaceAll('"', ''));
  let s = 0n;
  for (const l of lines) {
    const f = l.split(',').map((c) => c.replaceAll('"', ''));
    const row = Object.fromEntries(cols.map((c, i) => [c, f[i]!]));
    if (!keep(row)) continue;
    const [i, d = ''] = row[col]!.replace('-', '').split('.');
    const v = BigInt(i!) * 1_000_000n + BigInt(d.padEnd(6, '0'));
    s += row[col]!.startsWith('-') ? -v : v;
  }
  return s;
}

test('the three known forms of data_explorer.csv are recognised; an unknown one names file, line and column', () => {
  const full = ['country', 'iso', 'year', 'month', 'total', 'financial', 'humanitarian', 'military'];
  const tail = ['gdp', 'pct_gdp'];
  const f = (cols: string[]) => recogniseHeader('data_explorer.csv', cols);
  assert.equal(
    (f([...full, 'commitments', 'to_be_allocated', ...tail]) as { form: { form: string } }).form.form,
    'data_explorer.full',
  );
  assert.equal(
    (f([...full, 'commitments', ...tail]) as { form: { form: string } }).form.form,
    'data_explorer.commitments',
  );
  assert.equal((f([...full, ...tail]) as { form: { form: string } }).form.form, 'data_explorer.allocations');
  const bad = f([...full, 'commitments', 'pledged', ...tail]);
  assert.ok('issue' in bad);
  assert.equal(bad.issue.file, 'data_explorer.csv');
  assert.equal(bad.issue.line, 1);
  assert.equal(bad.issue.column, 10);
  assert.match(bad.issue.found!, /pledged/);
  assert.match(bad.issue.expected!, /to_be_allocated/);
});

test('the hand-written release parses exactly and keeps every identity', () => {
  const r = parseRelease(readDir(mini));
  assert.deepEqual(r.issues, []);
  const rel = r.release!;
  assert.deepEqual(rel.ignored, ['README.md']);
  assert.equal(rel.info.release, '7');
  const gb = rel.donorMonths.find((d) => d.iso === 'GBR' && d.month === 1)!;
  assert.equal(gb.party, 'GB');
  assert.equal(gb.military, 20_000_000_000n, '0.2 bn EUR is 200,000,000.00 EUR in hundredths');
  assert.equal(gb.line, 2);
  assert.deepEqual(checkIdentities(rel), []);
  assert.equal(rel.weapons[0]!.party, 'DE');
  assert.deepEqual(rel.weapons[0]!.systems, [
    { name: 'IRIS-T SLM', count: 2 },
    { name: 'Patriot battery', count: 1 },
  ]);
});

test('a broken row identity names data_explorer.csv, its line and the total column', () => {
  const r = parseRelease(
    readDir(mini, { 'data_explorer.csv': (t) => t.replace('"GBR",2024,1,0.3,', '"GBR",2024,1,0.31,') }),
  );
  const issues = checkIdentities(r.release!);
  const row = issues.find((i) => i.file === 'data_explorer.csv' && i.line === 2);
  assert.ok(row, JSON.stringify(issues));
  assert.equal(row.column, 5);
  assert.ok(issues.some((i) => i.file === 'total_allocations.csv' && i.line === 2 && i.column === 3));
});

test('a broken monthly total and a broken donor balance are named with file:line:column', () => {
  const r = parseRelease(
    readDir(mini, {
      'total_allocations.csv': (t) => t.replace('2024,2,4.751,0.2,4.5,0.051', '2024,2,4.751,0.2,4.5,0.052'),
      'data_explorer.csv': (t) =>
        t.replace('"CHN",2024,2,0.001,0,0.001,0,0.001,0,', '"CHN",2024,2,0.001,0,0.001,0,0.002,0,'),
    }),
  );
  const issues = checkIdentities(r.release!);
  assert.ok(issues.some((i) => i.file === 'total_allocations.csv' && i.line === 3 && i.column === 6));
  assert.ok(issues.some((i) => i.file === 'data_explorer.csv' && i.line === 4 && i.column === 9));
});

test('a value that is not a plain decimal is refused at its cell', () => {
  const r = parseRelease(readDir(mini, { 'data_explorer.csv': (t) => t.replace(',0.2,0.5,0.2,', ',2e-1,0.5,0.2,') }));
  assert.equal(r.release, undefined);
  assert.equal(r.issues[0]!.file, 'data_explorer.csv');
  assert.equal(r.issues[0]!.line, 2);
  assert.equal(r.issues[0]!.column, 8);
});

test('donor codes map to party codes; EU stays the EU institutions; unknown codes are refused', () => {
  assert.equal(partyOfDonor('GBR'), 'GB');
  assert.equal(partyOfDonor('EU'), 'EU');
  assert.equal(partyOfDonor('TWN'), 'TW');
  assert.equal(partyOfDonor('XXX'), undefined);
  const r = parseRelease(readDir(mini, { 'data_explorer.csv': (t) => t.replace('"CHN"', '"XXX"') }));
  assert.equal(r.issues[0]!.line, 4);
  assert.equal(r.issues[0]!.column, 2);
});

test('cells: three kinds and one commitment per row, weapons categories with their systems; each cites its row', () => {
  const rel = parseRelease(readDir(mini)).release!;
  const cells = releaseCells(rel);
  assert.equal(cells.filter((c) => c.entry_type === 'allocation').length, rel.donorMonths.length * 3);
  assert.equal(cells.filter((c) => c.entry_type === 'commitment').length, rel.donorMonths.length);
  const sys = cells.filter((c) => c.within === 'kiel:weapons:DE:Air-Defense');
  assert.deepEqual(
    sys.map((c) => [c.item, c.quantity]),
    [
      ['IRIS-T SLM', 2],
      ['Patriot battery', 1],
    ],
  );
  const gbMil = cells.find((c) => c.key === 'kiel:alloc:GB:2024-01:military')!;
  assert.equal(gbMil.amount, '200000000.00');
  assert.equal(gbMil.row.line, 2);
  assert.equal(gbMil.row.raw, readFileSync(join(mini, 'data_explorer.csv'), 'utf8').split('\n')[1]);
});

function stateOf(cells: ReturnType<typeof releaseCells>): Map<string, CellState> {
  return new Map(
    cells.map((c) => [
      c.key,
      {
        ref: c.key,
        amount: c.amount,
        quantity: c.quantity,
        provider: c.provider,
        date: c.date,
        kind: c.kind,
        item: c.item,
        within: c.within,
        versions: 1,
      },
    ]),
  );
}

test('revisions: the same release gives nothing; one changed cell gives exactly one correction of its latest entry', () => {
  const rel = parseRelease(readDir(mini)).release!;
  const cells = releaseCells(rel);
  const state = stateOf(cells);
  assert.equal(revisionDrafts(rel.info, cells, state, releaseMeasures(rel)).drafts.length, 0);
  const changed = parseRelease(
    readDir(mini, {
      'data_explorer.csv': (t) => t.replace('"GBR",2024,1,0.3,0.1,0,0.2,', '"GBR",2024,1,0.31,0.1,0,0.21,'),
      'total_allocations.csv': (t) => t.replace('2024,1,1.8,1.2,', '2024,1,1.81,1.21,'),
    }),
  ).release!;
  const { drafts, changes } = revisionDrafts(changed.info, releaseCells(changed), state, releaseMeasures(changed));
  assert.equal(drafts.length, 1);
  assert.equal(drafts[0]!.entry_type, 'correction');
  assert.equal(drafts[0]!.corrects, 'kiel:alloc:GB:2024-01:military');
  assert.equal(drafts[0]!.ref, 'kiel:alloc:GB:2024-01:military:v2');
  assert.equal(drafts[0]!.amount, '210000000.00');
  assert.equal(changes[0]!.from!.amount, '200000000.00');
});

test('revisions: a new month is a new entry; a file without commitments leaves commitments alone', () => {
  const rel = parseRelease(readDir(mini)).release!;
  const state = stateOf(releaseCells(rel));
  const older = parseRelease(
    readDir(mini, {
      'data_explorer.csv': (t) =>
        t
          .split('\n')
          .map((l) =>
            l
              .split(',')
              .filter((_, i) => i !== 8 && i !== 9)
              .join(','),
          )
          .join('\n'),
    }),
  ).release!;
  assert.equal(older.files.find((f) => f.name === 'data_explorer.csv')!.form, 'data_explorer.allocations');
  const m = releaseMeasures(older);
  assert.equal(m.has('commit'), false);
  assert.equal(revisionDrafts(older.info, releaseCells(older), state, m).drafts.length, 0);
  assert.equal(measureOfKey('kiel:commit:GB:2024-01'), 'commit');
  const withMarch = parseRelease(
    readDir(mini, {
      'data_explorer.csv': (t) => `${t}"China","CHN",2024,3,0.002,0,0.002,0,0.002,0,15000,0.00001\n`,
      'total_allocations.csv': (t) => `${t}2024,3,0.002,0,0,0.002\n`,
    }),
  ).release!;
  const d = revisionDrafts(withMarch.info, releaseCells(withMarch), state, releaseMeasures(withMarch)).drafts;
  assert.deepEqual(
    d.map((x) => [x.ref, x.entry_type]),
    [
      ['kiel:alloc:CN:2024-03:military', 'allocation'],
      ['kiel:alloc:CN:2024-03:financial', 'allocation'],
      ['kiel:alloc:CN:2024-03:humanitarian', 'allocation'],
      ['kiel:commit:CN:2024-03', 'commitment'],
    ],
  );
});

const haveReal = existsSync(join(real, 'data_explorer.csv'));

test('release 29 (shared files): every file recognised, every identity holds, sums exact', {
  skip: !haveReal && `no ${real}`,
}, () => {
  const r = parseRelease(readDir(real));
  assert.deepEqual(r.issues, []);
  const rel = r.release!;
  assert.equal(rel.files.length, 6);
  assert.equal(rel.files.find((f) => f.name === 'data_explorer.csv')!.form, 'data_explorer.full');
  assert.deepEqual(checkIdentities(rel), []);
  const de = join(real, 'data_explorer.csv');
  // EUR bn at 6 decimals = units of EUR 1,000 = 100,000 hundredths.
  const ukMil = rel.donorMonths.filter((d) => d.iso === 'GBR' && d.year === 2024).reduce((a, d) => a + d.military, 0n);
  assert.equal(ukMil, sumColumn(de, 'military', (x) => x.iso === 'GBR' && x.year === '2024') * 100_000n);
  const all2024 = rel.donorMonths.filter((d) => d.year === 2024).reduce((a, d) => a + d.total, 0n);
  assert.equal(
    all2024,
    sumColumn(join(real, 'total_allocations.csv'), 'total_allocations', (x) => x.year === '2024') * 100_000n,
  );
  const parties = new Set(rel.donorMonths.map((d) => d.party));
  assert.equal(parties.size, new Set(rel.donorMonths.map((d) => d.iso)).size, 'one party per donor code');
  assert.ok(parties.has('EU') && parties.has('CN') && parties.has('TW'));
  const cells = releaseCells(rel);
  assert.equal(new Set(cells.map((c) => c.key)).size, cells.length, 'cell keys are unique');
});

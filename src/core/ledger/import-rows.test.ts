// CSV parsing and row mapping: quoted fields, line numbers, and issues that name the row and column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './csv-parse.js';
import { LEDGER_FORMAT, mapRecords } from './import-rows.js';

const head = 'ref,entry_type,provider,amount,currency,date,kind,status,source_url';

test('quoted fields keep commas, quotes and newlines; records keep their starting line', () => {
  const p = parseCsv(`a,b\n"x, ""y""","multi\nline"\n3,4\n`);
  assert.deepEqual(
    p.records.map((r) => [r.line, r.fields]),
    [
      [1, ['a', 'b']],
      [2, ['x, "y"', 'multi\nline']],
      [4, ['3', '4']],
    ],
  );
  assert.equal(parseCsv('a\n"open').issues[0]?.code, 'csv_syntax');
});

test('a good file maps to drafts with defaults', () => {
  const m = mapRecords(
    parseCsv(`${head}\nr1,pledge,gb,100,gbp,2024-01-12,military,committed,https://x.org\n`).records,
    LEDGER_FORMAT,
  );
  assert.deepEqual(m.issues, []);
  assert.equal(m.rows[0]!.draft.provider, 'GB');
  assert.equal(m.rows[0]!.draft.recipient, 'UA');
  assert.equal(m.rows[0]!.draft.channel, 'bilateral');
});

test('every bad cell is reported with its row and column; no drafts come back', () => {
  const m = mapRecords(
    parseCsv(
      `${head}\nr1,pledge,GB,100,GBP,2024-01-12,military,committed,https://x.org\nr2,gift,GB,1.001,GBP,2024-02-30,military,committed,\n`,
    ).records,
    LEDGER_FORMAT,
  );
  assert.equal(m.rows.length, 0);
  const where = m.issues.map((i) => i.path.join(' '));
  for (const c of ['entry_type', 'amount', 'date', 'source_url'])
    assert.ok(where.includes(`row 3 column ${c}`), `${c} in ${where}`);
  assert.ok(m.issues.every((i) => i.line === 3));
});

test('a missing required column is named', () => {
  const m = mapRecords(parseCsv('ref,provider\nr,GB\n').records, LEDGER_FORMAT);
  assert.match(m.issues[0]!.message, /missing column\(s\) entry_type/);
});

test('a column named twice is an error naming it, whatever the case or spacing of the second', () => {
  const p = parseCsv(
    'ref,entry_type,provider,recipient,date,kind,status,source_url, Provider \nr1,pledge,PL,UA,2025-01-01,military,committed,https://e.org,DE\n',
  );
  const m = mapRecords(p.records, LEDGER_FORMAT);
  assert.deepEqual(m.rows, []);
  assert.equal(m.issues.length, 1);
  assert.deepEqual(m.issues[0]!.path, ['header', 'column provider']);
  assert.match(m.issues[0]!.message, /column provider appears twice \(columns 3 and 9\)/);
  assert.equal(m.issues[0]!.line, 1);
});

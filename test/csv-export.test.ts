// Every CSV the project writes goes through one writer that neutralises formula cells: checked on the writer and
// on the CLI's CSV exports over a ledger holding hostile text.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCsv } from '../src/core/ledger/csv-parse.js';
import { csvCell, neutralizeFormula, toCsv } from '../src/core/ledger/csv-write.js';
import { cli } from './support/cli.js';

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

test('formula cells are neutralised; numbers and ordinary text are left alone', () => {
  for (const s of ['=1+1', '+cmd|x', '-2+3', '@SUM(A1)', '\tx', '\r=x', '=HYPERLINK("http://e.org")'])
    assert.equal(neutralizeFormula(s), `'${s}`, s);
  for (const s of ['-5.00', '+7', '1e3', 'plain', "'quoted", ' =x', '']) assert.equal(neutralizeFormula(s), s, s);
  assert.equal(csvCell('=A1,B1'), `"'=A1,B1"`);
  assert.equal(csvCell(['=x', 'y']), `'=x;y`);
  assert.equal(csvCell(null), '');
});

test('property: a written cell, read back, never starts like a formula unless it is a plain number', () => {
  fc.assert(
    fc.property(
      fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)))),
      (rows) => {
        const text = toCsv(rows, ['a', 'b', 'c']);
        const back = parseCsv(text).records.slice(1);
        for (const r of back)
          for (const f of r.fields) assert.ok(!FORMULA.test(f) || NUMBER.test(f), JSON.stringify(f));
      },
    ),
  );
});

test('the CLI CSV exports (ledger list, ledger totals, agreements) neutralise hostile cells', {
  timeout: 300_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-csv-'));
  const db = ['--db', join(dir, 'db')];
  const f = join(dir, 'in.csv');
  writeFileSync(
    f,
    'ref,entry_type,provider,recipient,date,kind,status,source_url,amount,currency,note,item\n' +
      'csv:1,pledge,GB,UA,2025-01-01,military,committed,https://example.org/s,-0.00,EUR,"=HYPERLINK(""http://evil"")",@SUM(A1)\n' +
      'csv:2,pledge,GB,UA,2025-01-01,military,committed,https://example.org/s,12.00,EUR,+cmd|calc,-1+1\n',
  );
  const imp = await cli(['ledger', 'import', f, ...db]);
  assert.equal(imp.code, 0, imp.err);
  const list = await cli(['ledger', 'list', '--provider', 'GB', '--csv', ...db]);
  assert.equal(list.code, 0, list.err);
  const fields = parseCsv(list.out).records.flatMap((r) => r.fields);
  assert.ok(fields.includes(`'=HYPERLINK("http://evil")`), list.out);
  assert.ok(fields.includes(`'@SUM(A1)`) && fields.includes(`'+cmd|calc`) && fields.includes(`'-1+1`));
  for (const out of [
    list.out,
    (await cli(['ledger', 'totals', '--csv', ...db])).out,
    (await cli(['agreements', '--csv', ...db])).out,
  ]) {
    const cells = parseCsv(out).records.flatMap((r) => r.fields);
    assert.ok(cells.length > 10);
    for (const c of cells) assert.ok(!FORMULA.test(c) || NUMBER.test(c), `unneutralised cell ${JSON.stringify(c)}`);
  }
});

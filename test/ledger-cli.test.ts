// The ledger commands end to end, in process: coverage, all-or-nothing import, verify after tampering, XLSX.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { openStore } from '../src/store/open-store.js';
import { cli } from './support/cli.js';

const mem = ['--db', 'memory://'];

test('coverage --json returns the capability x guarantor matrix for the bundled data', async () => {
  const r = await cli(['coverage', '--json', '--as-of', '2025-06-01', ...mem]);
  assert.equal(r.code, 0, r.err);
  const cov = JSON.parse(r.out);
  assert.ok(cov.guarantors.includes('DE') && cov.guarantors.includes('NL') && cov.guarantors.includes('EU'));
  assert.ok(cov.capabilities.length >= 1);
  const de = cov.cells.find((c: { guarantor: string; year: number }) => c.guarantor === 'DE' && c.year === 2024);
  // A past year without delivery data is no data, not expired: DE's EUR 7.1bn for 2024 stays committed.
  assert.equal(de.committed, '7100000000.00');
  assert.equal(de.expired, '0.00');
  assert.equal(de.delivery, 'no_data');
  assert.equal(de.delivered, null);
  // Denmark's text states "at least EUR 1.8 billion" for 2024 within its fund: that, not an even sixth, is 2024.
  const seed = readFileSync('data/ledger/seed.csv', 'utf8').split('\n');
  const cols = seed[0]!.split(',');
  const dkLine = seed.find((l) => l.startsWith('seed:ua-dk-2024:pledge-2024,'))!.split(',');
  const stated = Number(dkLine[cols.indexOf('amount')]);
  const dk = cov.cells.filter((c: { guarantor: string; year: number }) => c.guarantor === 'DK' && c.year === 2024);
  const dkCommitted = dk.reduce((s: number, c: { committed: string }) => s + Number(c.committed), 0);
  assert.ok(stated >= 1_800_000_000 && dkCommitted >= stated, `DK 2024 committed ${dkCommitted}`);
  assert.ok(Array.isArray(cov.predictability) && Array.isArray(cov.burden_share));
  // Every bundled currency has a cited ECB rate for the years pledged, so nothing is left unconverted and the
  // UK's GBP 2.5bn for 2024 counts in EUR (at the 2024 average, 0.84662 GBP per EUR).
  assert.deepEqual(cov.no_rate, []);
  const gb = cov.cells.filter((c: { guarantor: string; year: number }) => c.guarantor === 'GB' && c.year === 2024);
  const eur = gb.reduce(
    (s: number, c: Record<string, string>) =>
      s + Number(c.committed ?? 0) + Number(c.indicative ?? 0) + Number(c.expired ?? 0),
    0,
  );
  assert.ok(Math.abs(eur - 2_500_000_000 / 0.84662) < 1, `GB 2024 in EUR: ${eur}`);
});

test('importing a CSV with one bad row changes nothing and names the row and column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-ledger-'));
  const db = join(dir, 'db');
  const f = join(dir, 'in.csv');
  writeFileSync(
    f,
    [
      'ref,entry_type,provider,agreement_id,provision_id,amount,currency,date,kind,status,source_url',
      'd-1,delivery,GB,ua-gb-2024,military_assistance,1000000,GBP,2024-03-01,military,committed,https://example.org/a',
      'd-2,delivery,GB,ua-gb-2024,military_assistance,12.345,GBP,2024-03-02,military,committed,https://example.org/b',
    ].join('\n'),
  );
  const before = JSON.parse((await cli(['ledger', 'list', '--json', '--db', db])).out);
  const r = await cli(['ledger', 'import', f, '--db', db]);
  assert.equal(r.code, 1);
  assert.match(
    r.err,
    /in\.csv:3 row 3\.column amount: not an exact decimal amount \(expected digits with at most two decimals.*found "12\.345"\)/,
  );
  const afterList = JSON.parse((await cli(['ledger', 'list', '--json', '--db', db])).out);
  assert.equal(afterList.count, before.count);
  assert.equal(afterList.head_hash, before.head_hash);
  writeFileSync(f, readFix(f).replace('12.345', '12.34'));
  const ok = await cli(['ledger', 'import', f, '--db', db, '--json']);
  assert.equal(ok.code, 0, ok.err);
  assert.equal(JSON.parse(ok.out).count, before.count + 2);
});

function readFix(f: string) {
  return readFileSync(f, 'utf8');
}

test('verify exits 1 naming the entry changed directly in the database', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'compact-ledger-')), 'db');
  assert.equal((await cli(['ledger', 'list', '--db', db])).code, 0);
  assert.equal((await cli(['ledger', 'verify', '--db', db])).code, 0);
  const s = await openStore({ dir: db });
  await s.exec(
    'ALTER TABLE ledger_entries DISABLE TRIGGER ledger_append_only; UPDATE ledger_entries SET amount = 1 WHERE seq = 3; ALTER TABLE ledger_entries ENABLE TRIGGER ledger_append_only;',
  );
  const ref = (await s.query<{ ref: string }>('SELECT ref FROM ledger_entries WHERE seq = 3')).rows[0]!.ref;
  await s.close();
  const v = await cli(['ledger', 'verify', '--db', db]);
  assert.equal(v.code, 1);
  assert.match(v.err, new RegExp(`entry 3 \\(${ref}\\)`));
});

test('totals --xlsx writes a workbook with a header row, numeric amounts and the head hash', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'compact-ledger-')), 't.xlsx');
  const r = await cli(['ledger', 'totals', '--by', 'party,year', '--currency', 'EUR', '--xlsx', file, ...mem]);
  assert.equal(r.code, 0, r.err);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('totals')!;
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [
    'party',
    'year',
    'type',
    'currency',
    'amount',
    'entries',
    'no_rate',
  ]);
  assert.equal(typeof ws.getRow(2).getCell(5).value, 'number');
  assert.match(String(wb.getWorksheet('chain')!.getRow(2).getCell(1).value), /^[0-9a-f]{64}$/);
});

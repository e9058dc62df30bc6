// `compact load` appends the ledger seed while the ledger is empty, and only then; ledger reads never do.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readLedgerCsv } from '../src/data/load-ledger-data.js';
import { cli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'compact-load-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = ['--db', join(dir, 'db')];

test('load seeds an empty ledger from data/ledger/seed.csv once; a second load and the reads add nothing', async () => {
  const seed = await readLedgerCsv(join('data', 'ledger', 'seed.csv'));
  assert.deepEqual(seed.issues, []);
  const first = await cli(['load', 'data', '--json', ...db]);
  assert.equal(first.code, 0, first.err);
  assert.equal(JSON.parse(first.out).ledger_seeded, seed.rows.length);
  const second = await cli(['load', 'data', '--json', ...db]);
  assert.equal(second.code, 0, second.err);
  assert.equal(JSON.parse(second.out).ledger_seeded, 0, 'the ledger has entries: no second seed');
  for (const read of [['ledger', 'list'], ['ledger', 'totals'], ['coverage'], ['ledger', 'verify']]) {
    const r = await cli([...read, '--json', ...db]);
    assert.equal(r.code, 0, `${read.join(' ')}: ${r.err}`);
    assert.doesNotMatch(r.err, /seed/, `${read.join(' ')} wrote nothing`);
  }
  const list = JSON.parse((await cli(['ledger', 'list', '--json', ...db])).out);
  assert.equal(list.count, seed.rows.length);
});

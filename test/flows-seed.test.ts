// The bundled tracker release: byte-for-byte the shared copy, imported once into a store without one (as serve
// does at start-up), and a second start appends nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledFlowsDir, ensureFlows } from '../src/cli/flows-seed.js';
import { ledgerHead } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';

const shared = join(import.meta.dirname, '..', '..', 'shared', 'data', 'kiel');

test('the bundled copies in data/kiel are the shared files, unchanged', { skip: !existsSync(shared) }, () => {
  const csvs = readdirSync(bundledFlowsDir).filter((f) => f.endsWith('.csv'));
  assert.deepEqual(
    csvs,
    readdirSync(shared)
      .filter((f) => f.endsWith('.csv'))
      .sort(),
  );
  for (const f of csvs)
    assert.ok(readFileSync(join(bundledFlowsDir, f)).equals(readFileSync(join(shared, f))), `${f} differs`);
});

test('a store without a release gets the bundled one once; a second start appends nothing', async () => {
  const db = await openStore({ dir: 'memory://' });
  const said: string[] = [];
  const io = { out: () => {}, err: (t: string) => said.push(t) } as unknown as Parameters<typeof ensureFlows>[1];
  try {
    await ensureFlows(db, io);
    const head = await ledgerHead(db);
    // Every data row of the release's flow files becomes at least one entry.
    const rows = readFileSync(join(bundledFlowsDir, 'data_explorer.csv'), 'utf8').trim().split('\n').length - 1;
    assert.ok(head.count >= rows, `${head.count} entries for ${rows} donor-month rows`);
    assert.match(said.join('\n'), /imported tracker release 29/);
    await ensureFlows(db, io);
    assert.deepEqual(await ledgerHead(db), head);
  } finally {
    await db.close();
  }
});

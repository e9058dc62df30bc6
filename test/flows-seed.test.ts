// The bundled tracker release: byte-for-byte the shared copy, imported once into a store without one (as serve
// does at start-up), and a second start appends nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../src/api/app.js';
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
    // The coverage view's tracker allocations per guarantor-year equal the file's sums (EUR bn there).
    const app = createApp({ db, log: () => {} });
    const cov = (await (await app.request('/api/ledger/coverage')).json()) as {
      allocated: { guarantor: string; year: number; eur: string }[];
    };
    const [head0, ...lines] = readFileSync(join(bundledFlowsDir, 'data_explorer.csv'), 'utf8')
      .replaceAll('"', '')
      .trim()
      .split('\n');
    const col = (name: string) => head0!.split(',').indexOf(name);
    for (const [iso, party] of [
      ['GBR', 'GB'],
      ['DEU', 'DE'],
    ] as const) {
      const bn = lines
        .map((l) => l.split(','))
        .filter((f) => f[col('iso')] === iso && f[col('year')] === '2024')
        .reduce((n, f) => n + Number(f[col('total')]), 0);
      const got = cov.allocated.find((a) => a.guarantor === party && a.year === 2024);
      assert.ok(got, `${party} 2024 allocations in the coverage`);
      assert.ok(Math.abs(Number(got.eur) - bn * 1e9) < 1e3, `${party} 2024: ${got.eur} against ${bn} bn in the file`);
    }
  } finally {
    await db.close();
  }
});

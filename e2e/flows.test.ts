// The Flows view in headless Chromium over a store with tracker release 29 imported: the UK's figures read from
// the page equal the sums of the shared file; the agreement page shows its pledge against the allocations.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/api/app.js';
import { readReleaseDir } from '../src/cli/commands/flows.js';
import { listen } from '../src/cli/commands/serve.js';
import { parseRelease } from '../src/core/flows/index.js';
import { loadRegistry } from '../src/data/load-registry.js';
import { importRelease } from '../src/store/flows-store.js';
import { seedLedger } from '../src/store/ledger-store.js';
import { openStore } from '../src/store/open-store.js';
import { saveRegistry } from '../src/store/registry-store.js';
import { ensureClient } from '../src/web/bundle.js';
import { webRoutes } from '../src/web/routes.js';
import { browserSkipReason, SCREENSHOTS, startBrowser } from './harness.js';

const kiel = join(process.env.COMPACT_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'), 'data', 'kiel');
const skip =
  browserSkipReason() ?? (existsSync(join(kiel, 'data_explorer.csv')) ? null : `no tracker files at ${kiel}`);

/** The UK's 2022-to-last-month sums of a data_explorer.csv column, in EUR (exact: six decimals of EUR bn). */
function ukSum(col: number): number {
  let micro = 0n;
  for (const l of readFileSync(join(kiel, 'data_explorer.csv'), 'utf8').split('\n'))
    if (l.startsWith('"United Kingdom","GBR",')) {
      const [i, d = ''] = l.split(',')[col]!.split('.');
      micro += BigInt(i!) * 1_000_000n + BigInt(d.padEnd(6, '0'));
    }
  return Number(micro * 1000n);
}

describe('Flows view in headless Chromium', { skip: skip ?? false }, () => {
  let stop: () => Promise<void>;
  let url: string;
  let br: Awaited<ReturnType<typeof startBrowser>>;
  before(async () => {
    const db = await openStore({ dir: 'memory://' });
    const r = await loadRegistry('data', process.cwd());
    await saveRegistry(db, r.registry!, r.files);
    await seedLedger(db, 'data'); // the agreements' pledges first, as the CLI and the API do
    const rel = parseRelease(readReleaseDir(kiel)).release!;
    const dir = await ensureClient();
    const app = createApp({ db, log: () => {}, web: (a) => webRoutes(a, dir) });
    const imp = await importRelease(db, rel, new Date().toISOString());
    assert.ok(imp.ok);
    const { server, port } = await listen(app.fetch, 0, '127.0.0.1');
    url = `http://127.0.0.1:${port}`;
    stop = async () => {
      await new Promise<void>((res) => server.close(() => res()));
      await db.close();
    };
    br = await startBrowser();
  });
  after(async () => {
    await br?.stop();
    await stop?.();
  });

  test('the UK row shows its allocations and military allocations as in the file; its pledge against them', async () => {
    const page = await br.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/#/flows`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 60_000 });
    const row = page.locator('table.flows-donors tr[data-party="GB"]');
    assert.equal(Number(await row.locator('td.allocated').getAttribute('data-eur')), ukSum(4));
    assert.equal(Number(await row.locator('td.military').getAttribute('data-eur')), ukSum(7));
    assert.match((await row.locator('td.allocated').textContent())!, /^EUR [\d.]+ bn$/);
    const pledge = page.locator('table.fulfilment tr[data-pledge="ua-gb-2024#pledge-2024"]');
    assert.match((await pledge.locator('td.pledged').textContent())!, /GBP 2\.50 bn/);
    const shownAllocated = Number(await pledge.locator('td.allocated').getAttribute('data-eur'));
    assert.ok(shownAllocated > 2.6e9 && shownAllocated < 2.8e9, String(shownAllocated));
    assert.ok((await pledge.locator('td.caveats li').count()) >= 2);
    assert.match((await page.locator('p.source').first().textContent())!, /Ukraine Support Tracker, Release 29/);
    assert.equal((await page.locator('svg.chart rect.bar').count()) > 40, true, 'monthly bars drawn');
    await page.screenshot({ path: join(SCREENSHOTS, 'flows.png'), fullPage: true });
    await page.goto(`${url}/#/agreement/ua-gb-2024`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 60_000 });
    assert.equal(await page.locator('table.fulfilment tr[data-pledge="ua-gb-2024#pledge-2024"]').count(), 1);
    assert.deepEqual(errors, []);
  });
});

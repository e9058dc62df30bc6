// The scenario lab on observed flows in headless Chromium: the withdrawal scenario run on the tracker's
// allocations shows its basis and the United States' 2024 and 2025 allocations beside the chart.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkipReason, SCREENSHOTS, startBrowser, startSystem } from './harness.js';

const skip = browserSkipReason();

describe('scenario lab on observed flows', { skip: skip ?? false }, () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let br: Awaited<ReturnType<typeof startBrowser>>;
  before(async () => {
    sys = await startSystem({ flows: true });
    br = await startBrowser();
  });
  after(async () => {
    await br?.stop();
    await sys?.stop();
  });

  test('the basis is stated on the chart and the US allocations of 2024 and 2025 stand beside it', async () => {
    const page = await br.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sys.url}/#/scenarios`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 45_000 });
    const options = await page
      .locator('#scenario option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const withdrawal = options.find((v) => /us.*withdraw|withdraw.*us/i.test(v)) ?? options[0]!;
    await page.selectOption('#scenario', withdrawal);
    await page.selectOption('#basis', 'observed');
    await page.fill('#trials', '2000');
    await page.locator('form[aria-label="Run a scenario"] button[type="submit"]').click();
    await page.waitForSelector('#observed-flows', { timeout: 60_000 });
    // The page's figures are the API's, which test/simulate-basis.test.ts checks against the file.
    const api = (await (
      await fetch(`${sys.url}/api/analysis/simulate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ trials: 100, basis: 'observed' }),
      })
    ).json()) as { observed: { rates: { partner: string; by_year: Record<string, number> }[] } };
    const us = api.observed.rates.find((r) => r.partner === 'US')!;
    const text = await page.locator('#observed-flows').innerText();
    assert.ok(text.includes(`2024 EUR ${(us.by_year['2024']! / 1e9).toFixed(2)} bn`), text);
    assert.ok(text.includes(`2025 EUR ${(us.by_year['2025']! / 1e9).toFixed(2)} bn`), text);
    assert.match(await page.locator('#scenario-result p.basis').first().innerText(), /basis: observed flows/);
    await page.screenshot({ path: join(SCREENSHOTS, 'scenario-observed.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });
});

// The history view in headless Chromium: the world registry imported, Ukraine's earlier alliances listed as in
// the member file, the honour-rate chart drawn, and the trigger over the world answered from the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkipReason, SCREENSHOTS, startBrowser, startSystem } from './harness.js';

const skip = browserSkipReason();

describe('history view in headless Chromium', { skip: skip ?? false }, () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let br: Awaited<ReturnType<typeof startBrowser>>;
  before(async () => {
    sys = await startSystem({ world: true });
    br = await startBrowser();
  });
  after(async () => {
    await br?.stop();
    await sys?.stop();
  });

  test('opens, lists Ukraine’s earlier alliances and answers an attack on Poland in 2010', async () => {
    const page = await br.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sys.url}/#/history`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 45_000 });
    assert.match(await page.locator('h1').innerText(), /Every alliance since 1815/);
    const members = readFileSync(join(import.meta.dirname, '../data/world/atop-4.01-members.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.split(',')[3] === '369')
      .map((l) => l.split(',')[0]);
    assert.equal(await page.locator('#ukraine-alliances tbody tr').count(), new Set(members).size);
    assert.ok((await page.locator('svg.chart .ci').count()) >= 5, 'honour-rate intervals drawn');
    await page.locator('button', { hasText: 'Who must act?' }).click();
    await page.waitForSelector('#history-trigger-result .summary', { timeout: 30_000 });
    const text = await page.locator('#history-trigger-result').innerText();
    assert.match(text, /atop-3180/);
    assert.match(text, /\bUS\b/);
    await page.screenshot({ path: join(SCREENSHOTS, 'history.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  test('the scenario lab draws the fan chart under the configured and the historical prior side by side', async () => {
    const page = await br.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sys.url}/#/scenarios`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 45_000 });
    await page.selectOption('#prior', 'both');
    await page.fill('#trials', '2000');
    await page.locator('form[aria-label="Run a scenario"] button[type="submit"]').click();
    await page.waitForSelector('#scenario-result .side-by-side .fan[data-prior="historical"] svg', { timeout: 60_000 });
    assert.equal(await page.locator('#scenario-result .fan').count(), 2);
    const hist = await page.locator('.fan[data-prior="historical"] p.notice').innerText();
    assert.match(hist, /historical prior .*Berkemeier/);
    assert.doesNotMatch(await page.locator('.fan[data-prior="configured"] p.notice').innerText(), /historical/);
    await page.screenshot({ path: join(SCREENSHOTS, 'scenario-priors.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });
});

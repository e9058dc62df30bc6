// The dashboard end to end in headless Chromium: every view loads with real data, no request leaves the
// machine, no console error; leaves a screenshot of every view (laptop and phone widths) in e2e/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSkipReason, SCREENSHOTS, startBrowser, startSystem } from './harness.js';

const skip = browserSkipReason();

describe('dashboard in headless Chromium', { skip: skip ?? false }, () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let br: Awaited<ReturnType<typeof startBrowser>>;
  let browser: Awaited<ReturnType<typeof startBrowser>>['browser'];
  const offsite: string[] = [];
  const consoleErrors: string[] = [];

  before(async () => {
    sys = await startSystem();
    br = await startBrowser();
    browser = br.browser;
  });
  after(async () => {
    await br?.stop();
    await sys?.stop();
  });

  async function open(hash: string, width = 1280, height = 900): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('request', (r) => { if (!r.url().startsWith(sys.url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${hash}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${hash}: ${e.message}`));
    await page.goto(`${sys.url}/${hash}`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 20_000 });
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  test('overview: key figures, the map of Europe with guarantors coloured, the network', async () => {
    const page = await open('#/');
    assert.equal(await page.locator('.figure').count(), 6);
    const coloured = await page.locator('.countries path.country[class*=" q"]').count();
    assert.ok(coloured >= 20, `at least 20 guarantors coloured on the map, found ${coloured}`);
    assert.equal(await page.locator('path.country.ua').count(), 1);
    assert.ok((await page.locator('.node.guarantor').count()) >= 25);
    await shot(page, 'overview');
    await page.selectOption('#measure', 'strength');
    await page.waitForSelector('.map-box .unavailable, .map-box svg');
    await page.close();
  });

  test('agreement page: provisions with quotes and sources, timeline; deep link works', async () => {
    const page = await open('#/agreement/ua-gb-2024');
    assert.match(await page.locator('h1').innerText(), /United Kingdom/);
    assert.ok((await page.locator('.provisions li blockquote').count()) >= 20);
    assert.ok((await page.locator('.provisions li .meta a[href^="http"]').count()) >= 20, 'each provision links its source');
    assert.equal(await page.locator('svg.chart title').first().textContent(), 'Timeline of treaty actions');
    await shot(page, 'agreement-ua-gb-2024');
    await page.close();
  });

  test('trigger board: simulates an attack when the engine is there, else says it is not available; lists the clauses', async () => {
    const page = await open('#/trigger');
    const caps = await (await fetch(`${sys.url}/api/capabilities`)).json() as { groups: Record<string, { available: boolean }> };
    if (caps.groups.trigger?.available) {
      await page.click('form button[type=submit]');
      await page.waitForSelector('#trigger-result table.obligations tbody tr');
      assert.ok((await page.locator('#trigger-result .countdown').count()) > 0);
    } else {
      assert.ok(await page.locator('.unavailable').first().isVisible());
      assert.ok(await page.locator('form button[type=submit]').isDisabled());
    }
    assert.ok((await page.locator('details summary').count()) >= 1, 'clauses with mechanisms are listed');
    await shot(page, 'trigger');
    await page.close();
  });

  test('coverage: capability x guarantor matrix from the provisions', async () => {
    const page = await open('#/coverage');
    assert.ok((await page.locator('table.matrix tbody tr').count()) >= 4);
    await shot(page, 'coverage');
    await page.close();
  });

  test('2022 proposal against 2024: matrix with the proposal column and every agreement', async () => {
    const page = await open('#/compare');
    const cols = await page.locator('table.matrix').first().locator('thead th').count();
    assert.ok(cols >= 30, `proposal + 29 agreements + header, found ${cols}`);
    await shot(page, 'compare');
    await page.close();
  });

  test('scenario lab: draws a fan chart when analysis is there, else says it is not available', async () => {
    const page = await open('#/scenarios');
    const caps = await (await fetch(`${sys.url}/api/capabilities`)).json() as { groups: Record<string, { available: boolean }> };
    if (caps.groups.analysis?.available) {
      await page.click('form button[type=submit]');
      await page.waitForSelector('#scenario-result svg .fan-band');
    } else assert.ok(await page.locator('.unavailable').first().isVisible());
    await shot(page, 'scenarios');
    await page.close();
  });

  test('phone width: the overview stays readable (no horizontal page scroll), skip link and focus work', async () => {
    const page = await open('#/', 390, 844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await shot(page, 'overview-phone');
    await page.close();
  });

  test('the API reference renders the OpenAPI document', async () => {
    const page = await browser.newPage();
    await page.goto(`${sys.url}/api/docs`);
    await page.waitForSelector('details summary code');
    assert.ok((await page.locator('details summary code').count()) >= 20);
    await page.screenshot({ path: join(SCREENSHOTS, 'api-docs.png') });
    await page.close();
  });

  test('nothing was fetched from another origin and no script error happened', () => {
    assert.deepEqual(offsite, []);
    assert.deepEqual(consoleErrors, []);
  });
});

if (skip) test(`dashboard e2e skipped: ${skip}`, { skip }, () => {});

// The dashboard end to end in headless Chromium: every view loads with real data, no request leaves the
// machine, no console error; leaves a screenshot of every view (laptop and phone widths) in e2e/screenshots/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
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
    page.on('request', (r) => {
      if (!r.url().startsWith(sys.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${hash}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${hash}: ${e.message}`));
    await page.goto(`${sys.url}/${hash}`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 45_000 });
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  test('overview: key figures, the map of Europe with guarantors coloured, the network', async () => {
    const page = await open('#/');
    assert.equal(await page.locator('.figure').count(), 6);
    const coloured = await page.locator('.countries path.country[class*=" q"]').count();
    assert.ok(coloured >= 20, `at least 20 guarantors coloured on the map, found ${coloured}`);
    assert.equal(await page.locator('path.country.ua').count(), 1);
    assert.ok((await page.locator('.node.guarantor').count()) >= 25);
    await shot(page, 'overview');
    await page.selectOption('#measure', 'strength');
    await page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('strength'));
    assert.ok(
      (await page.locator('.countries path.country[class*=" q"]').count()) >= 20,
      'guarantors coloured by strength',
    );
    // Pledges from the ledger's EUR totals: pledges in GBP, NOK and SEK are converted, not grey.
    await page.selectOption('#measure', 'pledges');
    await page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('EUR'));
    for (const name of ['United Kingdom', 'Norway', 'Sweden']) {
      const cls = await page
        .locator('.countries path.country', { has: page.locator(`title:text-matches("^${name}")`) })
        .first()
        .getAttribute('class');
      assert.match(cls ?? '', / q\d/, `${name} coloured by its pledge in EUR`);
    }
    assert.ok((await page.locator('.scale-legend svg.swatch').count()) >= 2, 'the legend shows the scale');
    await page.selectOption('#measure', 'gdp');
    await page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('GDP'));
    assert.ok(
      (await page.locator('.countries path.country[class*=" q"]').count()) >= 4,
      'the % of GDP view colours the guarantors with a cited GDP value',
    );
    await shot(page, 'overview-gdp');
    await page.close();
  });

  test('agreement page: provisions with quotes and sources, timeline; deep link works', async () => {
    const page = await open('#/agreement/ua-gb-2024');
    assert.match(await page.locator('h1').innerText(), /United Kingdom/);
    assert.ok((await page.locator('.provisions li blockquote').count()) >= 20);
    assert.ok(
      (await page.locator('.provisions li .meta a[href^="http"]').count()) >= 20,
      'each provision links its source',
    );
    assert.equal(await page.locator('svg.chart title').first().textContent(), 'Timeline of treaty actions');
    // The completeness badge: a grade, facts known, provisions from the text against reports, the text.
    assert.match(
      await page.locator('#completeness').innerText(),
      /record (complete|partial|thin) \d+ of \d+ facts known · \d+ provisions from the text, \d+ from reports · text/,
    );
    // One date convention: the page states the period in the API's words (the CLI prints the same).
    const api = (await (await fetch(`${sys.url}/api/agreements/ua-gb-2024`)).json()) as {
      force: { in_force_text: string };
    };
    assert.match(api.force.in_force_text, /through \d{4}-\d{2}-\d{2} \(last day\)/);
    assert.equal(await page.locator('dl.facts dt:text-is("In force") + dd').innerText(), api.force.in_force_text);
    await shot(page, 'agreement-ua-gb-2024');
    await page.close();
  });

  test('trigger board: a simulated attack lists its obligations with deadlines, 24h countdowns and the why trace', async () => {
    const page = await open('#/trigger');
    await page.click('form[aria-label="Record or simulate an attack"] button[type=submit]');
    await page.waitForSelector('#trigger-result table.obligations tbody tr');
    const rows = await page.locator('#trigger-result table.obligations tbody tr').count();
    assert.ok(rows >= 10, `an attack obliges many guarantors, found ${rows} rows`);
    assert.match(
      await page.locator('#trigger-result .summary').innerText(),
      /Dry run: nothing recorded\. \d+ obligation\(s\)/,
    );
    assert.ok((await page.locator('#trigger-result .countdown').count()) > 0, 'the 24h clocks count down');
    assert.ok(await page.locator('#trigger-result tr[data-id] .state.simulated').first().isVisible());
    await page.locator('#trigger-result details summary', { hasText: 'why' }).first().click();
    assert.ok(
      (await page.locator('#trigger-result .why ol.trace li').first().innerText()).length > 0,
      'the why panel shows the trace',
    );
    assert.ok((await page.locator('details summary').count()) >= 1, 'clauses with mechanisms are listed');
    await shot(page, 'trigger');
    await page.close();
  });

  test('coverage: capability x guarantor matrix from the provisions', async () => {
    const page = await open('#/coverage');
    assert.ok((await page.locator('table.matrix tbody tr').count()) >= 4);
    assert.ok(
      (await page.locator('section[aria-label="Guarantor × year from the ledger"] table.matrix tbody tr').count()) >= 5,
      'the ledger heatmap has guarantors',
    );
    assert.ok((await page.locator('#ledger-chart svg rect.bar.s0').count()) >= 5, 'pledged bars per party');
    await page.selectOption('#totals-by', 'year');
    await page.waitForFunction(() =>
      document.querySelector('#ledger-chart svg title')?.textContent?.includes('by year'),
    );
    await shot(page, 'coverage');
    await page.close();
  });

  test('2022 proposal against 2024: the met/partly grid of every point, and the area matrix', async () => {
    const page = await open('#/compare');
    const { loadRegistry } = await import('../src/data/load-registry.js');
    const reg = (await loadRegistry('data')).registry!;
    const ksc = reg.frameworks.find((f) => f.id === 'kyiv-security-compact-2022')!;
    const members = reg.agreements.filter((a) => a.frameworks.includes('ukraine-compact-2024'));
    const grid = page.locator('table.verdicts');
    assert.equal(await grid.locator('tbody tr').count(), ksc.elements.length, 'one row per point of the proposal');
    assert.equal(await grid.locator('tbody tr').first().locator('td.v').count(), members.length);
    const cols = await page.locator('table.matrix:not(.verdicts)').first().locator('thead th').count();
    assert.ok(cols >= 30, `proposal + 29 agreements + header, found ${cols}`);
    const only2024 = await page.locator('table.matrix:not(.verdicts)').nth(1).locator('tbody th').allInnerTexts();
    for (const a of ['military assistance', 'consultations on attack'])
      assert.ok(!only2024.some((t) => t.startsWith(a)), `${a} is an area the 2022 proposal covers`);
    await shot(page, 'compare');
    await page.close();
  });

  test('scenario lab: a scenario run draws its fan chart against the baseline with the diff; the settlement checker answers', async () => {
    const page = await open('#/scenarios');
    await page.selectOption('#scenario', 'us-withdrawal-2025');
    await page.fill('#trials', '5000');
    await page.click('form[aria-label="Run a scenario"] button[type=submit]');
    await page.waitForSelector('#scenario-result svg .fan-band', { timeout: 60_000 });
    assert.equal(await page.locator('#scenario-result svg .fan-baseline').count(), 1, 'the baseline median is drawn');
    assert.ok((await page.locator('#scenario-result ul.diff li').count()) >= 4);
    assert.match(await page.locator('#scenario-result p.notice').first().innerText(), /ASSUMPTIONS/);
    await page.fill(
      '#settlement',
      'id: e2e\ntitle: E2E plan\ndate: 2025-11-20\nproponent: test\nstatus: proposal\nsources: [https://example.org/plan]\nterms:\n  - kind: neutrality\n    text: Ukraine stays neutral and outside NATO\n    source: https://example.org/plan\n',
    );
    await page.click('form[aria-label="Check a settlement"] button[type=submit]');
    await page.waitForSelector('#settlement-result ol.findings li, #settlement-result .notice.error');
    await shot(page, 'scenarios');
    assert.equal(
      await page.locator('#settlement-result .notice.error').count(),
      0,
      await page.locator('#settlement-result').innerText(),
    );
    // A bundled proposal picked from the list loads its YAML; every term gets one of the four verdicts.
    await page.selectOption('#settlement-pick', 'us-28-point-plan-2025-11');
    await page.waitForFunction(() =>
      (document.querySelector('#settlement') as HTMLTextAreaElement).value.includes('us-28-point-plan-2025-11'),
    );
    await page.click('form[aria-label="Check a settlement"] button[type=submit]');
    await page.waitForFunction(() =>
      document.querySelector('#settlement-result .summary')?.textContent?.includes('28-point'),
    );
    const summary = await page.locator('#settlement-result .summary').innerText();
    assert.match(summary, /\d+ conflict, \d+ tension, \d+ compatible, \d+ unassessed/);
    const items = page.locator('#settlement-result ol.findings > li');
    const classes = await items.evaluateAll((els) => els.map((e) => e.className));
    assert.ok(classes.length > 20);
    for (const c of classes) assert.match(c, /^verdict (conflict|tension|compatible|unassessed)$/);
    assert.doesNotMatch(await page.locator('#settlement-result').innerText(), /\bnone —/);
    await shot(page, 'settlement-28-point-plan');
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

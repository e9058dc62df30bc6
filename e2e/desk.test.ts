// The review desk in headless Chromium: a DOCX built here from a corpus text is uploaded, its passages shown
// highlighted by area; an invalid edit shows the field's error, keeps Save disabled and writes nothing; then all
// passages are accepted, one rejected, one field edited, the record saved and found through the API.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { createToken } from '../src/store/auth-store.js';
import { browserSkipReason, SCREENSHOTS, startBrowser, startSystem } from './harness.js';

const shared = process.env.COMPACT_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const text = join(shared, 'corpus', 'dev', 'ua-dk-2024.txt');
const skip = browserSkipReason() ?? (existsSync(text) ? null : `no ${text} (set COMPACT_SHARED)`);
const ID = 'ua-dk-2024-desk';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOCX with one Word paragraph per line of a corpus .txt (its header of provenance lines left out). */
async function docxOf(file: string): Promise<Buffer> {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#')); // '#' lines are the corpus file's header of provenance
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document ${W}><w:body>${lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('review desk in headless Chromium', { skip: skip ?? false }, () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let br: Awaited<ReturnType<typeof startBrowser>>;
  let token: string;
  let docx: Buffer;
  before(async () => {
    sys = await startSystem();
    br = await startBrowser();
    token = (await createToken(sys.db, { name: 'e2e coordinator', role: 'coordinator' })).token;
    docx = await docxOf(text);
  });
  after(async () => {
    await br?.stop();
    await sys?.stop();
  });

  test('upload a DOCX, an invalid edit writes nothing, accept, edit, reject, save, and the record is served', {
    timeout: 240_000,
  }, async () => {
    const auth = { Authorization: `Bearer ${token}` };
    // What the API drafts from the same file: the page must show exactly these items.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(docx)]), 'ua-dk-2024.docx');
    const api = (await (
      await fetch(`${sys.url}/api/ingest/draft`, { method: 'POST', body: form, headers: auth })
    ).json()) as {
      passages: { id: string; area: string; quote: string }[];
      fields: { name: string; value: unknown }[];
      pledges: unknown[];
      draft: { signed_on: string };
    };
    assert.ok(api.passages.length > 3 && api.draft.signed_on, 'the text drafts passages and a signature date');

    const page = await br.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    /** Waits for the check to settle as `state`; a timeout says what the page shows. */
    const settled = async (state: 'ok' | 'invalid') => {
      try {
        await page.waitForSelector(`#desk-status.${state}`, { timeout: 30_000 });
      } catch (e) {
        const shown = await page.locator('#desk-status, #desk-issues, .field-error').allInnerTexts();
        throw new Error(`the check did not settle as ${state}: ${shown.filter(Boolean).join(' | ')}`, { cause: e });
      }
    };
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${sys.url}/#/desk`);
    await page.waitForSelector('.view[data-ready="true"]', { timeout: 45_000 });
    assert.equal(await page.locator('h1').innerText(), 'Review desk');
    await page.fill('#token', token);
    await page.setInputFiles('#desk-file', {
      name: 'ua-dk-2024.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await page.locator('form[aria-label="Upload an agreement text"] button[type="submit"]').click();
    await page.waitForSelector('#desk-review', { timeout: 60_000 });

    // Every candidate passage is listed and highlighted in the text with its area's label and colour.
    assert.equal(await page.locator('#desk-passages > li').count(), api.passages.length);
    assert.equal(await page.locator('#desk-text .area-tag').count(), api.passages.length);
    const first = api.passages[0]!;
    const marked = await page
      .locator(`#desk-text mark[data-passages~="${first.id}"]`)
      .evaluateAll((ms) => ms.map((m) => m.textContent).join(''));
    assert.equal(marked, first.quote);
    assert.match(
      (await page.locator(`#desk-text mark[data-passages~="${first.id}"]`).first().getAttribute('class'))!,
      /hl-\d/,
    );
    assert.equal(await page.locator('#desk-fields > li').count(), api.fields.length);
    assert.equal(await page.locator('#desk-pledges > li').count(), api.pledges.length);

    // A field's source: clicking it highlights the passage it came from.
    await page.locator('#desk-fields li[data-item="signed_on"] button.source').click();
    const focused = await page
      .locator('#desk-text .seg.focus')
      .evaluateAll((ms) => ms.map((m) => m.textContent).join(''));
    assert.match(focused, /2024|June|July|May/);

    await page.fill('#desk-source-url', 'https://www.regeringen.dk/ukraine-agreement');
    await page.fill('#desk-id', ID);
    await page.locator('#desk-accept-all').click();
    await settled('ok');

    // An invalid edit: the field's error beside it, Save disabled, nothing written.
    await page.fill('#desk-f-signed_on', '2024-13-45');
    await settled('invalid');
    const err = await page.locator('[data-error-for="signed_on"]').innerText();
    assert.match(err, /calendar date/);
    assert.equal(await page.locator('#desk-save').isDisabled(), true);
    assert.equal((await fetch(`${sys.url}/api/agreements/${ID}`)).status, 404);

    // Fix it, edit another field, reject one passage, save.
    await page.fill('#desk-f-signed_on', api.draft.signed_on);
    await page.fill('#desk-f-signed_at', 'Vilnius (Lithuania)');
    const rejected = api.passages[1]!;
    await page.locator(`#desk-passages li[data-item="${rejected.id}"] button.reject`).click();
    await settled('ok');
    assert.equal(await page.locator('[data-error-for="signed_on"]').innerText(), '');
    await page.locator(`#desk-passages li[data-item="${first.id}"] button.source`).click();
    assert.ok((await page.locator('#desk-text mark.seg.focus').count()) > 0, 'a passage shown from its list item');
    await page.screenshot({ path: join(SCREENSHOTS, 'desk.png'), fullPage: false });
    await page.locator('#desk-save').click();
    await page.waitForSelector('#desk-record-link', { timeout: 30_000 });
    assert.match(await page.locator('#desk-saved').innerText(), new RegExp(`Saved ${ID}, version 1`));

    const rec = (await (await fetch(`${sys.url}/api/agreements/${ID}`)).json()) as {
      signed_at: string;
      signed_on: string;
      provisions: { quote: string; area: string }[];
      pledges: unknown[];
    };
    assert.equal(rec.signed_at, 'Vilnius (Lithuania)');
    assert.equal(rec.signed_on, api.draft.signed_on);
    assert.equal(rec.provisions.length, api.passages.length - 1);
    assert.ok(!rec.provisions.some((p) => p.area === rejected.area && p.quote === rejected.quote));
    assert.equal(rec.pledges.length, api.pledges.length);
    await page.locator('#desk-record-link').click();
    await page.waitForSelector('.view[data-view="agreement"][data-ready="true"]', { timeout: 30_000 });
    assert.match(await page.locator('.crumbs').innerText(), new RegExp(ID));
    assert.deepEqual(errors, []);
  });
});

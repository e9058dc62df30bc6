// Bounded ingest: a DOCX decompression bomb (generated here with jszip: a few hundred KB that inflate to
// 256 MiB) is refused within 2 s and 300 MB of memory, whether it declares its real size or lies about it; XML
// elements, nesting, paragraphs and PDF pages are bounded; every refusal names the limit and how to raise it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { ExtractError, ExtractLimitError, extractFile } from '../src/ingest/extract/index.js';
import { DEFAULT_LIMITS, LIMIT_ENV } from '../src/ingest/extract/limits.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'compact-ingest-limits-'));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const BOMB_BYTES = 256 << 20;

/** A DOCX whose document.xml is `bytes` of paragraphs, streamed into jszip so the test never holds it whole. */
async function bombDocx(bytes: number): Promise<Buffer> {
  const headXml = `<?xml version="1.0"?><w:document ${W}><w:body>`;
  const tail = '</w:body></w:document>';
  const chunk = para('Article 1. The parties shall consult within 24 hours.').repeat(16_384);
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent === 0) this.push(headXml);
      if (sent >= bytes) {
        this.push(tail);
        this.push(null);
        return;
      }
      this.push(chunk);
      sent += chunk.length;
    },
  });
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  zip.file('word/document.xml', body, { binary: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A copy of a zip whose central directory and local header declare `size` bytes for `name` (a lying bomb). */
function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const b = Buffer.from(zip);
  for (let i = 0; i + 46 < b.length; i++) {
    if (b.readUInt32LE(i) !== 0x02014b50) continue;
    const n = b.readUInt16LE(i + 28);
    if (b.subarray(i + 46, i + 46 + n).toString() !== name) continue;
    b.writeUInt32LE(size, i + 24);
    const local = b.readUInt32LE(i + 42);
    b.writeUInt32LE(size, local + 22);
  }
  return b;
}

async function smallDocx(paragraphs: number, nest = 0): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  const deep = '<w:sdt>'.repeat(nest) + para('deep') + '</w:sdt>'.repeat(nest);
  const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${Array.from({ length: paragraphs }, (_, i) => para(`Paragraph ${i + 1}.`)).join('')}${deep}</w:body></w:document>`;
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Runs extractFile in a fresh process and reports its time, peak memory and error. */
async function extractInChild(file: string, env: Record<string, string> = {}) {
  const script = `
    const { extractFile } = await import(${JSON.stringify(join(import.meta.dirname, '..', 'src', 'ingest', 'extract', 'index.ts'))});
    const t0 = performance.now();
    let error = null, code = null, paragraphs = null;
    try { paragraphs = (await extractFile(${JSON.stringify(file)})).text.paragraphs.length; }
    catch (e) { error = e.message; code = e.code ?? null; }
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, error, code, paragraphs }));`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    ms: number;
    maxRssMB: number;
    error: string | null;
    code: string | null;
    paragraphs: number | null;
  };
}

let bomb = '';
let liar = '';
before(async () => {
  const b = await bombDocx(BOMB_BYTES);
  assert.ok(b.length < 2 << 20, `the bomb is small: ${b.length} bytes`);
  bomb = join(dir, 'bomb.docx');
  writeFileSync(bomb, b);
  liar = join(dir, 'liar.docx');
  writeFileSync(liar, lieAboutSize(b, 'word/document.xml', 4096));
});

describe('bounded ingest', () => {
  test('a decompression bomb that declares its size is refused within 2 s and 300 MB', {
    timeout: 120_000,
  }, async (t) => {
    const r = await extractInChild(bomb);
    t.diagnostic(`refused in ${Math.round(r.ms)} ms, peak RSS ${Math.round(r.maxRssMB)} MB`);
    assert.equal(r.code, 'too_large', JSON.stringify(r));
    assert.match(
      r.error!,
      /bomb\.docx: word\/document\.xml: inflated bytes declared \(with the parts before it\): 26\d,\d{3},\d{3} is over the ingest limit of 67,108,864/,
    );
    assert.match(r.error!, new RegExp(`${LIMIT_ENV.inflatedBytes}=`), 'names the variable that raises it');
    assert.ok(r.ms < 2000, `refused in ${Math.round(r.ms)} ms`);
    assert.ok(r.maxRssMB < 300, `peak memory ${Math.round(r.maxRssMB)} MB`);
  });

  test('a bomb that lies about its size stops inflating at the declared size', { timeout: 120_000 }, async (t) => {
    const r = await extractInChild(liar);
    t.diagnostic(`refused in ${Math.round(r.ms)} ms, peak RSS ${Math.round(r.maxRssMB)} MB`);
    assert.equal(r.code, 'too_large', JSON.stringify(r));
    assert.match(r.error!, /inflates to more than the 4096 bytes it declares/);
    assert.ok(r.ms < 2000 && r.maxRssMB < 300, JSON.stringify(r));
  });

  test('with the size limit raised, the ratio limit still refuses the bomb', { timeout: 120_000 }, async (t) => {
    const r = await extractInChild(bomb, { [LIMIT_ENV.inflatedBytes]: String(1 << 30) });
    t.diagnostic(`refused in ${Math.round(r.ms)} ms, peak RSS ${Math.round(r.maxRssMB)} MB`);
    assert.equal(r.code, 'too_large', JSON.stringify(r));
    assert.match(r.error!, new RegExp(`over the ingest limit of ${DEFAULT_LIMITS.ratio} \\(${LIMIT_ENV.ratio}\\)`));
    assert.ok(r.ms < 2000 && r.maxRssMB < 300, JSON.stringify(r));
  });

  test('XML elements, nesting and paragraphs are bounded, and raising a limit lets a genuine file through', async () => {
    const f = join(dir, 'many.docx');
    writeFileSync(f, await smallDocx(3000));
    const limits = { ...DEFAULT_LIMITS, xmlNodes: 5000 };
    await assert.rejects(extractFile(f, limits), (e: unknown) => {
      assert.ok(e instanceof ExtractLimitError && e.limit === 'xmlNodes', String(e));
      assert.match(
        (e as Error).message,
        /word\/document\.xml: XML elements: 9,005 is over the ingest limit of 5,000 \(COMPACT_INGEST_MAX_XML_NODES\)/,
      );
      return true;
    });
    await assert.rejects(
      extractFile(f, { ...DEFAULT_LIMITS, paragraphs: 2999 }),
      /paragraphs: 3,001 is over the ingest limit of 2,999 \(COMPACT_INGEST_MAX_PARAGRAPHS\)/,
    );
    assert.equal((await extractFile(f, DEFAULT_LIMITS)).text.paragraphs.length, 3001);
    const deep = join(dir, 'deep.docx');
    writeFileSync(deep, await smallDocx(1, 5000));
    await assert.rejects(
      extractFile(deep, { ...DEFAULT_LIMITS, ratio: 100_000 }),
      /XML nesting depth: 5,00\d is over the ingest limit of 256 \(COMPACT_INGEST_MAX_XML_DEPTH\)/,
    );
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x\n'.repeat(2048));
    await assert.rejects(
      extractFile(big, { ...DEFAULT_LIMITS, fileBytes: 1024 }),
      /4,096 is over the ingest limit of 1,024 \(COMPACT_INGEST_MAX_FILE_BYTES\)/,
    );
  });

  test('PDF pages are bounded; the corpus still reads with the default limits', { timeout: 300_000 }, async (t) => {
    const pdf = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev', 'raw', 'ua-de-2024.pdf');
    const docx = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev', 'raw', 'ua-pl-2024.docx');
    if (!existsSync(pdf) || !existsSync(docx)) return t.skip('the shared corpus is not here');
    await assert.rejects(extractFile(pdf, { ...DEFAULT_LIMITS, pdfPages: 2 }), (e: unknown) => {
      assert.ok(e instanceof ExtractError && (e as ExtractLimitError).code === 'too_large');
      assert.match(
        (e as Error).message,
        /the PDF: pages: \d+ is over the ingest limit of 2 \(COMPACT_INGEST_MAX_PDF_PAGES\)/,
      );
      return true;
    });
    assert.ok((await extractFile(pdf)).text.paragraphs.length > 50);
    assert.ok((await extractFile(docx)).text.paragraphs.length > 50);
  });

  test('a limit set to something other than a positive whole number is an error naming the variable', async () => {
    const { limitsFromEnv } = await import('../src/ingest/extract/limits.js');
    assert.throws(
      () => limitsFromEnv({ [LIMIT_ENV.ratio]: 'lots' }),
      /COMPACT_INGEST_MAX_RATIO: expected a positive whole number/,
    );
    assert.equal(limitsFromEnv({ [LIMIT_ENV.ratio]: '50' }).ratio, 50);
  });
});

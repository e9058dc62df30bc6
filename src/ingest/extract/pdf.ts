// PDF extraction with pdfjs-dist: rebuilds lines from text items by y-position and paragraphs from line gaps.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { BULLET, readLabel } from '../labels.js';
import type { ExtractedText } from '../types.js';
import { DEFAULT_LIMITS, type IngestLimits, within } from './limits.js';

/** A line of text on a page: its words, left edge, baseline and font height. */
export interface Line {
  text: string;
  x: number;
  y: number;
  h: number;
  page: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Lines of every page, top to bottom, with running headers, footers and page numbers removed. */
async function pdfLines(data: Uint8Array, limits: IngestLimits): Promise<Line[]> {
  const doc = await getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  if (doc.numPages > limits.pdfPages) {
    await doc.destroy();
    within(limits, 'pdfPages', doc.numPages, 'the PDF: pages');
  }
  const pages: Line[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it) || !it.str) continue;
      items.push({
        str: it.str,
        x: it.transform[4] as number,
        y: it.transform[5] as number,
        w: it.width,
        h: it.height || Math.abs(it.transform[3] as number),
      });
    }
    pages.push(toLines(items, p));
    page.cleanup();
  }
  await doc.destroy();
  return dropFurniture(pages);
}

/** Groups items into lines: same baseline (within a third of the font height), ordered by x. */
export function toLines(items: Item[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: Item[]; y: number }[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, (it.h || 10) / 3));
    if (line) line.items.push(it);
    else lines.push({ items: [it], y: it.y });
  }
  return lines
    .map((l) => {
      const its = l.items.sort((a, b) => a.x - b.x);
      let text = '';
      let prevEnd = -Infinity;
      for (const it of its) {
        const gap = it.x - prevEnd;
        if (text && gap > Math.max(1.5, (it.h || 10) * 0.18) && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
        text += it.str;
        prevEnd = it.x + it.w;
      }
      const h = Math.max(...its.map((i) => i.h));
      return { text: text.replace(/\s+/g, ' ').trim(), x: its[0]!.x, y: l.y, h, page };
    })
    .filter((l) => l.text)
    .sort((a, b) => b.y - a.y);
}

/** Drops page numbers and lines repeated at the same height on most pages (running heads and feet). */
function dropFurniture(pages: Line[][]): Line[] {
  const key = (l: Line) => `${Math.round(l.y)}|${l.text.replace(/\d+/g, '#')}`;
  const counts = new Map<string, number>();
  for (const p of pages) for (const k of new Set(p.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: Line[] = [];
  for (const p of pages) {
    p.forEach((l, i) => {
      const edge = i < 2 || i >= p.length - 2;
      if (edge && /^(page\s*)?[-–]?\s*\d{1,3}\s*[-–]?(\s*(of|\/)\s*\d{1,3})?$/i.test(l.text)) return;
      if (pages.length >= 3 && edge && (counts.get(key(l)) ?? 0) >= Math.max(3, pages.length / 2)) return;
      out.push(l);
    });
  }
  return out;
}

const KEEP_HYPHEN =
  /\b(co|non|long|short|full|self|multi|well|anti|cross|post|pre|counter|cyber|mid|high|low|large|small|train|inter|sub|semi|ex|state|war|sea|air)-$/i;

/**
 * Joins lines into paragraphs. A new paragraph starts after a gap clearly wider than the usual line spacing,
 * at a numbering label or bullet, or after a line ending a sentence when the next starts a page. Words broken
 * at a line end are rejoined ("recog-" + "nised"), keeping the hyphen of compounds ("co-" + "operation").
 */
export function toParagraphs(lines: Line[]): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++)
    if (lines[i]!.page === lines[i - 1]!.page) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  const typical = median(gaps.filter((g) => g > 0)) || 14;
  const paras: string[] = [];
  let cur = '';
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    let brk = !prev;
    if (prev) {
      const samePage = prev.page === l.page;
      const gap = prev.y - l.y;
      if (samePage && gap > typical * 1.3) brk = true;
      if (!samePage && /[.;:]$/.test(prev.text) && !/^[a-z]/.test(l.text)) brk = true;
      if (readLabel(l.text) || BULLET.test(l.text)) brk = true;
    }
    if (brk) {
      if (cur) paras.push(cur);
      cur = l.text;
    } else if (/[A-Za-z]-$/.test(cur) && /^[A-Z]/.test(l.text)) {
      cur += l.text;
    } else if (/[A-Za-z]-$/.test(cur) && /^[a-z]/.test(l.text)) {
      cur = KEEP_HYPHEN.test(cur) ? cur + l.text : cur.slice(0, -1) + l.text;
    } else cur = `${cur} ${l.text}`;
  });
  if (cur) paras.push(cur);
  return paras.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Paragraphs of a PDF file's text layer (no OCR: scanned PDFs give no text). */
export async function fromPdf(data: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS): Promise<ExtractedText> {
  const lines = await pdfLines(new Uint8Array(data), limits);
  const paragraphs = toParagraphs(lines);
  within(limits, 'paragraphs', paragraphs.length, 'the PDF: paragraphs');
  return { paragraphs, format: 'pdf' };
}

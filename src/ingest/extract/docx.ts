// DOCX extraction: reads word/document.xml and rebuilds Word auto-numbering from numbering.xml as text labels.
import type { ExtractedText } from '../types.js';
import { formatNumber, type LevelDef, numberingOf, styleNumPr, stylesOf } from './docx-numbering.js';
import { attr, checkXmlSize, child, parseXml, val } from './docx-xml.js';
import { DEFAULT_LIMITS, type IngestLimits, within } from './limits.js';
import { boundedZip } from './zip-read.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
type El = Element;

/** Visible text of a paragraph: runs, hyperlinks, insertions; not deletions or field codes. */
function paragraphText(p: El): string {
  let out = '';
  const walk = (el: El) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as El;
      const name = e.localName;
      if (e.namespaceURI !== W) {
        walk(e);
        continue;
      }
      if (['del', 'pPr', 'rPr', 'instrText', 'delText'].includes(name)) continue;
      if (name === 't') out += e.textContent ?? '';
      else if (name === 'tab') out += ' ';
      else if (name === 'br' || name === 'cr') out += '\n';
      else if (name === 'noBreakHyphen') out += '-';
      else if (name === 'sym') out += String.fromCharCode(parseInt(attr(e, 'char') ?? '20', 16));
      else walk(e);
    }
  };
  walk(p);
  return out;
}

const OWN_LABEL = /^(\(?[0-9]{1,3}[.)]|\([a-zA-Z]{1,4}\)|[a-z]\)|[ivx]+\))\s/;

/** Paragraphs of a .docx file with Word list numbers rendered as text prefixes ("1. ", "a) ", "•"). */
export async function fromDocx(buf: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS): Promise<ExtractedText> {
  const zip = boundedZip(buf, limits);
  // Every part is bounded twice before parsing: its inflated size (zip-read.ts), then its element count and depth.
  const read = (name: string) => {
    const xml = zip.text(name);
    if (xml !== null) checkXmlSize(xml, name, limits);
    return xml;
  };
  const docXml = read('word/document.xml');
  if (!docXml) throw new Error('no word/document.xml inside: not a Word document');
  const { abstracts, nums } = numberingOf(read('word/numbering.xml'));
  const styles = stylesOf(read('word/styles.xml'));
  const body = parseXml(docXml).getElementsByTagNameNS(W, 'body')[0];
  if (!body) throw new Error('word/document.xml has no w:body: not a Word document');
  const paragraphs = Array.from(body.getElementsByTagNameNS(W, 'p')) as El[];
  within(limits, 'paragraphs', paragraphs.length, 'word/document.xml: paragraphs');
  const counters = new Map<string, (number | undefined)[]>();
  const starts = new Map<string, number>();
  const applied = new Set<string>();
  const out: string[] = [];
  for (const p of paragraphs) {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    let numId: string | null = null;
    let ilvl = 0;
    if (numPr) {
      numId = val(child(numPr, 'numId'));
      ilvl = Number(val(child(numPr, 'ilvl')) ?? 0);
    } else {
      const sn = styleNumPr(styles, val(child(pPr, 'pStyle')));
      if (sn) ({ numId, ilvl } = sn);
    }
    const text = paragraphText(p)
      .split('\n')
      .map((t) => t.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter(Boolean);
    if (!text.length) continue;
    let prefix = '';
    const num = numId && numId !== '0' ? nums.get(numId) : undefined;
    if (num) {
      const levels = abstracts.get(num.abs) ?? new Map<number, LevelDef>();
      const levelOf = (i: number) => num.overrides.get(i)?.lvl ?? levels.get(i);
      const lvl = levelOf(ilvl);
      if (lvl) {
        const c = counters.get(num.abs) ?? [];
        for (const [oi, o] of num.overrides) {
          const key = `${numId}:${oi}`;
          if (o.start !== null && !applied.has(key)) {
            applied.add(key);
            c[oi] = undefined;
            starts.set(`${num.abs}:${oi}`, o.start);
          }
        }
        const startOf = (i: number) => starts.get(`${num.abs}:${i}`) ?? levelOf(i)?.start ?? 1;
        c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
        for (let d = ilvl + 1; d < 9; d++) c[d] = undefined;
        counters.set(num.abs, c);
        if (lvl.fmt === 'bullet') prefix = '•';
        else if (lvl.fmt !== 'none')
          prefix = lvl.text.replace(/%(\d)/g, (_m, d: string) => {
            const i = Number(d) - 1;
            return formatNumber(c[i] ?? startOf(i), lvl.isLgl ? 'decimal' : (levelOf(i)?.fmt ?? 'decimal'));
          });
      }
    }
    if (OWN_LABEL.test(text[0]!)) prefix = '';
    text[0] = prefix.trim() ? `${prefix.trim()} ${text[0]}` : text[0]!;
    out.push(...text);
  }
  return { paragraphs: out, format: 'docx' };
}

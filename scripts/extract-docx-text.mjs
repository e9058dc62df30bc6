// Extracts a Word (.docx) agreement text to plain text, one paragraph per line, rendering Word list numbering.
// Usage: node scripts/extract-docx-text.mjs <in.docx> <out.txt> [--header "# key: value" ...]
// Provenance script for data/texts/*.txt: the output is verbatim paragraph text with whitespace normalised;
// Word auto-numbering (word/numbering.xml) is reconstructed as a text prefix ("1. ", "a) ", "II. ").
// Bullets are rendered as '•' (as in the dev texts). Deleted revisions are skipped; inserted ones are kept.
import { readFile, writeFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Returns the first child element of `el` with the given local name in the w: namespace, or null. */
function child(el, name) {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && n.namespaceURI === W && n.localName === name) return n;
  }
  return null;
}
function children(el, name) {
  const out = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && n.namespaceURI === W && n.localName === name) out.push(n);
  }
  return out;
}
const val = (el) => (el ? el.getAttributeNS(W, 'val') || el.getAttribute('w:val') : null);

function toRoman(n) {
  const t = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of t)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}
function toLetter(n) {
  // Word repeats the letter after z: aa, bb, ...
  const i = (n - 1) % 26;
  return String.fromCharCode(97 + i).repeat(Math.floor((n - 1) / 26) + 1);
}
function formatNumber(n, fmt) {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return toLetter(n);
    case 'upperLetter':
      return toLetter(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperRoman':
      return toRoman(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Parses numbering.xml into abstract level definitions and num instances. */
function parseNumbering(xml) {
  const abstracts = new Map();
  const nums = new Map();
  if (!xml) return { abstracts, nums };
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  for (const a of children(root, 'abstractNum')) {
    const id = a.getAttributeNS(W, 'abstractNumId') || a.getAttribute('w:abstractNumId');
    const levels = new Map();
    for (const l of children(a, 'lvl'))
      levels.set(Number(l.getAttributeNS(W, 'ilvl') || l.getAttribute('w:ilvl')), parseLevel(l));
    abstracts.set(id, levels);
  }
  for (const n of children(root, 'num')) {
    const id = n.getAttributeNS(W, 'numId') || n.getAttribute('w:numId');
    const abs = val(child(n, 'abstractNumId'));
    const overrides = new Map();
    for (const o of children(n, 'lvlOverride')) {
      const ilvl = Number(o.getAttributeNS(W, 'ilvl') || o.getAttribute('w:ilvl'));
      const so = child(o, 'startOverride');
      const lvl = child(o, 'lvl');
      overrides.set(ilvl, { start: so ? Number(val(so)) : null, lvl: lvl ? parseLevel(lvl) : null });
    }
    nums.set(id, { abs, overrides });
  }
  return { abstracts, nums };
}
function parseLevel(l) {
  return {
    start: child(l, 'start') ? Number(val(child(l, 'start'))) : 1,
    fmt: val(child(l, 'numFmt')) || 'decimal',
    text: child(l, 'lvlText') ? val(child(l, 'lvlText')) : '',
    isLgl: !!child(l, 'isLgl'),
  };
}

/** Paragraph-style numbering (pStyle -> numPr), following basedOn. */
function parseStyles(xml) {
  const styles = new Map();
  if (!xml) return styles;
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  for (const s of children(doc.documentElement, 'style')) {
    const id = s.getAttributeNS(W, 'styleId') || s.getAttribute('w:styleId');
    const pPr = child(s, 'pPr');
    const numPr = child(pPr, 'numPr');
    styles.set(id, {
      basedOn: val(child(s, 'basedOn')),
      numId: numPr ? val(child(numPr, 'numId')) : null,
      ilvl: numPr && child(numPr, 'ilvl') ? Number(val(child(numPr, 'ilvl'))) : null,
    });
  }
  return styles;
}
function styleNumPr(styles, id) {
  const seen = new Set();
  while (id && !seen.has(id)) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) return null;
    if (s.numId != null) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
    id = s.basedOn;
  }
  return null;
}

/** Collects the visible text of a paragraph (runs, hyperlinks, insertions, smart tags; not deletions). */
function paragraphText(p) {
  let out = '';
  const walk = (el) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const name = n.localName;
      if (n.namespaceURI !== W) {
        walk(n);
        continue;
      }
      if (name === 'del' || name === 'pPr' || name === 'rPr' || name === 'instrText' || name === 'delText') continue;
      if (name === 't') out += n.textContent;
      else if (name === 'tab') out += '\t';
      else if (name === 'br' || name === 'cr') out += '\n';
      else if (name === 'noBreakHyphen') out += '-';
      else if (name === 'softHyphen') out += '';
      else if (name === 'sym')
        out += String.fromCharCode(parseInt(n.getAttributeNS(W, 'char') || n.getAttribute('w:char'), 16));
      else walk(n);
    }
  };
  walk(p);
  return out;
}

const OWN_LABEL = /^(\(?[0-9]{1,3}[.)]|\([a-zA-Z]{1,2}\)|\((?:[ivxlc]+|[IVXLC]+)\)|[a-z]\)|[ivx]+\))\s/;

export async function extractDocx(buf) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name) => (zip.file(name) ? zip.file(name).async('string') : null);
  const docXml = await read('word/document.xml');
  const { abstracts, nums } = parseNumbering(await read('word/numbering.xml'));
  const styles = parseStyles(await read('word/styles.xml'));
  const doc = new DOMParser().parseFromString(docXml, 'text/xml');
  const body = doc.getElementsByTagNameNS(W, 'body')[0];
  const paragraphs = Array.from(body.getElementsByTagNameNS(W, 'p'));

  // Counters are kept per abstract list (Word continues numbering across num instances of one abstractNum)
  // and restarted where a num instance carries a startOverride, at its first use.
  const counters = new Map(); // abs -> number[]
  const overrideApplied = new Set();
  const lines = [];
  for (const p of paragraphs) {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    let numId = null;
    let ilvl = 0;
    if (numPr) {
      numId = val(child(numPr, 'numId'));
      ilvl = child(numPr, 'ilvl') ? Number(val(child(numPr, 'ilvl'))) : 0;
    } else {
      const sn = styleNumPr(styles, val(child(pPr, 'pStyle')));
      if (sn) ({ numId, ilvl } = sn);
    }
    // A manual line break starts a new line (as in the dev texts); whitespace is normalised within each line.
    const parts = paragraphText(p)
      .split('\n')
      .map((t) => t.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter(Boolean);
    const text = parts.join('\n');
    let prefix = '';
    if (numId && numId !== '0' && nums.has(numId)) {
      const num = nums.get(numId);
      const levels = abstracts.get(num.abs) || new Map();
      const levelOf = (i) => num.overrides.get(i)?.lvl || levels.get(i);
      const lvl = levelOf(ilvl);
      if (lvl && text) {
        const c = counters.get(num.abs) || [];
        for (const [oi, o] of num.overrides) {
          const key = `${numId}:${oi}`;
          if (o.start != null && !overrideApplied.has(key)) {
            overrideApplied.add(key);
            c[oi] = undefined;
            c[`start${oi}`] = o.start;
          }
        }
        const startOf = (i) => c[`start${i}`] ?? levelOf(i)?.start ?? 1;
        c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl] + 1;
        for (let deeper = ilvl + 1; deeper < 9; deeper++) c[deeper] = undefined;
        counters.set(num.abs, c);
        if (lvl.fmt === 'bullet') prefix = '•';
        else if (lvl.fmt !== 'none') {
          prefix = lvl.text.replace(/%(\d)/g, (_, d) => {
            const i = Number(d) - 1;
            const n = c[i] ?? startOf(i);
            return formatNumber(n, lvl.isLgl ? 'decimal' : levelOf(i)?.fmt || 'decimal');
          });
        }
      }
    }
    if (!text) continue;
    // Where the paragraph already carries its own label ("(i)", "(A)", "a)", "1."), the Word number is not added.
    if (OWN_LABEL.test(text)) prefix = '';
    lines.push(prefix ? `${prefix.trim()} ${text}` : text);
  }
  return lines;
}

async function main() {
  const [inPath, outPath, ...rest] = process.argv.slice(2);
  if (!inPath || !outPath) {
    console.error('usage: node scripts/extract-docx-text.mjs <in.docx> <out.txt> [--header "# line"]...');
    process.exit(2);
  }
  const headers = [];
  for (let i = 0; i < rest.length; i++) if (rest[i] === '--header') headers.push(rest[++i]);
  const lines = await extractDocx(await readFile(inPath));
  const head = headers.length ? `${headers.join('\n')}\n\n` : '';
  await writeFile(outPath, `${head + lines.join('\n')}\n`);
  console.log(`${outPath}: ${lines.length} paragraphs`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

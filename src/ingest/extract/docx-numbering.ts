// Word numbering definitions (numbering.xml, styles.xml) and how a list level renders its number.
import { attr, child, children, parseXml, val } from './docx-xml.js';

/** One list level: start value, number format, label template ("%1.") and legal numbering flag. */
export interface LevelDef {
  start: number;
  fmt: string;
  text: string;
  isLgl: boolean;
}

export interface NumDef {
  abs: string;
  overrides: Map<number, { start: number | null; lvl: LevelDef | null }>;
}

function toRoman(n: number): string {
  const t: [number, string][] = [
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

function toLetter(n: number): string {
  return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** Renders counter `n` in Word number format `fmt` (decimal, lowerLetter, upperRoman, ...). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
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

function level(l: Element): LevelDef {
  return {
    start: child(l, 'start') ? Number(val(child(l, 'start'))) : 1,
    fmt: val(child(l, 'numFmt')) ?? 'decimal',
    text: val(child(l, 'lvlText')) ?? '',
    isLgl: !!child(l, 'isLgl'),
  };
}

/** Abstract list definitions and the num instances that point at them. */
export function numberingOf(xml: string | null): {
  abstracts: Map<string, Map<number, LevelDef>>;
  nums: Map<string, NumDef>;
} {
  const abstracts = new Map<string, Map<number, LevelDef>>();
  const nums = new Map<string, NumDef>();
  if (!xml) return { abstracts, nums };
  const root = parseXml(xml);
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, LevelDef>();
    for (const l of children(a, 'lvl')) levels.set(Number(attr(l, 'ilvl')), level(l));
    abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of children(root, 'num')) {
    const overrides = new Map<number, { start: number | null; lvl: LevelDef | null }>();
    for (const o of children(n, 'lvlOverride')) {
      const so = child(o, 'startOverride');
      const l = child(o, 'lvl');
      overrides.set(Number(attr(o, 'ilvl')), { start: so ? Number(val(so)) : null, lvl: l ? level(l) : null });
    }
    nums.set(attr(n, 'numId') ?? '', { abs: val(child(n, 'abstractNumId')) ?? '', overrides });
  }
  return { abstracts, nums };
}

export interface StyleDef {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

/** Paragraph styles that carry numbering, with their basedOn chain. */
export function stylesOf(xml: string | null): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  if (!xml) return styles;
  for (const s of children(parseXml(xml), 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    styles.set(attr(s, 'styleId') ?? '', {
      basedOn: val(child(s, 'basedOn')),
      numId: numPr ? val(child(numPr, 'numId')) : null,
      ilvl: numPr && child(numPr, 'ilvl') ? Number(val(child(numPr, 'ilvl'))) : null,
    });
  }
  return styles;
}

/** The numbering a paragraph style gives, following basedOn. */
export function styleNumPr(styles: Map<string, StyleDef>, id: string | null): { numId: string; ilvl: number } | null {
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) return null;
    if (s.numId !== null) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
    id = s.basedOn;
  }
  return null;
}

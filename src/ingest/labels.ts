// Numbering labels at the start of a paragraph ("Part II.", "3.", "(iv)", "a)", "•") and heading detection.

/** Families of numbering; a family keeps its nesting depth for the whole document. */
export type LabelKind = 'part' | 'upper' | 'num' | 'pnum' | 'proman' | 'palpha' | 'pupper' | 'alpha' | 'roman-lower';

export interface Label {
  kind: LabelKind;
  /** As written, without trailing spaces: `Part II`, `5.`, `(iii)`, `a)`. */
  raw: string;
  /** Ordinal value (1-based) used to tell roman from alphabetic labels. */
  value: number;
  /** Text after the label. */
  rest: string;
}

const ROMAN = /^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i;

/** Value of a roman numeral, or NaN. */
export function romanValue(s: string): number {
  if (!ROMAN.test(s)) return NaN;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const cur = v[t[i]!]!;
    const next = v[t[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

const letterValue = (c: string) => c.toLowerCase().charCodeAt(0) - 96;

/** The bullet markers a list item may start with. */
export const BULLET = /^(?:[•▪◦‣∙·●○■□➢►✓–—−]|-(?=\s)|o(?=\s+[a-z]))\s*/;

/**
 * Reads the numbering label at the start of `text`. `expect` gives the next value each family expects, so an
 * ambiguous label such as `(i)` or `C.` is read as the family it continues.
 */
export function readLabel(text: string, expect: Partial<Record<LabelKind, number>> = {}): Label | null {
  let m = /^(Part|PART|Section|SECTION|Chapter|CHAPTER|Article|ARTICLE)\s+([IVXLC]+|\d{1,3})\b\.?\s*/.exec(text);
  if (m) {
    const n = /^\d/.test(m[2]!) ? Number(m[2]) : romanValue(m[2]!);
    return {
      kind: 'part',
      raw: `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} ${m[2]}`,
      value: n,
      rest: text.slice(m[0].length),
    };
  }
  m = /^([IVXLC]+|[A-Z])\.(?:\s+|$)/.exec(text);
  if (m) {
    const s = m[1]!;
    const r = romanValue(s);
    const asLetter = s.length === 1 ? letterValue(s) : NaN;
    const romanFits = !Number.isNaN(r) && (expect.part === undefined || expect.part === r || r === 1);
    const letterFits = !Number.isNaN(asLetter) && expect.upper === asLetter;
    if (letterFits && !(romanFits && expect.part === r))
      return { kind: 'upper', raw: s, value: asLetter, rest: text.slice(m[0].length) };
    if (!Number.isNaN(r)) return { kind: 'part', raw: s, value: r, rest: text.slice(m[0].length) };
    if (s.length === 1 && /^[A-Z]\.\s+[A-Z]/.test(text))
      return { kind: 'upper', raw: s, value: asLetter, rest: text.slice(m[0].length) };
  }
  m = /^(\d{1,3})[.)](?:\s+|$)/.exec(text);
  if (m) return { kind: 'num', raw: m[1]!, value: Number(m[1]), rest: text.slice(m[0].length) };
  m = /^\((\d{1,3})\)\s*/.exec(text);
  if (m) return { kind: 'pnum', raw: `(${m[1]})`, value: Number(m[1]), rest: text.slice(m[0].length) };
  m = /^\(([a-z]{1,4})\)\s*/.exec(text);
  if (m) {
    const s = m[1]!;
    const r = romanValue(s);
    const letter = s.length === 1 ? letterValue(s) : NaN;
    const alphaFits = expect.palpha !== undefined && expect.palpha === letter;
    if (!Number.isNaN(r) && !alphaFits)
      return { kind: 'proman', raw: `(${s})`, value: r, rest: text.slice(m[0].length) };
    if (!Number.isNaN(letter)) return { kind: 'palpha', raw: `(${s})`, value: letter, rest: text.slice(m[0].length) };
  }
  m = /^\(([A-Z])\)\s*/.exec(text);
  if (m) return { kind: 'pupper', raw: `(${m[1]})`, value: letterValue(m[1]!), rest: text.slice(m[0].length) };
  m = /^([a-z]{1,4})([.)])\s+/.exec(text);
  if (m) {
    const s = m[1]!;
    const r = romanValue(s);
    const letter = s.length === 1 ? letterValue(s) : NaN;
    const raw = m[2] === ')' ? `${s})` : s;
    const alphaFits = expect.alpha !== undefined && expect.alpha === letter;
    if (!Number.isNaN(r) && !alphaFits && (expect['roman-lower'] === r || r === 1) && s !== 'c' && s !== 'd') {
      if (s !== 'i' || expect.alpha !== 9) return { kind: 'roman-lower', raw, value: r, rest: text.slice(m[0].length) };
    }
    if (!Number.isNaN(letter)) return { kind: 'alpha', raw, value: letter, rest: text.slice(m[0].length) };
  }
  return null;
}

const FUNCTION_END = /\b(as|such|of|and|or|the|to|including|in|for|with|by|on|a|an|that|which)$/i;
const VERB = /\b(will|shall|is|are|was|were|has|have|had|can|may|must|should|would)\b/;

/**
 * True when a paragraph reads as a heading: short, capitalised, no sentence punctuation at the end and no
 * dangling function word. A heading may end with '.' when it has no finite verb ("Sanctions. Accountability.").
 */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 130) return false;
  const words = t.split(/\s+/);
  if (words.length > 16) return false;
  if (!/^[A-Z0-9“"‘'(]/.test(t)) return false;
  if (/[;:,]$/.test(t)) return false;
  if (FUNCTION_END.test(t)) return false;
  // A heading may end with '.' only when it strings short nominal phrases ("Sanctions. Accountability.").
  if (/[.!?]$/.test(t) && (VERB.test(t) || words.length > 12 || !/\.\s+[A-Z]/.test(t))) return false;
  if (/\b(will|shall)\b/.test(t)) return false;
  return true;
}

// Splits a paragraph into sentences with offsets, without breaking at abbreviations or numbering labels.

export interface Sentence {
  text: string;
  /** Offset of the sentence within its paragraph. */
  start: number;
}

const ABBREV =
  /\b(e\.g|i\.e|etc|No|Art|para|paras|St|Mr|Mrs|Dr|Prof|U\.S|U\.K|vs|cf|approx|incl|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;

/** Sentences of `text`: a break follows '.', '!' or '?' and whitespace before a capital, quote or bracket. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?](?=\s+[A-Z“"‘(•])/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + 1;
    const piece = text.slice(from, end);
    // A label such as "1." or "II." or an abbreviation is not the end of a sentence.
    if (/^\s*(\(?[0-9]{1,3}|[IVXLC]+|[A-Za-z]|Part [IVXLC]+)\.$/.test(piece) || ABBREV.test(piece.trimEnd())) continue;
    if (piece.trim().length < 3) continue;
    push(out, text, from, end);
    from = end;
  }
  push(out, text, from, text.length);
  return out;
}

function push(out: Sentence[], text: string, from: number, to: number) {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (t) out.push({ text: t, start: from + lead });
}

/** Lower-case word tokens with typographic quotes and dashes folded, for comparing passages. */
export function tokens(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

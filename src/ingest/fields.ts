// Record-level fields read from a text: title, partner, signature date and place, term, NATO clause, binding force.

import { splitSentences } from './sentences.js';
import type { Block, QuoteAt } from './types.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  'twenty-four': 24,
  'forty-eight': 48,
  'seventy-two': 72,
};
const MONTH = `(${MONTHS.join('|')})`;
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
/** Day of the month written as an ordinal word: "fifth", "twenty-first", "thirtieth". */
function ordinalDay(w: string): number | null {
  const t = w.toLowerCase().replace(/\s+/g, '-');
  const i = ORDINALS.indexOf(t);
  if (i >= 0) return i + 1;
  if (t === 'thirtieth') return 30;
  const m = /^(twenty|thirty)-(\w+)$/.exec(t);
  const unit = m ? ORDINALS.indexOf(m[2]!) : -1;
  return m && unit >= 0 && unit < 9 ? (m[1] === 'twenty' ? 20 : 30) + unit + 1 : null;
}
const DAY_WORD = String.raw`((?:twenty|thirty)[- ]\w+|\w+?(?:st|nd|rd|th))`;
const DATE_WORDS = new RegExp(String.raw`\b${DAY_WORD}\s+day\s+of\s+${MONTH},?\s+(\d{4})\b`, 'i');
const DATE_DMY = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?(?:of\s+)?${MONTH},?\s+(\d{4})\b`, 'i');
const DATE_MDY = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2}),?\s+(\d{4})\b`, 'i');
const DATE_NUM = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;

const pad = (n: number) => String(n).padStart(2, '0');

/** First calendar date in `text` as ISO `YYYY-MM-DD`, or null. Numeric dates are read day first. */
export function parseDate(text: string): string | null {
  let m = DATE_WORDS.exec(text);
  const day = m ? ordinalDay(m[1]!) : null;
  if (m && day) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(day)}`;
  m = DATE_DMY.exec(text);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}`;
  m = DATE_MDY.exec(text);
  if (m) return `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(Number(m[2]))}`;
  m = DATE_NUM.exec(text);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return null;
}

/** Signature date and place from the "Signed in X on DATE" / "Done at X, DATE" line. */
export function signature(blocks: Block[]): { signed_on: string | null; signed_at: string | null } {
  const sig = blocks.filter((b) => b.role === 'signature');
  const candidates = sig.length ? sig : blocks.filter((b) => /^(signed|done)\b/i.test(b.text));
  for (const b of candidates) {
    const date = parseDate(b.text);
    if (!date) continue;
    const place =
      /\b(?:in|at)\s+(?!duplicate\b|two\b|the\b)([A-Z][\p{L}'’ .-]*?(?:\s\([^)]*\))?)\s*,?\s+(?:on|this)\b/u.exec(
        b.text,
      ) ?? /\b(?:in|at)\s+(?!duplicate\b)([A-Z][\p{L}'’ .-]+?),/u.exec(b.text);
    return { signed_on: date, signed_at: place ? place[1]!.trim() : null };
  }
  return { signed_on: null, signed_at: null };
}

function num(s: string): number | null {
  const t = s.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t] ?? null;
}

/** Whole years from `from` to `to` (ISO dates), rounded; a term that ends the day before an anniversary is whole. */
export function yearsBetween(from: string, to: string): number {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Math.round(days / 365.25);
}

const END_DATE =
  /\b(?:valid|remains? (?:in force|in effect|valid|effective)|(?:in force|in effect|effective|apply|applies))\s+(?:until|till|through|up to)\s+(?:and including\s+)?(?:the\s+)?/i;

/**
 * Stated validity in years ("valid for ten (10) years", "for a period of 10 years", "remain in force 10 years"),
 * or, for a term stated as an end date ("remains valid until 31 December 2034"), whole years from `signedOn`.
 */
export function termYears(text: string, signedOn: string | null = null): number | null {
  const stated = statedYears(text);
  if (stated !== null) return stated;
  if (!signedOn) return null;
  for (const m of text.matchAll(new RegExp(END_DATE.source, 'gi'))) {
    const end = parseDate(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (end && end > signedOn) return yearsBetween(signedOn, end);
  }
  return null;
}

function statedYears(text: string): number | null {
  const n = String.raw`([a-z]+(?:-[a-z]+)?|\d+)\s*(?:\((?:\d+|[a-z-]+)\)\s*)?`;
  const patterns = [
    new RegExp(
      String.raw`\b(?:valid|remain in (?:force|effect)|in (?:force|effect)|concluded)\s+for\s+(?:a\s+|the\s+)?(?:(?:period|term)\s+of\s+)?${n}years\b`,
      'i',
    ),
    new RegExp(
      String.raw`\b(?:valid|remain in (?:force|effect)|in (?:force|effect))\s+for\s+(?:a|the)\s+${n}-?year\s+(?:period|term)\b`,
      'i',
    ),
    new RegExp(String.raw`\bfor (?:a|the) (?:period|term) of\s+${n}years\b`, 'i'),
    new RegExp(String.raw`\bremains? in (?:force|effect)\s+(?:for\s+)?${n}years\b`, 'i'),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return num(m[1]!);
  }
  return null;
}

/**
 * Hours in the consultation-on-attack clause ("consult within 24 hours", "twenty-four (24) hours", "meet, where
 * possible within 24 hours", "no later than 48 hours", "within one day" = 24). Words broken across lines by a
 * hyphen ("with- in") are rejoined first.
 */
export function consultationHours(text: string): number | null {
  const t = text.replace(/(\p{Ll})-\s+(\p{Ll})/gu, '$1$2');
  const h = String.raw`(?:within|no later than|not later than|in)\s+([a-z]+(?:-[a-z]+)?|\d+)\s*(?:\((\d+)\)\s*)?(hours?|days?)\b`;
  const verb = String.raw`\b(?:consult\w*|meet|convene)\b`;
  const m = new RegExp(`${verb}[^.]{0,80}?${h}`, 'i').exec(t) ?? new RegExp(`${h}[^.]{0,120}?${verb}`, 'i').exec(t);
  if (!m) return null;
  const n = m[2] ? Number(m[2]) : m[1] === 'a' || m[1] === 'an' ? 1 : num(m[1]!);
  if (n === null) return null;
  return /^day/i.test(m[3]!) ? n * 24 : n;
}

/** The NATO-accession clause and what it does: true ends the agreement, false provides otherwise, null silent. */
export function natoAccession(blocks: Block[]): { sunset: boolean | null; clause: QuoteAt | null } {
  for (const b of blocks) {
    if (b.role !== 'body') continue;
    for (const s of splitSentences(b.text)) {
      const t = s.text;
      if (!/\bNATO\b|North Atlantic/i.test(t) || !/\b(becomes? a member|accession|joins?|membership)\b/i.test(t))
        continue;
      // "will decide on its future status ... before it expires" provides otherwise, whatever verb of ending it has.
      if (/\bbecomes? a member\b/i.test(t) && /\b(decide|consult|confer|review|adapt)\b/i.test(t))
        return { sunset: false, clause: { quote: t, where: b.where } };
      if (/\b(terminat\w*|cease\w*|expire\w*|no longer)\b/i.test(t) && /\b(becomes?|upon|on)\b/i.test(t))
        return { sunset: true, clause: { quote: t, where: b.where } };
    }
  }
  for (const b of blocks) {
    if (b.role !== 'body') continue;
    const s = splitSentences(b.text).find((x) =>
      /\bwithout prejudice\b.*\b(membership|pathway|NATO|Euro-Atlantic)\b/i.test(x.text),
    );
    if (s) return { sunset: null, clause: { quote: s.text, where: b.where } };
  }
  return { sunset: null, clause: null };
}

const NOT_BINDING =
  /\b(not|non-?)\s*(legally[- ])?binding\b|\bnon-normative\b|\bdoes not (create|give rise to) (any )?(legal(ly binding)? )?(rights|obligations)\b|\bnot (an international treaty|a treaty|constitute a treaty)\b|\bpolitical(ly binding)? commitments? only\b|\bno legal obligations\b/i;
const FORCE =
  /\b(legally binding|binding|non-normative|come into (effect|force)|enter into (effect|force)|security commitments|in accordance with (its|their) (respective )?(legal|constitutional|domestic)|budgetary|undertakes?)\b/i;

/** Whether the text declares itself non-binding (partial when only an annex), and its words about its force. */
export function bindingLanguage(blocks: Block[]): {
  states_not_legally_binding: boolean | 'partial';
  quotes: QuoteAt[];
} {
  let state: boolean | 'partial' = false;
  const quotes: QuoteAt[] = [];
  for (const b of blocks) {
    // A short numbered sentence may be read as a heading ("5.3. This Agreement does not create legal obligations.").
    if (b.role !== 'body' && !(b.role === 'heading' && NOT_BINDING.test(b.text) && /\.$/.test(b.text))) continue;
    for (const s of splitSentences(b.text)) {
      if (NOT_BINDING.test(s.text) && !/\bUkraine'?s?\b[^.]*\bnot\b[^.]*\bbinding\b/.test(s.text)) {
        state = /\bannex/i.test(s.text) ? (state === true ? true : 'partial') : true;
        quotes.unshift({ quote: s.text, where: b.where });
      } else if (FORCE.test(s.text) && quotes.length < 8) quotes.push({ quote: s.text, where: b.where });
    }
  }
  return { states_not_legally_binding: state, quotes: quotes.slice(0, 8) };
}

/** The title (title lines joined) and the partner named in it ("between X and Ukraine"). */
export function titleAndPartner(blocks: Block[]): { title: string | null; partner: string | null } {
  const lines = blocks.filter((b) => b.role === 'title').map((b) => b.text);
  const title = lines.length ? lines.join(' ').replace(/\s+/g, ' ') : null;
  const src =
    title ??
    blocks
      .slice(0, 5)
      .map((b) => b.text)
      .join(' ');
  const m = /\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)$/i.exec(src.replace(/[.:]$/, ''));
  if (!m) return { title, partner: null };
  const [a, b] = [m[1]!, m[2]!];
  const clean = (x: string) =>
    x
      .replace(/^(the )?(government of |kingdom of |republic of |federal republic of |grand[- ]duchy of )+(the )?/i, '')
      .replace(/\s+/g, ' ')
      .trim();
  const partner = /^ukraine$/i.test(b.trim()) ? clean(a) : clean(b);
  return { title, partner: titleCase(partner) };
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .toLowerCase()
    .replace(/\b([a-z])/g, (c) => c.toUpperCase())
    .replace(/\b(Of|And|The)\b/g, (w) => w.toLowerCase());
}

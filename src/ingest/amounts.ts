// Amount grammar: money as written in agreements ("£2.5bn", "EUR 1,5 million", "7.1 billion euro", "$3.02B").

/** A money amount found in text. `amount` is in units of `currency`; null for "several billion euro". */
export interface AmountMatch {
  amount: number | null;
  currency: string | null;
  /** The words as written, qualifier included ("more than EUR 46 million"). */
  text: string;
  start: number;
  end: number;
}

const SYMBOLS: Record<string, string> = {
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
};
const CODES =
  'EUR|USD|GBP|NOK|CAD|DKK|SEK|JPY|CHF|PLN|AUD|NZD|CZK|HUF|RON|ISK|BGN|UAH|KRW|CNY|INR|TRY|MXN|BRL|ZAR|SGD|HKD|ILS|AED|SAR|QAR|KWD|RSD|MDL|GEL|MKD|BAM';
/** Currency words, most specific first ("Danish kroner" before "kroner"); the source text of each is the grammar. */
const WORDS: [string, string][] = [
  ['(?:US|U\\.S\\.|American|United States) dollars?', 'USD'],
  ['Canadian dollars?', 'CAD'],
  ['Australian dollars?', 'AUD'],
  ['New Zealand dollars?', 'NZD'],
  ['Singapore dollars?', 'SGD'],
  ['dollars?', '$'],
  ['euros?', 'EUR'],
  ['pounds?(?: sterling)?|sterling', 'GBP'],
  ['Swiss francs?', 'CHF'],
  ['Danish kroner|Danish krone', 'DKK'],
  ['Swedish kronor|Swedish krona|kronor', 'SEK'],
  ['Icelandic kr[oó]nur|Icelandic kr[oó]na', 'ISK'],
  ['(?:Norwegian )?kroner', 'NOK'],
  ['Czech (?:korunas?|koruny|crowns)|korunas?|koruny', 'CZK'],
  ['(?:Hungarian )?forints?', 'HUF'],
  ['(?:Romanian )?lei', 'RON'],
  ['(?:Polish )?z[lł]otys?|z[lł]oty', 'PLN'],
  ['(?:Japanese )?yen', 'JPY'],
  ['(?:Ukrainian )?hryvnias?|hryvnia', 'UAH'],
  ['(?:South Korean |Korean )?won', 'KRW'],
];
const MULT: Record<string, number> = {
  bn: 1e9,
  billion: 1e9,
  billon: 1e9,
  b: 1e9,
  mn: 1e6,
  million: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
  trillion: 1e12,
};

const QUAL = String.raw`(?:(?:more than|over|at least|approximately|roughly|around|about|up to|nearly|almost|in excess of|some|a total of|exceeded|exceeding)\s+)*`;
const NUM = String.raw`\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const MUL = String.raw`(?:\s?(?:bn|billion|billon|mn|million|thousand|trillion)\b|(?<=\d)(?:B|M|m|bn|k)\b)`;
const SYM = String.raw`(?:US\$|C\$|CA\$|A\$|AU\$|[£€¥$])`;
const WORD_CUR = `(?:${WORDS.map(([w]) => w).join('|')})`;

const PREFIXED = new RegExp(String.raw`(${QUAL})(${SYM}|\b(?:${CODES})\b)\s?(${NUM})(${MUL})?`, 'g');
const SUFFIXED = new RegExp(String.raw`(${QUAL})\b(${NUM})(${MUL})?\s(${CODES}|${WORD_CUR})\b`, 'g');
/** "between EUR 300 and 400 million", "40 to 60 million Swiss francs": coded at the lower bound. */
const CUR = String.raw`(?:${SYM}|\b(?:${CODES})\b)`;
const RANGE = new RegExp(
  String.raw`(${QUAL})\b(?:between|from)\s(${CUR})?\s?(${NUM})(${MUL})?\s(?:and|to)\s(${CUR})?\s?(${NUM})(${MUL})?(?:\s(${CODES}|${WORD_CUR})\b)?`,
  'gi',
);
const UNITS: Record<string, number> = {
  zero: 0,
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUM_WORD = `(?:${Object.keys(UNITS).join('|')}|hundred|a|half)`;
/** "two hundred and fifty million euros", "seventy-five million Australian dollars", "half a billion euros". */
const WORDED = new RegExp(
  String.raw`(${QUAL})\b(${NUM_WORD}(?:(?:\s+and\s+|[\s-]+)${NUM_WORD})*)\s+(billion|million|thousand)\s+(?:of\s+)?(${CODES}|${WORD_CUR})\b`,
  'gi',
);

/** Value of a number written in words below a thousand ("two hundred and fifty" = 250, "half a" = 0.5). */
export function wordsToNumber(words: string): number | null {
  const ws = words
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== 'and');
  if (ws.join(' ') === 'half a' || ws.join(' ') === 'half') return 0.5;
  if (ws.join(' ') === 'a') return 1;
  let total = 0;
  let cur = 0;
  for (const w of ws) {
    if (w === 'hundred') cur = (cur || 1) * 100;
    else if (w in UNITS) cur += UNITS[w]!;
    else if (w === 'a' && !cur) cur = 1;
    else return null;
  }
  total += cur;
  return total || null;
}
const VAGUE = new RegExp(
  String.raw`\b(several|many|multiple|hundreds of|tens of)\s(billions?|millions?)\s(?:of\s)?(${CODES}|${WORD_CUR})\b`,
  'gi',
);

/** Parses a number as written: "1,5" and "2.5" are decimals, "180,000" and "200.000" are thousands. */
export function parseNumber(s: string): number {
  const t = s.replace(/[\u00a0 ]/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return Number(t.replace(',', '.'));
}

function multiplier(m: string | undefined): number {
  if (!m) return 1;
  const k = m.trim();
  return MULT[k] ?? MULT[k.toLowerCase()] ?? 1;
}

function currencyOf(token: string, dollar: string): string {
  const t = token.trim();
  if (SYMBOLS[t]) return t === '$' ? dollar : SYMBOLS[t]!;
  if (new RegExp(`^(${CODES})$`).test(t)) return t;
  for (const [w, code] of WORDS) if (new RegExp(`^(?:${w})$`, 'i').test(t)) return code === '$' ? dollar : code;
  return t.toUpperCase();
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * All money amounts in `text`, in order. A bare `$` or "dollars" is read as `dollar` (the partner's dollar, USD
 * by default). Numbers followed by a multiplier are scaled: "£2.5bn" is 2 500 000 000 GBP.
 */
export function findAmounts(text: string, dollar = 'USD'): AmountMatch[] {
  const out: AmountMatch[] = [];
  const add = (m: RegExpExecArray, amount: number | null, currency: string) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (out.some((o) => start < o.end && end > o.start)) return;
    out.push({ amount, currency, text: m[0].trim(), start, end });
  };
  for (const m of text.matchAll(RANGE)) {
    const cur = m[2] ?? m[5] ?? m[8];
    if (!cur) continue;
    add(m, round(parseNumber(m[3]!) * multiplier(m[4] ?? m[7])), currencyOf(cur, dollar));
  }
  for (const m of text.matchAll(WORDED)) {
    const n = wordsToNumber(m[2]!);
    if (n !== null) add(m, round(n * multiplier(m[3])), currencyOf(m[4]!, dollar));
  }
  for (const m of text.matchAll(PREFIXED))
    add(m, round(parseNumber(m[3]!) * multiplier(m[4])), currencyOf(m[2]!, dollar));
  for (const m of text.matchAll(SUFFIXED))
    add(m, round(parseNumber(m[2]!) * multiplier(m[3])), currencyOf(m[4]!, dollar));
  for (const m of text.matchAll(VAGUE)) add(m, null, currencyOf(m[3]!, dollar));
  return out.sort((a, b) => a.start - b.start);
}

/** Parses one amount expression ("NOK 13.5 billion") or returns null when it holds none. */
export function parseAmount(text: string, dollar = 'USD'): { amount: number | null; currency: string | null } | null {
  const m = findAmounts(text, dollar)[0];
  return m ? { amount: m.amount, currency: m.currency } : null;
}

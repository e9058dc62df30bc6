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
const CODES = 'EUR|USD|GBP|NOK|CAD|DKK|SEK|JPY|CHF|PLN|AUD|NZD|CZK|HUF|RON|ISK|BGN|UAH';
const WORDS: [RegExp, string][] = [
  [/^euros?$/i, 'EUR'],
  [/^(us|u\.s\.|american) dollars?$/i, 'USD'],
  [/^canadian dollars?$/i, 'CAD'],
  [/^dollars?$/i, '$'],
  [/^(pounds?( sterling)?|sterling)$/i, 'GBP'],
  [/^(norwegian )?kroner$/i, 'NOK'],
  [/^yen$/i, 'JPY'],
  [/^zlotys?$/i, 'PLN'],
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
const WORD_CUR = String.raw`(?:US dollars?|U\.S\. dollars?|Canadian dollars?|American dollars?|dollars?|euros?|pounds?(?: sterling)?|kroner|yen|zlotys?)`;

const PREFIXED = new RegExp(String.raw`(${QUAL})(${SYM}|\b(?:${CODES})\b)\s?(${NUM})(${MUL})?`, 'g');
const SUFFIXED = new RegExp(String.raw`(${QUAL})\b(${NUM})(${MUL})?\s(${CODES}|${WORD_CUR})\b`, 'g');
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
  for (const [re, code] of WORDS) if (re.test(t)) return code === '$' ? dollar : code;
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

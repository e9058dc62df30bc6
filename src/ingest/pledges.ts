// Pledges: each money amount of a text with its kind (pledge or past), period and purpose.

import { findAmounts } from './amounts.js';
import { splitSentences } from './sentences.js';
import type { Block, DraftPledge, PledgeKindGuess } from './types.js';

const FUTURE_MARK =
  /\b(will|shall|intends?|is providing|are providing|plans? to|to be (provided|allocated|disbursed)|following years|coming years|next \w+ years|additional)\b/i;
const PAST_MARK =
  /\b(provided|allocated|delivered|donated|disbursed|spent|committed|pledged|exceeded|contributed|made available|given|has|have|had|was|were|since|to date|so far|already)\b/i;
const YEAR_SPAN = /\b((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?\b/g;

/**
 * Kind of an amount from the words around it: an explicit future marker in its clause makes it a pledge; else a
 * past marker makes it past; else the years its clause names (against the signing year); else the nearest marker
 * earlier in the sentence; a bare present statement counts as a pledge.
 */
export function pledgeKind(sentence: string, at: number, len: number, signedYear: number | null): PledgeKindGuess {
  // Equivalents in brackets ("(equal to approximately EUR 940 million as of May 2024)") say nothing of kind.
  const s = sentence.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const bounds = clauseBounds(s, at, len);
  const clause = s.slice(bounds[0], bounds[1]).replace(s.slice(at, at + len), ' ');
  if (FUTURE_MARK.test(clause)) return 'pledge';
  const years = [...clause.matchAll(YEAR_SPAN)].map((m) => Number(m[2] ?? m[1]));
  const yearKind =
    years.length && signedYear
      ? Math.max(...years) >= signedYear && !/\bsince\b/i.test(clause)
        ? 'pledge'
        : 'past'
      : null;
  if (yearKind === 'pledge') return 'pledge';
  // A sentence-opening "In 2024," dates the whole sentence when the clause names no year itself.
  const lead = /^\s*(?:\S+\s+)?(?:in|for|during)\s+((?:19|20)\d\d)\s*,/i.exec(s);
  if (!years.length && lead && signedYear) return Number(lead[1]) >= signedYear ? 'pledge' : 'past';
  if (PAST_MARK.test(clause) || /^exceed(ed|ing)\b/i.test(sentence.slice(at, at + len)) || yearKind === 'past')
    return 'past';
  const before = s.slice(0, bounds[0]);
  const f = lastIndex(before, FUTURE_MARK);
  const p = lastIndex(before, PAST_MARK);
  if (p > f) return 'past';
  return 'pledge';
}

function clauseBounds(s: string, at: number, len: number): [number, number] {
  const sep = /[;,]\s|\s(and|while|whereas|including)\s/g;
  let start = 0;
  let end = s.length;
  for (const m of s.matchAll(sep)) {
    const i = m.index;
    if (i < at) start = i + m[0].length;
    else if (i >= at + len) {
      end = i;
      break;
    }
  }
  return [start, end];
}

function lastIndex(s: string, re: RegExp): number {
  const g = new RegExp(re.source, 'gi');
  let last = -1;
  for (const m of s.matchAll(g)) last = m.index;
  return last;
}

function periodOf(sentence: string): string | null {
  const m =
    /\b(for the (?:[\w-]+ )?period \d{4}\s*[-–]\s*\d{4}|(?:in|for|during) \d{4}(?:\s*[-–]\s*\d{4})?|since [^,.;]{3,40}|to date|in the following years)\b/i.exec(
      sentence,
    );
  return m ? m[1]!.replace(/\s+/g, ' ') : null;
}

function purposeOf(sentence: string, end: number): string | null {
  const m = /^\s*(?:\([^)]*\)\s*)?(?:in|of|for|to)\s+([^,.;()]{3,80})/.exec(sentence.slice(end));
  return m ? m[1]!.trim() : null;
}

/** Money of the partner's own (its defence budget, its own forces) or given to others, not support to Ukraine. */
const OWN_MONEY =
  /\b(its|their) own\b|\b(defen[cs]e|national|regular|annual) budget\b|\bits (gdp|gross domestic product)\b/i;
const SUPPORT_WORD = /\b(support\w*|assist\w*|aid|package\w*|contribution to ukraine|for ukraine|to ukraine)\b/i;

/**
 * Whether an amount's sentence concerns support to Ukraine: it names Ukraine (or its paragraph or lead-in does),
 * or it speaks of support and not of the partner's own budget.
 */
export function concernsUkraine(sentence: string, context: string): boolean {
  if (/\bukrain/i.test(sentence)) return true;
  if (OWN_MONEY.test(sentence)) return false;
  return /\bukrain/i.test(context) || SUPPORT_WORD.test(sentence);
}

/**
 * Every money amount in the body of the text, in order, as a draft pledge. Amounts in brackets after another
 * amount (currency equivalents) and amounts repeated with a definite article ("within the total of NOK 75
 * billion") are not separate pledges.
 */
export function findPledges(blocks: Block[], opts: { dollar: string; signedYear: number | null }): DraftPledge[] {
  const out: DraftPledge[] = [];
  for (const b of blocks) {
    if (b.role !== 'body') continue;
    const context = `${b.leadIn !== null ? (blocks[b.leadIn]?.text ?? '') : ''} ${b.text}`;
    for (const s of splitSentences(b.text)) {
      const amounts = findAmounts(s.text, opts.dollar);
      if (amounts.length && !concernsUkraine(s.text, context)) continue;
      for (const a of amounts) {
        const before = s.text.slice(0, a.start);
        if (
          /\((?:[^()]*)$/.test(before) &&
          /\b(equal|equivalent|approximately|about|ca\.?|around)\b[^()]*$/i.test(before)
        )
          continue;
        if (
          /\b(the|this|that)\s+(total\s+)?(of\s+)?$/i.test(before) &&
          out.some((o) => o.amount === a.amount && o.currency === a.currency)
        )
          continue;
        let amountText = a.text;
        const after = s.text.slice(a.end);
        const eq = /^\s*\((?:equal|equivalent)[^()]*\)/i.exec(after);
        if (eq) amountText = s.text.slice(a.start, a.end + eq[0].length);
        out.push({
          amount: a.amount,
          currency: a.currency,
          kind: pledgeKind(s.text, a.start, a.end - a.start, opts.signedYear),
          period: periodOf(s.text),
          purpose: purposeOf(s.text, a.end + (eq ? eq[0].length : 0)),
          amount_text: amountText,
          where: b.where,
          eid: b.eid,
          start: b.start + s.start + a.start,
          end: b.start + s.start + a.end,
        });
      }
    }
  }
  return out;
}

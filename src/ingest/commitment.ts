// Tells provisions from recitals: commitment verbs, past-only statements and who the actor is.

/** How a sentence reads, and how much it counts as a provision (0..1). */
export interface Reading {
  weight: number;
  tense: 'forward' | 'present' | 'past';
  doubt?: string;
}

/** Verbs and phrases by which a partner or the Participants commit, intend, continue or support. */
export const FORWARD =
  /\b(will|shall|intends?|intention|commit(s|ted|ment|ments)?|undertakes?|stands? ready|ready to|remains?|continu\w*|strives?|aims? (to|at)|seeks? to|endeavou?r\w*|pledges?|determined|dedicated|plans? to|decided?|decides|agrees?|agreed|reaffirms?|reiterates?|supports?|supporting|is steadfast|steadfast|underlines?|is to|are to|going forward|resolved?|coordinat\w+ and strengthen\w*)\b/i;

/** Past-tense markers: perfect and simple past of the verbs of giving, and time phrases reaching into the past. */
export const PAST =
  /\b(has|have|had)\s+(already\s+|also\s+|to date\s+|so far\s+)*(been|\w+ed|made|given|sent|taken|become|led|built|won|brought|held)\b|\b(was|were)\b|\b(provided|allocated|delivered|donated|contributed|joined|became|took|gave|sent|launched|adopted|signed|established|created|initiated|co-hosted|hosted|exceeded|accepted|employed|restored)\b|\bsince\b|\bto date\b|\bso far\b/i;

/** Preamble recitals that look back or note facts rather than commit. */
const RECITAL =
  /^(recalling|recognizing|recognising|acknowledging|noting|welcoming|bearing in mind|mindful|considering|condemning|expressing|desiring|guided|convinced|emphasi[sz]ing|stressing|taking (note|into account)|having|being|deeply|alarmed|concerned)\b/i;

/** Sentences whose only actor is Ukraine (its own reforms, its own use of aid): not the partner's provision. */
const UKRAINE_ONLY =
  /^(?:(?:in|at|by|with|to|as|for|since|following|moreover|furthermore|in addition|additionally|also|further)\b[^,]{0,80},\s*)?(ukraine|the ukrainian side|ukrainian (government|authorities))\b(?!\s+and\b)(?!,\s+\w+ and\b)|^it is the policy of ukraine\b/i;

/**
 * Negated provisions ("will not supply", "nothing in this Agreement commits", "does not address"). Refusals that
 * are themselves commitments ("will not recognise", "will not waver", "not only") do not count as negation.
 */
const NEGATED =
  /\b(?:will|shall|would|does|do|is|are|can|may)\s+not\s+(?!only\b|be\s+(?:allowed|permitted|tolerated)\b|(?:recogni[sz]e|accept|tolerate|allow|permit|waver|hesitate|stop|cease|forget|rest|leave|hesitate)\b)\w+|\bnothing in (?:this|the) \w+ (?:commits?|obliges?|requires?|binds?)\b|\bno (?:legal )?obligation\b|\bnot (?:be )?(?:obliged|required|bound)\b/gi;

/** True when the sentence's only provision is negated: nothing forward-looking is left once negations are cut. */
export function negated(sentence: string): boolean {
  if (!new RegExp(NEGATED.source, 'i').test(sentence)) return false;
  return !FORWARD.test(sentence.replace(NEGATED, ' '));
}

function stripLabel(s: string): string {
  return s
    .replace(/^(\(?[0-9]{1,3}[.)]|\([a-zA-Z]{1,4}\)|[a-z]{1,4}[.)]|[•▪◦‣∙·●○■□➢►✓–—−-]|o(?=\s))\s*/, '')
    .replace(/^[a-z][a-z -]{2,40}\s[-–—:]\s/, '');
}

/**
 * Reads a sentence. `leadIn` is the text introducing a list item ("Canada will continue to:"), whose verb the item
 * inherits; `preamble` marks recitals before the first section.
 */
export function readSentence(sentence: string, opts: { leadIn?: string | null; preamble?: boolean } = {}): Reading {
  const s = stripLabel(sentence);
  if (UKRAINE_ONLY.test(s) && !/\b(together with|jointly with)\b/i.test(s))
    return { weight: 0, tense: 'present', doubt: 'Ukraine is the only actor' };
  if (negated(s)) return { weight: 0, tense: 'present', doubt: 'negated provision' };
  const lead = opts.leadIn ? readSentence(opts.leadIn) : null;
  const forward = FORWARD.test(s);
  const past = PAST.test(s);
  let r: Reading;
  if (forward) r = { weight: 1, tense: 'forward' };
  else if (lead && lead.weight > 0 && !past) r = { weight: lead.weight, tense: lead.tense };
  else if (lead && lead.tense === 'past') r = { weight: 0, tense: 'past', doubt: 'listed under a past-only statement' };
  else if (past) r = { weight: 0, tense: 'past', doubt: 'past-only statement' };
  else r = { weight: 0.6, tense: 'present', doubt: 'present-tense statement without a commitment verb' };
  if (opts.preamble && r.weight > 0) {
    if (RECITAL.test(s) && !/\b(support|commit)\w*/i.test(s))
      return { weight: 0, tense: r.tense, doubt: 'preamble recital' };
    r = { ...r, weight: r.weight * 0.75, doubt: 'preamble' };
  }
  return r;
}

// A provision's modality (shall / will / would / intend / may / may mutually decide / recital), as coded or as
// read from its quote, and the hedges ("where possible", "subject to ...") its clause carries.
import type { Provision } from './model.js';
import type { Modality } from './taxonomy.js';

export interface ModalityReading {
  /** null when the quote has no modal cue (a paraphrase such as "a mechanism ... has been defined"). */
  modality: Modality | null;
  /** "will not", "shall not": the clause binds the party to refrain. */
  negated: boolean;
  /** The words the reading rests on, e.g. "may mutually decide"; null when nothing was found. */
  cue: string | null;
}

/** Discretionary modalities: the clause leaves the act to the parties' choice, so it creates no obligation. */
export const DISCRETIONARY: ReadonlySet<Modality> = new Set(['may', 'may_mutually_decide', 'recital']);

// Participles and verbs that open a preambular paragraph ("Recognising that ...", "Reaffirming ...").
const RECITAL =
  /^\W*(recogni[sz]ing|acknowledging|noting|considering|reaffirming|recalling|welcoming|bearing in mind|convinced|determined|emphasi[sz]ing|stressing|guided by|desiring|mindful|underlining|affirming|condemning)\b/i;
// Modal auxiliaries in the clause, first one governs; "may ... decide" within a few words is a joint discretion.
const MODAL =
  /\b(?:(may)\s+(?:(?:mutually|jointly|together|collectively|also)\s+){0,2}(?:agree\s+to\s+|decide\b|determine\b)|(shall|will|would|may|intends?|intention)(\s+not\b|n't\b)?)/i;
// Commitment verbs with no auxiliary ("undertakes to", "s'engage à", "si impegna") read as `will`.
const UNDERTAKE =
  /\b(undertakes?|undertaken|commits?|committed|is obliged|are obliged|s'engagen?t?|s’engagen?t?|si impegna(?:no)?)\b/i;

/** Reads the modality of a clause from its words. Pure; see modality.test.ts for the quotes it is checked on. */
export function readModality(quote: string): ModalityReading {
  const recital = RECITAL.exec(quote);
  if (recital) return { modality: 'recital', negated: false, cue: recital[1]!.toLowerCase() };
  const m = MODAL.exec(quote);
  if (m) {
    if (m[1]) return { modality: 'may_mutually_decide', negated: false, cue: m[0].trim().toLowerCase() };
    const word = m[2]!.toLowerCase();
    const modality: Modality = word.startsWith('intend') || word === 'intention' ? 'intend' : (word as Modality);
    return { modality, negated: Boolean(m[3]), cue: m[0].trim().toLowerCase() };
  }
  const u = UNDERTAKE.exec(quote);
  if (u) return { modality: 'will', negated: false, cue: u[1]!.toLowerCase() };
  return { modality: null, negated: false, cue: null };
}

export interface EffectiveModality {
  modality: Modality | null;
  /** coded = stated in the record; derived = read from the quote; null = neither. */
  origin: 'coded' | 'derived' | null;
  cue: string | null;
}

/** The modality a provision is evaluated with: the record's own `modality`, else the one read from its quote. */
export function modalityOf(p: Pick<Provision, 'quote' | 'modality'>): EffectiveModality {
  if (p.modality) return { modality: p.modality, origin: 'coded', cue: null };
  const r = readModality(p.quote);
  return { modality: r.modality, origin: r.modality ? 'derived' : null, cue: r.cue };
}

export const isDiscretionary = (m: Modality | null): boolean => m !== null && DISCRETIONARY.has(m);

// Hedges a clause can carry. Each pattern captures the whole phrase so it can be shown as written.
const HEDGES: RegExp[] = [
  /\b(?:acting\s+)?(?:in\s+accordance|consistent|in\s+conformity|in\s+line)\s+with\s+(?:its|their|his|her|the)?\s*(?:respective\s+)?(?:[\w-]+,?\s+){0,6}?(?:requirements(?:\s+and\s+regulations)?|laws?|legislation|framework|procedures|provisions)\b/gi,
  /\bwhere\s+possible(?:\s+within\s+\d+\s+hours)?/gi,
  /\b(?:as\s+far\s+as|to\s+the\s+extent)\s+possible\b/gi,
  /\bas\s+appropriate\b/gi,
  /\bsubject\s+to\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+(?=[,.;:)]|\s+and\s|\s+or\s|$)/gi,
  /\bwithin\s+(?:(?:its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:means|capabilities|capacities)(?:\s+and\s+(?:capabilities|capacities|means))?\b/gi,
  /\bat\s+the\s+request\s+of\s+(?:either|any|one)\s+(?:of\s+the\s+)?(?:participants?|parties|party)\b/gi,
];

/** The hedges written in a clause, in the order they appear, each once. */
export function readQualifiers(quote: string): string[] {
  const found: { at: number; text: string }[] = [];
  for (const re of HEDGES)
    for (const m of quote.matchAll(re)) found.push({ at: m.index, text: m[0].replace(/\s+/g, ' ').trim() });
  found.sort((a, b) => a.at - b.at);
  return merge(
    [],
    found.map((f) => f.text),
  );
}

/** The coded qualifiers, then those read from the quote that no coded one already says. */
export function qualifiersOf(p: Pick<Provision, 'quote' | 'qualifiers'>): string[] {
  return merge(p.qualifiers, readQualifiers(p.quote));
}

/** Compared without case, punctuation, articles or plural endings: "either of the Participants" = "either participant". */
const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && w !== 'of' && w !== 'the')
    .map((w) => (/^(participant|part(y|ie))s?$/.test(w) ? 'party' : w.replace(/s$/, '')))
    .join(' ')} `;

function merge(base: string[], more: string[]): string[] {
  const out = [...base];
  for (const q of more) {
    const l = norm(q);
    if (!out.some((o) => norm(o).includes(l) || l.includes(norm(o)))) out.push(q);
  }
  return out;
}

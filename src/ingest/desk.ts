// The draft as the review desk shows it: the extracted text with paragraph numbers, every candidate passage,
// field and amount with the place in the text it came from and a confidence. Pure.
import { consultationHours, signature, termYears } from './fields.js';
import { splitSentences } from './sentences.js';
import { buildBlocks } from './structure.js';
import type { Block, Draft, ExtractedText } from './types.js';

/** A stretch of the extracted text: offsets into `text`, and the paragraph (1-based) it starts in. */
export interface SourceSpan {
  quote: string;
  where: string;
  start: number;
  end: number;
  paragraph: number;
}

export interface DeskParagraph {
  n: number;
  start: number;
  end: number;
  role: Block['role'];
  where: string;
  eid: string;
}

export interface DeskPassage extends SourceSpan {
  /** `areas.<area>[i]`: the passage's path in the draft, which decisions and issues refer to. */
  id: string;
  area: string;
  confidence: number;
  doubt: string | null;
}

/** Draft fields a reviewer decides; `name` is the draft's field name. */
export const DESK_FIELDS = [
  'title',
  'partner',
  'signed_on',
  'signed_at',
  'term_years',
  'sunset_on_nato_accession',
  'consultation_on_attack_hours',
  'states_not_legally_binding',
] as const;
export type DeskFieldName = (typeof DESK_FIELDS)[number];

export interface DeskField {
  name: DeskFieldName;
  value: string | number | boolean | null;
  source: SourceSpan | null;
  /** null when the rules found nothing to confirm. */
  confidence: number | null;
}

export interface DeskPledge {
  /** `pledges[i]`. */
  id: string;
  amount: number | null;
  currency: string | null;
  kind: string;
  period: string | null;
  purpose: string | null;
  amount_text: string;
  source: SourceSpan;
  confidence: number;
}

export interface DeskDraft {
  text: string;
  paragraphs: DeskParagraph[];
  passages: DeskPassage[];
  fields: DeskField[];
  pledges: DeskPledge[];
}

/**
 * Field and amount confidences are fixed by how the value was found, not calibrated: a value whose sentence is
 * found again in the text 0.9, one that is not 0.5; amounts 0.7 with a number and currency, else 0.4 (the
 * leave-one-out calibration in docs/ingest.md finds drafted amounts right about half the time).
 */
const LOCATED = 0.9;
const UNLOCATED = 0.5;

/** Builds the desk's view of `draft`, which was drafted from `doc` (the same paragraphs give the same offsets). */
export function deskDraft(doc: ExtractedText, draft: Draft): DeskDraft {
  const { blocks, text } = buildBlocks(doc.paragraphs);
  const paragraphOf = (at: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const span = (start: number, end: number, where: string): SourceSpan => ({
    quote: text.slice(start, end),
    where,
    start,
    end,
    paragraph: paragraphOf(start),
  });
  const find = (quote: string | null | undefined, where = ''): SourceSpan | null => {
    if (!quote) return null;
    const at = text.indexOf(quote);
    return at < 0 ? null : span(at, at + quote.length, where || blocks[paragraphOf(at) - 1]!.where);
  };
  /** The first sentence of a block of `roles` for which `test` holds (a field's extractor gives its value again). */
  const sentenceWhere = (roles: Block['role'][], test: (s: string) => boolean): SourceSpan | null => {
    for (const b of blocks) {
      if (!roles.includes(b.role)) continue;
      for (const s of splitSentences(b.text))
        if (test(s.text)) return span(b.start + s.start, b.start + s.start + s.text.length, b.where);
      if (test(b.text)) return span(b.start, b.end, b.where);
    }
    return null;
  };

  /** The sentence around offset `at` (an amount's), with its paragraph's locator. */
  const sentenceAt = (at: number): SourceSpan => {
    const b = blocks[paragraphOf(at) - 1]!;
    const s = splitSentences(b.text).find((x) => b.start + x.start + x.text.length >= at) ?? { start: 0, text: b.text };
    return span(b.start + s.start, b.start + s.start + s.text.length, b.where);
  };

  const passages: DeskPassage[] = Object.entries(draft.areas).flatMap(([area, list]) =>
    list.map((p, i) => ({
      id: `areas.${area}[${i}]`,
      area,
      ...span(p.start, p.end, p.where),
      confidence: p.confidence,
      doubt: p.doubt ?? null,
    })),
  );

  const titleBlock = blocks.find((b) => b.role === 'title');
  const titleSpan = titleBlock ? span(titleBlock.start, titleBlock.end, titleBlock.where) : null;
  const sig = (s: string) => signature([{ ...blocks[0]!, text: s, role: 'signature' }]);
  const sources: Record<DeskFieldName, () => SourceSpan | null> = {
    title: () => titleSpan,
    partner: () => titleSpan,
    signed_on: () => sentenceWhere(['signature', 'body'], (s) => sig(s).signed_on === draft.signed_on),
    signed_at: () => sentenceWhere(['signature', 'body'], (s) => sig(s).signed_at === draft.signed_at),
    term_years: () => sentenceWhere(['body'], (s) => termYears(s, draft.signed_on) === draft.term_years),
    sunset_on_nato_accession: () => find(draft.nato_accession_clause?.quote, draft.nato_accession_clause?.where),
    consultation_on_attack_hours: () =>
      sentenceWhere(['body'], (s) => consultationHours(s) === draft.consultation_on_attack_hours),
    states_not_legally_binding: () =>
      draft.binding_language.states_not_legally_binding === false
        ? null
        : find(draft.binding_language.quotes[0]?.quote, draft.binding_language.quotes[0]?.where),
  };
  const fields: DeskField[] = DESK_FIELDS.map((name) => {
    const value =
      name === 'states_not_legally_binding' ? draft.binding_language.states_not_legally_binding : draft[name];
    // "Not found" (null, or false for the binding statement) has no passage to show.
    const found = value !== null && !(name === 'states_not_legally_binding' && value === false);
    const source = found ? sources[name]() : null;
    return { name, value, source, confidence: found ? (source ? LOCATED : UNLOCATED) : null };
  });

  const pledges: DeskPledge[] = draft.pledges.map((p, i) => ({
    id: `pledges[${i}]`,
    amount: p.amount,
    currency: p.currency,
    kind: p.kind,
    period: p.period,
    purpose: p.purpose,
    amount_text: p.amount_text,
    source: { ...sentenceAt(p.start), where: p.where },
    confidence: p.amount !== null && p.currency ? 0.7 : 0.4,
  }));

  return {
    text,
    paragraphs: blocks.map((b, i) => ({
      n: i + 1,
      start: b.start,
      end: b.end,
      role: b.role,
      where: b.where,
      eid: b.eid,
    })),
    passages,
    fields,
    pledges,
  };
}

// Types of the ingest pipeline: extracted text, structured blocks, candidate passages and the draft record.

/** Text as extracted from a file: one paragraph per element, whitespace collapsed, in reading order. */
export interface ExtractedText {
  paragraphs: string[];
  /** Which extractor produced it (txt, html, pdf, docx). */
  format: string;
}

/** What a block is: title lines, a heading, running text, or the signature block. */
export type BlockRole = 'title' | 'heading' | 'body' | 'signature';

/** One paragraph with its place in the document's own structure. */
export interface Block {
  index: number;
  text: string;
  role: BlockRole;
  /** Numbering label as written, e.g. `5.`, `(iii)`, `Part II`, `a)`; null when unnumbered. */
  label: string | null;
  /** Bullet marker (•, o, −) when the paragraph is a list item without a number. */
  bullet: boolean;
  /** Locator from the text's own headings and numbering, levels joined by ' > ' (as in dev-gold.yaml). */
  where: string;
  /** Stable section id in the manner of Akoma Ntoso eIds, e.g. `part_2__sec_maritime-security__para_1`. */
  eid: string;
  /** True for paragraphs before the first section (the preamble's recitals). */
  preamble: boolean;
  /** Texts of the enclosing headings, outermost first. */
  headings: string[];
  /** Index of the paragraph whose trailing ':' introduces this list item, if any. */
  leadIn: number | null;
  /** Character offsets of the paragraph in the extracted text (paragraphs joined by '\n'). */
  start: number;
  end: number;
}

/** A candidate passage for an area, best first within its area. */
export interface Passage {
  quote: string;
  where: string;
  eid: string;
  start: number;
  end: number;
  /** 0..1: how sure the rules are that this passage is a provision of the area. */
  confidence: number;
  /** Set by the reviewer; drafts carry null. */
  accepted: boolean | null;
  /** Why the rules hesitate (passing mention, present-tense statement, preamble). */
  doubt?: string;
}

export type PledgeKindGuess = 'pledge' | 'past';

export interface DraftPledge {
  amount: number | null;
  currency: string | null;
  kind: PledgeKindGuess;
  period: string | null;
  purpose: string | null;
  amount_text: string;
  where: string;
  eid: string;
  start: number;
  end: number;
  /** Set by the reviewer: false leaves the amount out of the record; drafts leave it unset (kept). */
  accepted?: boolean | null;
}

export interface QuoteAt {
  quote: string;
  where: string;
}

/** The draft coded record; field names follow dev-gold.yaml so drafts and gold compare directly. */
export interface Draft {
  schema_version: 1;
  kind: 'compact-ingest-draft';
  file: string;
  sha256: string;
  format: string;
  title: string | null;
  partner: string | null;
  signed_on: string | null;
  signed_at: string | null;
  term_years: number | null;
  sunset_on_nato_accession: boolean | null;
  nato_accession_clause: QuoteAt | null;
  consultation_on_attack_hours: number | null;
  binding_language: { states_not_legally_binding: boolean | 'partial'; quotes: QuoteAt[] };
  pledges: DraftPledge[];
  areas: Record<string, Passage[]>;
  sections: { eid: string; where: string; heading: string }[];
}

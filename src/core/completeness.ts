// How complete each agreement record is: which of its facts are known and which are null (or 'unknown'), how many
// provisions were coded from the text itself (evidence primary) against those taken from reports (secondary),
// and whether the text is at hand. Pure: which text files exist is passed in.
import type { Agreement } from './model.js';

export interface FieldState {
  field: string;
  known: boolean;
  /** The value when known (dates, numbers, classes); null otherwise. */
  value: string | number | boolean | null;
}

export interface Completeness {
  id: string;
  partner: string;
  fields: { known: number; null: number; total: number; nulls: string[]; states: FieldState[] };
  provisions: { total: number; primary: number; secondary: number; primary_share: number | null };
  text: {
    /** What the record says: its text was coded. */
    available: boolean;
    evidence: string;
    language: string | null;
    /** The record's text file, as it names it. */
    file: string | null;
    /** Whether a text file for the record is in the texts directory (the record's own, or one named for its id). */
    at_hand: boolean;
    at_hand_file: string | null;
  };
  disagreements: number;
  /** 0..1: known fields and primary provisions, equally weighted, with 0 for a missing text. */
  score: number;
  grade: 'complete' | 'partial' | 'thin';
}

type Value = string | number | boolean | null | undefined;

/**
 * The facts counted, each with how to read it. 'unknown' classes count as null; a term of no fixed length is
 * known when the record says it is open-ended; an empty list (signatories, official URLs) is null.
 */
export const FIELDS: { field: string; read: (a: Agreement) => Value }[] = [
  { field: 'signed_on', read: (a) => a.signed_on },
  { field: 'signed_at', read: (a) => a.signed_at },
  { field: 'signatories', read: (a) => (a.signatories.length ? a.signatories.length : null) },
  // Entry into force on signature is known from the signature date.
  {
    field: 'entry_into_force.date',
    read: (a) => a.entry_into_force.date ?? (a.entry_into_force.rule === 'on_signature' ? a.signed_on : null),
  },
  { field: 'entry_into_force.rule', read: (a) => unknownIsNull(a.entry_into_force.rule) },
  { field: 'term.years', read: (a) => a.term.years ?? (a.term.open_ended ? 'open-ended' : null) },
  { field: 'termination.notice_months', read: (a) => a.termination?.notice_months ?? null },
  { field: 'nato_accession.effect', read: (a) => unknownIsNull(a.nato_accession.effect) },
  { field: 'legal_force.class', read: (a) => unknownIsNull(a.legal_force.class) },
  { field: 'legal_force.ratified', read: (a) => a.legal_force.ratified },
  { field: 'legal_force.states_not_legally_binding', read: (a) => a.legal_force.states_not_legally_binding },
  { field: 'wording.class', read: (a) => unknownIsNull(a.wording.class) },
  { field: 'text.language', read: (a) => a.text.language },
  { field: 'official_text_urls', read: (a) => (a.official_text_urls.length ? a.official_text_urls.length : null) },
];

function unknownIsNull(v: string): string | null {
  return v === 'unknown' ? null : v;
}

/** Text files at hand, as paths relative to the data directory (e.g. `texts/ua-be-2024.txt`). */
export function completenessOf(a: Agreement, textsAtHand: ReadonlySet<string>): Completeness {
  const states: FieldState[] = FIELDS.map(({ field, read }) => {
    const v = read(a);
    return { field, known: v !== null && v !== undefined, value: v ?? null };
  });
  const nulls = states.filter((s) => !s.known).map((s) => s.field);
  const primary = a.provisions.filter((p) => p.evidence === 'primary').length;
  const secondary = a.provisions.length - primary;
  const own = a.text.file && textsAtHand.has(a.text.file) ? a.text.file : null;
  const byId = [...textsAtHand].sort().find((f) => f.replace(/^.*\//, '').startsWith(`${a.id}.`)) ?? null;
  const atHand = own ?? byId;
  const fieldShare = (states.length - nulls.length) / states.length;
  const primaryShare = a.provisions.length ? primary / a.provisions.length : null;
  const score = round((fieldShare + (primaryShare ?? 0) + (atHand ? 1 : 0)) / 3);
  return {
    id: a.id,
    partner: a.partner,
    fields: { known: states.length - nulls.length, null: nulls.length, total: states.length, nulls, states },
    provisions: {
      total: a.provisions.length,
      primary,
      secondary,
      primary_share: primaryShare === null ? null : round(primaryShare),
    },
    text: {
      available: a.text.available,
      evidence: a.text.evidence,
      language: a.text.language,
      file: a.text.file,
      at_hand: atHand !== null,
      at_hand_file: atHand,
    },
    disagreements: a.disagreements.length,
    score,
    grade: score >= 0.85 ? 'complete' : score >= 0.5 ? 'partial' : 'thin',
  };
}

export interface CompletenessReport {
  agreements: Completeness[];
  totals: {
    agreements: number;
    fields_known: number;
    fields_null: number;
    provisions_primary: number;
    provisions_secondary: number;
    texts_at_hand: number;
    by_grade: Record<Completeness['grade'], number>;
  };
}

export function completenessReport(agreements: Agreement[], textsAtHand: ReadonlySet<string>): CompletenessReport {
  const rows = agreements.map((a) => completenessOf(a, textsAtHand)).sort((x, y) => (x.id < y.id ? -1 : 1));
  const sum = (f: (c: Completeness) => number) => rows.reduce((n, c) => n + f(c), 0);
  return {
    agreements: rows,
    totals: {
      agreements: rows.length,
      fields_known: sum((c) => c.fields.known),
      fields_null: sum((c) => c.fields.null),
      provisions_primary: sum((c) => c.provisions.primary),
      provisions_secondary: sum((c) => c.provisions.secondary),
      texts_at_hand: rows.filter((c) => c.text.at_hand).length,
      by_grade: {
        complete: rows.filter((c) => c.grade === 'complete').length,
        partial: rows.filter((c) => c.grade === 'partial').length,
        thin: rows.filter((c) => c.grade === 'thin').length,
      },
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

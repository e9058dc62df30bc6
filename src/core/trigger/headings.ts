// The headings under which a trigger result accounts for every record, and the shapes of those accounts.
import type { EvidenceGrade } from '../taxonomy.js';

/** The headings of a trigger result, in the order they are shown. */
export const HEADINGS = [
  'obligations',
  'in_force_assumed',
  'clause_not_coded',
  'no_obligation',
  'not_in_force',
] as const;
export type Heading = (typeof HEADINGS)[number];

/** How each heading reads in the CLI and dashboard. */
export const HEADING_TITLES: Record<Heading, string> = {
  obligations: 'obligations',
  in_force_assumed: 'in force assumed (why)',
  clause_not_coded: 'clause known but not coded (see note)',
  no_obligation: 'no obligation (why)',
  not_in_force: 'not in force (why)',
};

export interface RecordAccount {
  record_kind: 'agreement' | 'framework';
  record_id: string;
  /** The guarantor of an agreement; null for frameworks. */
  partner: string | null;
  heading: Heading;
  /** One or two sentences: what the record yields for this event and why. */
  why: string;
  obligations: string[];
  options: string[];
  /** Grades of the clauses behind the obligations and options, else of the record's text. */
  evidence: EvidenceGrade[];
  /** Sentences of the record's notes saying that a clause exists in the text but is not coded. */
  uncoded: string[];
}

export interface PartnerSummary {
  partner: string;
  /** The partner's agreements, then the frameworks under which it owes something, each with its heading. */
  records: { record_id: string; heading: Heading }[];
  obligations: number;
  /** "consult (will, due 2027-03-02T04:00:00.000Z)", one per obligation, in record order. */
  duties: string[];
  options: number;
  evidence: EvidenceGrade[];
  /** Earliest deadline among its obligations; null when none has one. */
  first_due: string | null;
  uncoded: boolean;
}

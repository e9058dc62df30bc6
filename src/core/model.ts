// The domain model: parties, sources, frameworks, agreements, provisions, pledges and treaty actions.
// A deliberate hub of types; behaviour lives in the modules named for it.
import type {
  Area,
  Capability,
  EvidenceGrade,
  FrameworkType,
  LegalForce,
  Modality,
  NatoAccessionEffect,
  PartyKind,
  TreatyActionType,
  Wording,
} from './taxonomy.js';

/** The version of the data-file schema this code reads; every data file declares it. */
export const SCHEMA_VERSION = 1 as const;

/** ISO calendar date, `YYYY-MM-DD`. Dates have no zone; see dates.ts for how they meet instants. */
export type IsoDate = string;
/** Instant with an explicit zone, e.g. `2027-03-01T04:00:00Z` or `2027-03-01T06:00:00+02:00`. */
export type Instant = string;

/** Where a fact comes from. Records list their sources once and cite them by `id`. */
export interface Source {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  date: IsoDate | null;
  /** A passage of the source that states the fact, when there is one worth keeping. */
  quote: string | null;
}

/** A fact's citation inside a record: which source, and optionally the words and section. */
export interface Citation {
  source: string;
  quote: string | null;
  where: string | null;
}

export interface Party {
  /** ISO 3166-1 alpha-2 for states; `EU` for the European Union; short codes for organisations. */
  code: string;
  name: string;
  kind: PartyKind;
  nato_member_since: IsoDate | null;
  eu_member_since: IsoDate | null;
  source: string;
}

/** An amount of money as stated. `amount` is in units of `currency`; null when the text gives no number. */
export interface Amount {
  amount: number | null;
  currency: string | null;
  amount_text: string | null;
}

/**
 * What makes a provision act: a kind registered with the trigger engine and its parameters. The engine never
 * branches on kind names; each kind declares the events it answers and the obligations it creates.
 */
export interface Mechanism {
  kind: string;
  params: Record<string, unknown>;
}

/** An English rendering of a quote whose text is in another language; the quote itself stays in the original. */
export interface Translation {
  text: string;
  /** project = the project's own translation; official = a published English text (named by `source`). */
  by: 'project' | 'official';
  /** Language of the rendering (ISO 639-1), e.g. `en`. */
  language: string;
  /** Id of the entry in `sources` that publishes an official rendering; null for the project's own. */
  source: string | null;
}

export interface Provision {
  /** Stable within its record (e.g. `consultations_on_attack`, `sanctions-2`). */
  id: string;
  area: Area;
  /** As loaded: the coded tags plus those the capability lexicon reads from the quote (capability-lexicon.ts). */
  capabilities: Capability[];
  /** Where each tag comes from: coded in the file, read by the lexicon, or both. Set when the registry loads. */
  capability_origin?: Partial<Record<Capability, 'coded' | 'lexicon' | 'both'>>;
  /** positive = the guarantor undertakes to act; negative = to refrain (as in the Budapest Memorandum). */
  polarity: 'positive' | 'negative';
  /** Party codes bound by the provision. */
  promisors: string[];
  /** Party codes it is owed to. */
  promisees: string[];
  mechanism: Mechanism | null;
  /** Hedges in the wording: "where possible", "as appropriate", "subject to national procedures". */
  qualifiers: string[];
  /**
   * Strength of commitment (shall / will / would / intend / may / may_mutually_decide / recital). Optional: when
   * absent it is read from the quote (modality.ts); discretionary ones yield options, never obligations.
   */
  modality?: Modality;
  amounts: Amount[];
  quote: string;
  /** Present where `quote` is not in English. */
  translation?: Translation;
  /** Section reference built from the text's own headings and numbering, levels joined by ' > '. */
  where: string;
  source: string;
  /** primary = coded from the text itself; secondary = from a report about it. */
  evidence: EvidenceGrade;
  doubt: string | null;
}

export type PledgeKind = 'pledge' | 'past';
export type SupportCategory = 'military' | 'financial' | 'humanitarian' | 'other';

/** A monetary amount stated in an agreement's text. */
export interface Pledge extends Amount {
  id: string;
  kind: PledgeKind;
  category: SupportCategory;
  period: string | null;
  /** First and last calendar year the amount covers, when the period names them. */
  years: [number, number] | null;
  purpose: string | null;
  capability: Capability | null;
  where: string | null;
  source: string;
  /** Amounts this one is part of (e.g. DK's 2024 tranche within its fund); summing both double-counts. */
  within: string | null;
  note: string | null;
}

export interface TreatyAction {
  type: TreatyActionType;
  date: IsoDate;
  /** The party that acted; null for joint acts such as signature. */
  party: string | null;
  /** For termination notices and extensions: the effect's own parameters. */
  notice_months: number | null;
  extends_years: number | null;
  note: string | null;
  source: string;
}

/** Sources that disagree on a field. Recorded, never silently resolved. */
export interface Disagreement {
  field: string;
  claims: { value: string; source: string; quote: string | null }[];
  note: string | null;
}

export interface Signatory {
  name: string;
  office: string | null;
  party: string | null;
}

export interface Agreement {
  schema_version: typeof SCHEMA_VERSION;
  id: string;
  /** Which family of instruments it belongs to; `related` ones are outside the 2024 series. */
  series: 'g7_joint_declaration_bilateral' | 'related' | 'atop';
  title: string;
  /** Party codes, Ukraine included. */
  parties: string[];
  /** The guarantor (the non-Ukrainian party). */
  partner: string;
  signed_on: IsoDate | null;
  signed_at: string | null;
  signatories: Signatory[];
  entry_into_force: { date: IsoDate | null; rule: 'on_signature' | 'on_ratification' | 'unknown'; citation: Citation };
  /** years null = no fixed term (open_ended true) or unknown (open_ended false). */
  term: { years: number | null; open_ended: boolean; extension: string | null; citation: Citation };
  termination: { notice_months: number | null; citation: Citation } | null;
  nato_accession: { effect: NatoAccessionEffect; citation: Citation | null };
  legal_force: {
    class: LegalForce;
    ratified: boolean | null;
    states_not_legally_binding: boolean | 'partial' | null;
    evidence: Citation[];
  };
  wording: { class: Wording; citation: Citation | null };
  frameworks: string[];
  text: { available: boolean; language: string | null; evidence: EvidenceGrade; file: string | null };
  official_text_urls: string[];
  sources: Source[];
  provisions: Provision[];
  pledges: Pledge[];
  treaty_actions: TreatyAction[];
  disagreements: Disagreement[];
  notes: string | null;
}

export type MembershipRole = 'signatory' | 'endorser' | 'joiner' | 'guarantor' | 'proposed_guarantor' | 'participant';

export interface FrameworkElement {
  id: string;
  text: string;
  status: 'confirmed' | 'partially_confirmed' | 'stated_in_secondary_source' | 'not_found';
  sources: string[];
}

export interface Framework {
  schema_version: typeof SCHEMA_VERSION;
  id: string;
  name: string;
  type: FrameworkType;
  date: IsoDate | null;
  place: string | null;
  members: { party: string; role: MembershipRole; date: IsoDate | null; source: string }[];
  elements: FrameworkElement[];
  provisions: Provision[];
  sources: Source[];
  disagreements: Disagreement[];
  notes: string | null;
}

/** The whole registry as the core sees it: plain data, already validated. */
export interface Registry {
  parties: Party[];
  partySources: Source[];
  agreements: Agreement[];
  frameworks: Framework[];
}

// The trigger engine's types: events, evaluation context, obligations with their traces, skips and lifecycle states.
import type { Agreement, Framework, Instant, Provision } from '../model.js';
import type { EvidenceGrade, Modality } from '../taxonomy.js';
import type { PartnerSummary, RecordAccount } from './headings.js';

/** What can happen. Each mechanism kind declares which of these it answers. */
export const EVENT_TYPES = [
  'armed_attack',
  'threat_of_attack',
  'nato_accession',
  'termination_notice',
  'ceasefire',
  'ceasefire_breach',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface TriggerEvent {
  /** Content-derived (see eventId) unless given; the same event recorded twice has the same id. */
  id: string;
  type: EventType;
  /** When it happened, with an explicit zone. */
  at: Instant;
  /** Who attacked, threatened or breached (party code); null for events without one. */
  aggressor: string | null;
  /** Who was attacked; defaults to UA for attacks and threats. */
  target: string | null;
  /** For a termination notice: the party giving it. */
  party: string | null;
  /** For a termination notice: the agreement it ends. */
  agreement: string | null;
  /** For a termination notice: months of notice when the agreement codes none. */
  notice_months: number | null;
  /** Free-text scope (e.g. "missile strikes on Kyiv"); informs, never conditions. */
  scope: string | null;
  note: string | null;
}

/** The state of the world an event is evaluated in, beyond the registry. */
export interface EvaluateOptions {
  /** Frameworks whose provisions apply. Default: those that are commitments (see frameworkApplies). */
  applyFrameworks?: string[];
  /** When the current hostilities concluded; null/absent = still ongoing at the event. */
  hostilitiesConcludedAt?: Instant | null;
}

/** What a kind handler sees for one provision of one record in force. */
export interface KindInput {
  event: TriggerEvent;
  record: {
    kind: 'agreement' | 'framework';
    id: string;
    parties: string[];
    sourceUrl: (sourceId: string) => string | null;
  };
  provision: Provision;
  options: EvaluateOptions;
}

/** One step of an obligation's explanation: what was checked and what it found. */
export interface TraceStep {
  step: 'event' | 'record' | 'condition' | 'clause' | 'source';
  text: string;
}

export interface Obligation {
  id: string;
  event_id: string;
  record_kind: 'agreement' | 'framework';
  record_id: string;
  provision_id: string;
  mechanism: string;
  promisor: string;
  promisees: string[];
  /** consult, convene, decide, assist, impose_costs, review_status, deploy, monitor, ... */
  kind: string;
  /** Deadline as a UTC instant, or null when the clause sets none. */
  due: Instant | null;
  /** The hedge on the deadline or duty ("where possible", "immediately", "at the request of ..."); null if none. */
  qualifier: string | null;
  /** The clause's own words for the pace or manner ("swift and sustained"), or the kind's summary. */
  wording: string;
  /** The clause's strength of commitment; null when neither coded nor readable from the quote (a paraphrase). */
  modality: Modality | null;
  /** coded = stated in the record; derived = read from the quote. */
  modality_origin: 'coded' | 'derived' | null;
  /** primary = the quote is from the text; secondary = from a report about it. */
  evidence: EvidenceGrade;
  quote: string;
  where: string;
  source_url: string | null;
  trace: TraceStep[];
}

/**
 * What a discretionary clause (may, may mutually decide, a recital) allows after the event: the same fields as an
 * obligation (id prefixed `opt-`, never a deadline), but nobody is bound, so it is never stored or tracked.
 */
export type TriggerOption = Obligation;

/** Why a record or provision produced nothing. */
export interface Skip {
  record_id: string;
  provision_id: string | null;
  reason:
    | 'not_in_force'
    | 'aggressor_mismatch'
    | 'target_mismatch'
    | 'condition_unmet'
    | 'framework_not_applied'
    | 'event_not_answered';
  detail: string;
}

export interface Evaluation {
  event: TriggerEvent;
  obligations: Obligation[];
  /** Acts the clauses allow but do not require (discretionary modality). */
  options: TriggerOption[];
  skipped: Skip[];
  /** Every agreement and framework of the registry, each under exactly one heading (accounting.ts). */
  records: RecordAccount[];
  /** One row per partner, in partner-code order. */
  partners: PartnerSummary[];
}

/** An obligation's draft as a kind handler makes it; the engine adds ids, record and source fields. */
export interface ObligationDraft {
  kind: string;
  promisor: string;
  promisees: string[];
  due: Instant | null;
  qualifier: string | null;
  wording: string;
  /** Distinguishes several obligations of one promisor under one provision (e.g. convene, decide). */
  part?: string;
}

/** A kind's answer for one provision: obligations with the conditions checked, or a skip. */
export type KindResult =
  | { obligations: ObligationDraft[]; conditions: string[] }
  | { skip: Skip['reason']; detail: string };

/** A mechanism kind: the events it answers and how it turns one into obligations. */
export interface MechanismKind {
  kind: string;
  summary: string;
  /** The events this kind answers for a given provision (parameters may widen or narrow them). */
  answers(params: Record<string, unknown>): EventType[];
  evaluate(input: KindInput): KindResult;
}

export type RecordOf = Agreement | Framework;

export const OBLIGATION_STATES = ['pending', 'overdue', 'fulfilled', 'fulfilled_late', 'breached', 'waived'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

/** An explicit change of state, dated; evidence may back it. */
export interface Transition {
  obligation_id: string;
  to: 'fulfilled' | 'breached' | 'waived';
  at: Instant;
  note: string | null;
}

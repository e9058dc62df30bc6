// The shapes the dashboard reads from the API (a subset of the OpenAPI document's schemas).
export interface AgreementRow {
  id: string;
  partner: string;
  series: string;
  title: string;
  signed_on: string | null;
  in_force_from: string | null;
  in_force_until: string | null;
  in_force_last_day?: string | null;
  in_force_text?: string;
  legal_force: string;
  wording: string;
}
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  total: number | null;
}
export interface Guarantor {
  agreement: string;
  partner: string;
  name: string | null;
  signed_on: string | null;
  in_force_from: string | null;
  in_force_until: string | null;
  in_force_last_day?: string | null;
  in_force_text?: string;
  legal_force: string;
  wording: string;
  provisions: number;
  areas: string[];
  pledged: { currency: string | null; amount: number }[];
}
export interface Provision {
  id: string;
  area: string;
  capabilities: string[];
  promisors: string[];
  mechanism: { kind: string; params: Record<string, unknown> } | null;
  qualifiers: string[];
  quote: string;
  where: string;
  source: string;
  evidence: string;
  doubt: string | null;
}
export interface Source {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  quote: string | null;
}
export interface TreatyAction {
  type: string;
  date: string;
  party: string | null;
  note: string | null;
  source: string;
}
export interface Agreement {
  id: string;
  title: string;
  partner: string;
  parties: string[];
  signed_on: string | null;
  signed_at: string | null;
  legal_force: { class: string; ratified: boolean | null };
  wording: { class: string };
  term: { years: number | null; open_ended: boolean };
  nato_accession: { effect: string };
  frameworks: string[];
  sources: Source[];
  provisions: Provision[];
  pledges: {
    id: string;
    kind: string;
    amount: number | null;
    currency: string | null;
    amount_text: string | null;
    purpose: string | null;
    source: string;
  }[];
  treaty_actions: TreatyAction[];
  force: { start: string | null; end: string | null; steps: string[]; in_force_text?: string };
  completeness: Completeness;
  record: { version: number };
}
export interface Framework {
  id: string;
  name: string;
  type: string;
  date: string | null;
  members: { party: string; role: string }[];
  provisions: Provision[];
  elements: { id: string; text: string; status: string }[];
}
export interface Overview {
  agreements: number;
  series: number;
  related: number;
  frameworks: number;
  provisions: number;
  legal_force: Record<string, number>;
  wording: Record<string, number>;
  with_24h_consultation: number;
  term_ends: Record<string, number>;
}

// Trigger engine (GET/POST /api/events, /api/obligations).
export interface TraceStep {
  step: 'event' | 'record' | 'condition' | 'clause' | 'source';
  text: string;
}
export interface TriggerEvent {
  id: string;
  type: string;
  at: string;
  aggressor: string | null;
  target: string | null;
  party: string | null;
  agreement: string | null;
  scope: string | null;
  note: string | null;
}
export interface Obligation {
  id: string;
  event_id: string;
  record_kind: string;
  record_id: string;
  provision_id: string;
  mechanism: string;
  promisor: string;
  promisees: string[];
  kind: string;
  due: string | null;
  qualifier: string | null;
  wording: string;
  modality?: string | null;
  modality_origin?: string | null;
  evidence?: string;
  quote: string;
  where: string;
  source_url: string | null;
  trace: TraceStep[];
  state?: string;
}
export interface Skip {
  record_id: string;
  provision_id: string | null;
  reason: string;
  detail: string;
}
export interface Evaluation {
  status: 'recorded' | 'already_recorded' | 'dry_run';
  created: boolean;
  event: TriggerEvent;
  obligations: Obligation[];
  options: Obligation[];
  skipped: Skip[];
  records: RecordAccount[];
  partners: PartnerSummary[];
}
export interface RecordAccount {
  record_kind: 'agreement' | 'framework';
  record_id: string;
  partner: string | null;
  heading: string;
  why: string;
  obligations: string[];
  options: string[];
  evidence: string[];
  uncoded: string[];
}
export interface PartnerSummary {
  partner: string;
  records: { record_id: string; heading: string }[];
  obligations: number;
  duties: string[];
  options: number;
  evidence: string[];
  first_due: string | null;
  uncoded: boolean;
}
export interface Explanation {
  obligation: Obligation;
  event: TriggerEvent;
  state: string;
  as_of: string;
  transitions: { to: string; at: string; note: string | null }[];
  evidence: { url: string; note: string | null; at: string }[];
}

// Analysis (/api/analysis/*).
export interface ScenarioInfo {
  name: string;
  title: string | null;
  description: string | null;
  on: string | null;
  operations: string[];
  issues: string[];
}
export interface YearSummary {
  year: number;
  planned: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  needs: number;
  p_below_needs: number;
}
export interface Simulation {
  trials: number;
  seed: number;
  scenario: string | null;
  years: YearSummary[];
  assumptions: { note: string; projection?: string };
}
export interface ScenarioDiff {
  in_force: { removed: string[]; added: string[] };
  obligations: { before: number; after: number };
  coverage: { partners_lost: string[]; areas_lost: string[]; areas_gained: string[] };
  totals: { per_year_eur: number[]; total_eur: number };
  strength: { network_before: number; network_after: number };
}
export interface ScenarioResult {
  scenario: { id: string; title: string; description: string };
  log: string[];
  /** Effects the diff cannot show for want of inputs. */
  cannot_show: { operation: number; effect: string; party: string; missing: string }[];
  diff: ScenarioDiff;
}
export type Verdict = 'conflict' | 'tension' | 'compatible' | 'unassessed';
export interface WeighedProvision {
  agreement: string;
  provision: string;
  area: string;
  quote: string;
  where: string;
  binding: 'legal' | 'political' | 'unknown';
}
export interface SettlementCheck {
  settlement: string;
  title: string;
  counts: Record<Verdict, number>;
  findings: {
    index: number;
    kind: string;
    text: string;
    verdict: Verdict;
    why: string;
    commitment: 'legal' | 'political' | 'legal_and_political' | 'unknown' | null;
    against: { legal: string[]; political: string[]; unknown: string[] } | null;
    provisions: WeighedProvision[];
  }[];
  effect: ScenarioDiff | null;
}
export interface SettlementInfo {
  id: string;
  title: string;
  date: string;
  proponent: string;
  status: string;
  terms: number;
  origin: string;
}
export interface Completeness {
  fields: { known: number; null: number; total: number; nulls: string[] };
  provisions: { total: number; primary: number; secondary: number };
  text: { available: boolean; at_hand: boolean; at_hand_file: string | null; language: string | null };
  score: number;
  grade: 'complete' | 'partial' | 'thin';
}
export interface Scores {
  agreements: { id: string; partner: string; score: number }[];
}

// Ledger (/api/ledger/*): amounts are exact decimal strings.
export interface CoverageCell {
  capability: string;
  guarantor: string;
  year: number;
  committed: string;
  indicative: string;
  /** Earmarked for a year after the agreement ends. */
  expired: string;
  /** null: the ledger has no delivery entry for the cell (no data, not zero). */
  delivered: string | null;
  delivery: 'recorded' | 'no_data';
}
export interface Coverage {
  as_of: string;
  capabilities: string[];
  guarantors: string[];
  years: number[];
  cells: CoverageCell[];
  /** The tracker's allocations per guarantor and year (EUR); no capability (the tracker codes none). */
  allocated?: { guarantor: string; year: number; eur: string }[];
  burden_share: {
    party: string;
    year: number;
    planned_eur: string;
    gdp_eur: string | null;
    gdp_year: number | null;
    percent_of_gdp: string | null;
  }[];
}
export interface TotalRow {
  [dimension: string]: string | number | null;
  currency: string;
  amount: string;
  entries: number;
  no_rate: number;
}

// The scenario format as the core sees it: typed operations over the baseline registry (docs/scenarios.md).
import type { Instant, IsoDate } from '../model.js';
import type { LegalForce } from '../taxonomy.js';

export const SCENARIO_SCHEMA_VERSION = 1 as const;

/** A settlement term (format of data/settlements/*.yaml). */
export interface SettlementTerm {
  kind: string;
  text: string;
  source: string;
}

export type ScenarioOp =
  /**
   * A party gives notice (or terminates) its agreements with Ukraine at `date`. With scope `all_commitments` it
   * also leaves every framework it belongs to (membership and promises, e.g. the G7 declaration's consultation).
   */
  | {
      op: 'withdraw';
      party: string;
      date: IsoDate;
      notice_months?: number | null;
      scope?: 'agreements' | 'all_commitments';
      note?: string | null;
    }
  /** Every agreement (or those of `partners`) is terminated at `date` (abrogation). */
  | { op: 'terminate_all'; date: IsoDate; partners?: string[] | null; note?: string | null }
  /** Scales a partner's planned amounts ('*' = every partner) from `from_year` on. */
  | { op: 'change_pledges'; partner: string; factor: number; from_year: number }
  /** Accepts settlement terms: each term's rule in settlement-rules.ts says which operations it implies. */
  | { op: 'add_settlement_terms'; date: IsoDate; settlement: string; terms: SettlementTerm[] }
  /**
   * Applies a framework's mechanisms (e.g. the 2022 proposal's trigger): `all_partners` patches every bilateral
   * agreement with them (promisor: its partner); `members` only passes the framework to the trigger engine's
   * applyFrameworks option, so its own members owe the obligations.
   */
  | { op: 'apply_mechanism'; framework: string; scope?: 'all_partners' | 'members' }
  /** Sets the legal force of agreements (e.g. as the 2022 proposal asked: ratified treaties). */
  | { op: 'set_legal_force'; class: LegalForce; ratified: boolean | null; partners?: string[] | null }
  /** Removes provisions of the given areas from every agreement (e.g. NATO accession support under neutrality). */
  | { op: 'remove_provisions'; areas: string[]; note?: string | null };

export interface Scenario {
  schema_version: typeof SCENARIO_SCHEMA_VERSION;
  id: string;
  title: string;
  description: string;
  sources: { url: string; quote: string | null }[];
  /** The day in-force status, coverage and strength are read on. */
  on: IsoDate;
  /** The attack whose obligations are compared. */
  attack: { at: Instant; aggressor: string };
  projection: { repeat_annual: boolean };
  operations: ScenarioOp[];
}

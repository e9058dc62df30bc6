// The settlement check as the CLI, the API and the exports give it: the findings per term plus the effect of
// accepting the terms, run as a scenario against the baseline. One builder so every output says the same.
import type { IsoDate, Registry } from '../model.js';
import { runScenario, type ScenarioDeps, type ScenarioResult } from './scenario.js';
import { checkSettlement, type Settlement, type SettlementCheck } from './settlement.js';

export interface SettlementReport extends SettlementCheck {
  accepted_on: IsoDate;
  /** The diff against the baseline of accepting the terms; null when the implied scenario could not run. */
  effect: ScenarioResult['diff'] | null;
}

/** Checks `s` as accepted on `on`: read on 1 June of that year, attack on 1 March of the next. */
export function settlementReport(reg: Registry, s: Settlement, on: IsoDate, opts: ScenarioDeps): SettlementReport {
  const check = checkSettlement(reg, s, on);
  const year = Number(on.slice(0, 4));
  const effect = runScenario(
    reg,
    {
      schema_version: 1,
      id: `accept-${s.id}`,
      title: `accept ${s.title}`,
      description: 'the operations implied by accepting the terms',
      sources: [],
      on: `${year}-06-01`,
      attack: { at: `${year + 1}-03-01T04:00:00Z`, aggressor: 'RU' },
      projection: { repeat_annual: false },
      operations: check.operations,
    },
    opts,
  );
  return { ...check, accepted_on: on, effect: effect.result ? effect.result.diff : null };
}

/** One flat row per term, for tables and spreadsheet exports. */
export interface SettlementRow {
  term: number;
  kind: string;
  verdict: string;
  commitment: string | null;
  legal: number;
  political: number;
  unknown_force: number;
  provisions: number;
  text: string;
  why: string;
}

export function settlementRows(r: SettlementCheck): SettlementRow[] {
  return r.findings.map((f) => ({
    term: f.index + 1,
    kind: f.kind,
    verdict: f.verdict,
    commitment: f.commitment,
    legal: f.against?.legal.length ?? 0,
    political: f.against?.political.length ?? 0,
    unknown_force: f.against?.unknown.length ?? 0,
    provisions: f.provisions.length,
    text: f.text,
    why: f.why,
  }));
}

// The simulate use case: registry (optionally patched by a scenario) -> planned amounts -> model input -> blocks on
// worker threads -> summary, with the assumptions the outputs rest on.
import type { Registry } from '../core/model.js';
import { plannedFromPledges } from '../core/analysis/planned.js';
import { patchRegistry } from '../core/analysis/scenario-ops.js';
import type { Scenario } from '../core/analysis/scenario-types.js';
import { summarize, type SimulationSummary } from '../core/analysis/simulate-summary.js';
import { buildModelInput, partnerClasses } from '../core/analysis/simulation-input.js';
import type { Issue } from '../core/issues.js';
import type { ModelConfig } from './config.js';
import { runBlocks } from './worker-pool.js';

export interface SimulationReport extends SimulationSummary {
  model: 'v1';
  seed: number;
  block_size: number;
  scenario: string | null;
  assumptions: { note: string; classes: ModelConfig['classes']; shock: ModelConfig['shock']; needs_share_of_planned: number; rates: Record<string, number>; rates_source: string; rates_note: string; projection: string };
  partner_classes: Record<string, string>;
  pledges_skipped: number;
}

export interface SimulateArgs {
  trials: number;
  seed: number;
  workers?: number;
  repeatAnnual: boolean;
  scenario: Scenario | null;
  onProgress?: (done: number, total: number) => void;
}

export async function simulateRegistry(base: Registry, cfg: ModelConfig, a: SimulateArgs): Promise<{ report?: SimulationReport; issues: Issue[] }> {
  const { registry, state } = a.scenario ? patchRegistry(base, a.scenario.operations) : { registry: base, state: { scale: [], issues: [] as Issue[] } };
  if (state.issues.length) return { issues: state.issues };
  const repeat = a.repeatAnnual || (a.scenario?.projection.repeat_annual ?? false);
  const planned = plannedFromPledges(registry.agreements, cfg.rates, { ...cfg.horizon, repeatAnnual: repeat, scale: state.scale });
  const classes = partnerClasses(registry.agreements);
  const model = buildModelInput(planned.years, planned.planned, classes, cfg);
  const merged = await runBlocks(model, { trials: a.trials, seed: a.seed, blockSize: cfg.blockSize, workers: a.workers, onProgress: a.onProgress });
  return {
    issues: [],
    report: {
      model: 'v1',
      seed: a.seed,
      block_size: cfg.blockSize,
      scenario: a.scenario?.id ?? null,
      ...summarize(model, merged),
      assumptions: {
        note: 'ASSUMPTIONS, not facts: continuation probabilities, delivered shares, the shock and the needs level come from config/model.yaml (docs/model.md)',
        classes: cfg.classes, shock: cfg.shock, needs_share_of_planned: cfg.needs_share_of_planned, rates: cfg.rates, rates_source: cfg.ratesSource, rates_note: cfg.ratesNote,
        projection: repeat ? 'stated amounts spread over their years; single-year amounts repeated over the horizon while in force' : 'stated amounts spread evenly over the years they name; nothing repeated',
      },
      partner_classes: Object.fromEntries([...classes].filter(([p]) => model.partners.includes(p))),
      pledges_skipped: planned.skipped.length,
    },
  };
}

// The simulate use case: registry (optionally patched by a scenario) + ledger -> planned amounts -> model input ->
// blocks on the worker pool -> summary, with the input used and the assumptions the outputs rest on.

import { type Basis, type Observed, observedRates, plannedFromObserved } from '../core/analysis/observed.js';
import { type Excluded, plannedFromLedger, plannedFromPledges } from '../core/analysis/planned.js';
import { patchRegistry } from '../core/analysis/scenario-ops.js';
import type { Scenario } from '../core/analysis/scenario-types.js';
import { type SimulationSummary, summarize } from '../core/analysis/simulate-summary.js';
import { buildModelInput, partnerClasses } from '../core/analysis/simulation-input.js';
import type { PriorBasis } from '../core/history/prior-model.js';
import type { Issue } from '../core/issues.js';
import type { LedgerEntry } from '../core/ledger/index.js';
import type { Registry } from '../core/model.js';
import type { ModelConfig } from './config.js';
import { runBlocks } from './worker-pool.js';

export interface SimulationReport extends SimulationSummary {
  model: 'v1';
  seed: number;
  block_size: number;
  scenario: string | null;
  /** Where the planned amounts come from: the ledger, or (only when the ledger is empty) the agreements' pledges. */
  input: 'ledger' | 'agreement_pledges' | 'tracker_flows';
  input_note: string;
  /** Amounts left out for want of a published rate, in their original currency; never converted by guess. */
  excluded: Excluded[];
  excluded_totals: Record<string, string>;
  assumptions: {
    note: string;
    classes: ModelConfig['classes'];
    shock: ModelConfig['shock'];
    needs_share_of_planned: number;
    rates_source: string;
    rates_note: string;
    projection: string;
  };
  partner_classes: Record<string, string>;
  /** The fulfilment prior: the configured assumptions, or the historical record (with its basis and citation). */
  prior: { prior: 'configured' } | PriorBasis;
  /** What is projected: the pledges the texts state, or each guarantor's observed tracker allocations (12 months). */
  basis: Basis;
  basis_note: string;
  /** On the observed basis: the window, each guarantor's rate and its allocations per year; null on `stated`. */
  observed: Observed | null;
  /** Ledger entries placed (input ledger) or pledges used (input agreement_pledges). */
  items_used: number;
  pledges_skipped: number;
}

export interface SimulateArgs {
  trials: number;
  seed: number;
  workers?: number;
  repeatAnnual: boolean;
  scenario: Scenario | null;
  /** The ledger's entries (read from the store by the adapter). Absent or empty: the agreements' pledges are used. */
  ledger?: LedgerEntry[];
  onProgress?: (done: number, total: number) => void;
  /** The historical prior's basis when cfg's continuations were derived from it (applyHistoricalPrior). */
  prior?: PriorBasis;
  /** `stated` (default): the ledger's pledges and allocations, or the texts' pledges; `observed`: tracker flows. */
  basis?: Basis;
}

const PROJECTION = {
  observed:
    "each guarantor's bilateral tracker allocations (EUR, corrections applied): a year the release covers whole as allocated, from the last month's year on the last twelve months' total each year, while one of its agreements is in force",
  ledger:
    "ledger pledges and allocations (bilateral; corrections, `within` and the EU channel rule applied by the ledger) in EUR at the ECB annual rate of their date year, split evenly over their earmarked years; a year counts while the entry's agreement is in force",
  pledges:
    "agreement pledges with a stated amount and years, spread evenly over those years while the agreement is in force; `within` pledges counted in the larger one; non-EUR at the cited ECB rate of the horizon's first year, else excluded",
};

export async function simulateRegistry(
  base: Registry,
  cfg: ModelConfig,
  a: SimulateArgs,
): Promise<{ report?: SimulationReport; issues: Issue[] }> {
  const { registry, state } = a.scenario
    ? patchRegistry(base, a.scenario.operations)
    : { registry: base, state: { scale: [], issues: [] as Issue[] } };
  if (state.issues.length) return { issues: state.issues };
  const repeat = a.repeatAnnual || (a.scenario?.projection.repeat_annual ?? false);
  const proj = { ...cfg.horizon, repeatAnnual: repeat, scale: state.scale };
  const fromLedger = (a.ledger?.length ?? 0) > 0;
  let planned: { years: number[]; planned: Map<string, number[]> };
  let excluded: Excluded[],
    excludedTotals: Record<string, string>,
    used: number,
    skipped = 0,
    note: string;
  const basis = a.basis ?? 'stated';
  let observed: Observed | null = null;
  if (basis === 'observed') {
    observed = observedRates(a.ledger ?? [], registry.agreements);
    if (!observed.window)
      return {
        issues: [
          {
            code: 'not_found',
            path: ['basis'],
            message:
              'the observed basis needs a tracker release in the ledger: run `compact flows import DIR` (e.g. data/kiel) first',
          },
        ],
      };
    const years = Array.from({ length: proj.years }, (_, i) => proj.fromYear + i);
    planned = { years, planned: plannedFromObserved(observed, registry.agreements, years, proj) };
    excluded = [];
    excludedTotals = {};
    used = observed.rates.length;
    note = `observed flows: each guarantor's tracker allocations ${observed.window.from} to ${observed.window.to} (EUR per 12 months), projected flat from that year on, earlier years as allocated, while one of its agreements is in force; ${observed.without_agreement.length} donor(s) party to no agreement left out`;
  } else if (fromLedger) {
    const p = plannedFromLedger(a.ledger!, cfg.rateTable, registry.agreements, proj);
    planned = p;
    ({ excluded, excluded_totals: excludedTotals, entries_used: used } = p);
    note = `${a.ledger!.length} ledger entries read; ${used} placed; ${excluded.reduce((n, e) => n + e.entries, 0)} excluded for want of a rate; EUR ${p.eur_outside_horizon_or_force.toFixed(2)} outside the horizon or the agreements' force`;
  } else {
    const p = plannedFromPledges(registry.agreements, cfg.rates, proj);
    planned = p;
    used = p.used.length;
    skipped = p.skipped.length;
    const noRate = p.skipped.filter((s) => s.reason.startsWith('no rate') && s.amount !== null && s.currency !== null);
    const acc = new Map<string, { partner: string; currency: string; amount: number; entries: number }>();
    for (const s of noRate) {
      const partner = registry.agreements.find((x) => x.id === s.agreement)?.partner ?? s.agreement;
      const k = `${partner}:${s.currency}`;
      const e = acc.get(k) ?? { partner, currency: s.currency!, amount: 0, entries: 0 };
      e.amount += s.amount!;
      e.entries++;
      acc.set(k, e);
    }
    excluded = [...acc.values()].map((e) => ({ ...e, amount: String(e.amount) }));
    excludedTotals = {};
    for (const e of acc.values())
      excludedTotals[e.currency] = String(Number(excludedTotals[e.currency] ?? 0) + e.amount);
    note = `the ledger is ${a.ledger ? 'empty' : 'not given'}: planned amounts projected from the agreements' pledges`;
  }
  const classes = partnerClasses(registry.agreements);
  const model = buildModelInput(planned.years, planned.planned, classes, cfg);
  const merged = await runBlocks(model, {
    trials: a.trials,
    seed: a.seed,
    blockSize: cfg.blockSize,
    workers: a.workers,
    onProgress: a.onProgress,
  });
  return {
    issues: [],
    report: {
      model: 'v1',
      seed: a.seed,
      block_size: cfg.blockSize,
      scenario: a.scenario?.id ?? null,
      input: basis === 'observed' ? 'tracker_flows' : fromLedger ? 'ledger' : 'agreement_pledges',
      input_note: note,
      excluded,
      excluded_totals: excludedTotals,
      ...summarize(model, merged),
      assumptions: {
        note: a.prior
          ? `continuation probabilities from the historical prior (${a.prior.coding_label}: ${a.prior.citation}); delivered shares, the shock and the needs level are ASSUMPTIONS from config/model.yaml (docs/model.md)`
          : 'ASSUMPTIONS, not facts: continuation probabilities, delivered shares, the shock and the needs level come from config/model.yaml (docs/model.md)',
        classes: cfg.classes,
        shock: cfg.shock,
        needs_share_of_planned: cfg.needs_share_of_planned,
        rates_source: cfg.ratesSource,
        rates_note: cfg.ratesNote,
        projection: `${basis === 'observed' ? PROJECTION.observed : fromLedger ? PROJECTION.ledger : PROJECTION.pledges}; ${repeat ? 'single-year amounts repeated over later horizon years while in force' : 'nothing repeated'}`,
      },
      partner_classes: Object.fromEntries([...classes].filter(([p]) => model.partners.includes(p))),
      prior: a.prior ?? { prior: 'configured' },
      basis,
      basis_note:
        basis === 'observed'
          ? `basis: observed flows (Kiel tracker, ${observed!.window!.from} to ${observed!.window!.to}, trailing 12 months flat from then, earlier years as allocated)`
          : "basis: stated pledges (the agreements and the ledger; the tracker's observed allocations are not projected)",
      observed,
      items_used: used,
      pledges_skipped: skipped,
    },
  };
}

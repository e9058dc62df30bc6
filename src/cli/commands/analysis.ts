// Analysis commands: score, compare, scenario list/run, simulate, check-settlement.
import { join, resolve } from 'node:path';
import { loadModel, loadScenario, loadSettlement, loadWeights, scenarioNames } from '../../analysis/config.js';
import {
  renderCompare,
  renderScenario,
  renderScore,
  renderSettlement,
  renderSimulation,
} from '../../analysis/render.js';
import { simulateRegistry } from '../../analysis/run-simulation.js';
import { compare } from '../../core/analysis/compare.js';
import { runScenario } from '../../core/analysis/scenario.js';
import { scoreAgreement, scoreNetwork } from '../../core/analysis/score.js';
import { sensitivity } from '../../core/analysis/score-sensitivity.js';
import { type SettlementReport, settlementReport } from '../../core/analysis/settlement-report.js';
import { isIsoDate } from '../../core/dates.js';
import { CODINGS, type Coding, historicalPrior } from '../../core/history/prior.js';
import { applyHistoricalPrior } from '../../core/history/prior-model.js';
import { inForceOn } from '../../core/in-force.js';
import { formatIssue, type Issue } from '../../core/issues.js';
import type { Registry } from '../../core/model.js';
import type { Db } from '../../store/db.js';
import { readLedger } from '../../store/ledger-store.js';
import { readRegistry } from '../../store/registry-store.js';
import { type Command, type Io, json, str, UsageError } from '../command.js';
import { CliFailure, packageRoot, storeOptions, withStore } from '../context.js';
import { emitExport, exportOptions, methodOf, sourceRows } from '../export/briefing.js';
import { compareSheets, settlementSheets } from '../export/sheets.js';
import { fulfilmentCases } from '../world-seed.js';

const fail = (issues: Issue[], next: string) =>
  new CliFailure(`${issues.map(formatIssue).join('\n')}\n${issues.length} problem(s). ${next}`);
const num = (v: unknown, name: string, def: number, min = 0) => {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min)
    throw new UsageError(`--${name}: expected a number >= ${min}, found ${String(v)}`);
  return n;
};
const configFile = (name: string) => join(packageRoot, 'config', name);
const scenariosDir = join(packageRoot, 'data', 'scenarios');
const settlementsDir = join(packageRoot, 'data', 'settlements');

async function weightsFrom(values: Record<string, unknown>, io: Io) {
  const file = str(values.weights) ? resolve(io.cwd, str(values.weights)!) : configFile('score-weights.yaml');
  const w = await loadWeights(file, io.cwd);
  if (!w.value) throw fail(w.issues, 'Fix the weights file (docs/score.md lists the criteria).');
  return w.value;
}

/** A scenario named in data/scenarios/ or given as a path. */
async function scenarioFrom(arg: string, io: Io) {
  const file = arg.endsWith('.yaml') || arg.includes('/') ? resolve(io.cwd, arg) : join(scenariosDir, `${arg}.yaml`);
  const s = await loadScenario(file, settlementsDir, io.cwd);
  if (!s.value)
    throw fail(
      s.issues,
      `List the named scenarios with \`compact scenario list\`; docs/scenarios.md gives the format.`,
    );
  return s.value;
}

const score: Command = {
  name: ['score'],
  summary: 'strength score per agreement and for the network, with traces and sensitivity to the weights',
  help: `Usage: compact score [--weights FILE] [--on DATE] [--sensitivity 0.2] [--samples 500] [--seed 1] [--json]

Scores each agreement on the rubric of docs/score.md (weights: config/score-weights.yaml, or --weights FILE),
with the fields and provisions that decided each criterion, an ATOP-style depth/scope view, and the network's
coverage-weighted score. --sensitivity X perturbs every weight by up to ±X (fraction) in --samples seeded draws
and reports each agreement's rank range.
Examples:
  compact score --json
  compact score --weights my-weights.yaml --sensitivity 0.3`,
  options: {
    ...storeOptions,
    weights: { type: 'string' },
    on: { type: 'string' },
    sensitivity: { type: 'string' },
    samples: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const on = str(values.on);
    if (on && !isIsoDate(on)) throw new UsageError(`--on: expected a date YYYY-MM-DD, found ${on}`);
    const weights = await weightsFrom(values, io);
    const pert = num(values.sensitivity, 'sensitivity', 0.2);
    const samples = num(values.samples, 'samples', 500);
    const seed = num(values.seed, 'seed', 1);
    return withStore(values, io, async (db) => {
      const reg = await readRegistry(db);
      const list = reg.agreements.filter((a) => !on || inForceOn(a, on));
      const scores = list
        .map((a) => scoreAgreement(a, weights))
        .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
      const out = {
        weights,
        on: on ?? null,
        network: scoreNetwork(scores),
        agreements: scores,
        sensitivity: sensitivity(scores, weights, pert, samples, seed),
      };
      io.out(values.json ? json(out) : renderScore(out));
      return 0;
    });
  },
};

const compareCmd: Command = {
  name: ['compare'],
  summary: "compare a proposal's elements (2022) with each agreement of a framework (2024): met, partly, not met",
  help: `Usage: compact compare PROPOSAL TARGET [--json] [--csv] [--xlsx FILE]

PROPOSAL is a framework id (kyiv-security-compact-2022); TARGET an agreement id or a framework whose agreements
are compared (ukraine-compact-2024). Every cell is generated from the rule table of docs/compare.md and cites
the provisions it weighed. --csv prints one row per point and agreement; --xlsx FILE writes a workbook with the
verdicts, the grid, every cited source and quote, and the method.
Example: compact compare kyiv-security-compact-2022 ukraine-compact-2024 --xlsx compare.xlsx`,
  options: { ...storeOptions, ...exportOptions, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [p, t] = positionals;
    if (!p || !t)
      throw new UsageError('give a proposal and a target, e.g. kyiv-security-compact-2022 ukraine-compact-2024');
    return withStore(values, io, async (db) => {
      const reg = await readRegistry(db);
      const r = compare(reg, p, t);
      if (!r.comparison) throw fail(r.issues, 'List frameworks with `compact frameworks`.');
      const c = r.comparison;
      const quiet = await emitExport(values, io, async () => {
        const { sheets, cites } = compareSheets(c, reg);
        return {
          sheets,
          sources: sourceRows(reg, cites),
          method: await methodOf(db, `compare ${p} ${t}`, 'the registry as loaded (no date applies)', [
            'Each verdict is generated by the rule for its point (docs/compare.md) from the coded provisions; a clause that is in the text but not coded counts as absent.',
            'Several points of the proposal are known only from secondary accounts: see "point stated in".',
            'unknown = the agreement has no coded provisions (or its legal force is unknown), not a negative finding.',
          ]),
        };
      });
      if (!quiet) io.out(values.json ? json(c) : renderCompare(c));
      return 0;
    });
  },
};

const scenarioList: Command = {
  name: ['scenario', 'list'],
  summary: 'list the named scenarios in data/scenarios/',
  help: "Usage: compact scenario list [--json]\n\nEach scenario's file is validated; exit 1 if any is invalid. Example: compact scenario list --json",
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    const rows = [];
    for (const n of await scenarioNames(scenariosDir)) {
      const s = await loadScenario(join(scenariosDir, `${n}.yaml`), settlementsDir, io.cwd);
      rows.push({
        name: n,
        title: s.value?.title ?? null,
        operations: s.value?.operations.map((o) => o.op) ?? [],
        issues: s.issues.map(formatIssue),
      });
    }
    io.out(
      values.json
        ? json(rows)
        : rows.map((r) => `${r.name.padEnd(24)} ${r.title ?? `(invalid: ${r.issues.join('; ')})`}`).join('\n'),
    );
    return rows.some((r) => r.issues.length) ? 1 : 0;
  },
};

const scenarioRun: Command = {
  name: ['scenario', 'run'],
  summary: 'run a scenario (patches over the baseline) and show its diff against the baseline',
  help: `Usage: compact scenario run FILE|NAME [--weights FILE] [--json]

Applies the scenario's operations to a copy of the registry and compares it with the baseline: agreements in
force on the scenario's date, obligations after its attack (trigger engine), coverage, planned totals, strength.
Examples:
  compact scenario run abrogation --json
  compact scenario run ./my-scenario.yaml`,
  options: { ...storeOptions, weights: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (!positionals[0]) throw new UsageError('give a scenario name (compact scenario list) or a file');
    const sc = await scenarioFrom(positionals[0], io);
    const weights = await weightsFrom(values, io);
    const model = await loadModel(configFile('model.yaml'), io.cwd);
    if (!model.value) throw fail(model.issues, 'Fix config/model.yaml.');
    return withStore(values, io, async (db) => {
      const r = runScenario(await readRegistry(db), sc, {
        weights,
        rates: model.value!.rates,
        horizon: model.value!.horizon,
      });
      if (!r.result) throw fail(r.issues, 'Fix the scenario file (docs/scenarios.md).');
      io.out(values.json ? json(r.result) : renderScenario(r.result));
      return 0;
    });
  },
};

const simulate: Command = {
  name: ['simulate'],
  summary: 'Monte Carlo of fulfilment (model v1): delivered totals per year with percentiles; seeded',
  help: `Usage: compact simulate [--scenario S] [--trials N] [--seed S] [--workers W] [--repeat-annual]
                        [--prior configured|historical|both] [--coding bf|llm] [--basis stated|observed] [--json]

Draws N trials of the model of docs/model.md (parameters: config/model.yaml; they are assumptions) and reports per
year the mean, p5, p50, p95 of the total delivered, the probability of falling below the needs level and the
expected amount per partner, beside the closed-form mean. Planned amounts come from the store's ledger (pledges
and allocations, EUR at the cited ECB rates; amounts without a rate are listed as excluded); only if the ledger
is empty from the agreements' pledges. The output names the input used. Same seed, same result, whatever
--workers is (default: every core; 0 = this thread). --repeat-annual repeats single-year amounts over the horizon.\n--prior historical sets each partner's continuation from the honour rates of alliance commitments in war\n(Berkemeier & Fuhrmann 2018, --coding bf or llm; docs/history.md); both runs the two side by side.\n--basis observed projects each guarantor's tracker allocations of the last 12 months flat over the horizon\n(needs a release: compact flows import data/kiel); stated (the default) projects the pledges.
Examples:
  compact simulate --trials 100000 --seed 1 --json
  compact simulate --scenario us-withdrawal-2025 --trials 200000 --seed 7`,
  options: {
    ...storeOptions,
    scenario: { type: 'string' },
    trials: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'repeat-annual': { type: 'boolean' },
    prior: { type: 'string' },
    basis: { type: 'string' },
    coding: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const trials = num(values.trials, 'trials', 100000, 1);
    const priorMode = str(values.prior) ?? 'configured';
    if (!['configured', 'historical', 'both'].includes(priorMode))
      throw new UsageError(`--prior: expected configured, historical or both, found ${priorMode}`);
    const basis = str(values.basis) ?? 'stated';
    if (basis !== 'stated' && basis !== 'observed')
      throw new UsageError(`--basis: expected stated or observed, found ${basis}`);
    const coding = (str(values.coding) ?? 'bf') as Coding;
    if (!(coding in CODINGS)) throw new UsageError(`--coding: expected bf or llm, found ${coding}`);
    const seed = num(values.seed, 'seed', 1);
    const workers = values.workers === undefined ? undefined : num(values.workers, 'workers', 0);
    const sc = str(values.scenario) ? await scenarioFrom(str(values.scenario)!, io) : null;
    const model = await loadModel(configFile('model.yaml'), io.cwd);
    if (!model.value) throw fail(model.issues, 'Fix config/model.yaml.');
    const { reg, ledger, cases } = await withStore(values, io, async (db) => ({
      reg: await readRegistry(db),
      ledger: await readLedger(db),
      cases: priorMode === 'configured' ? [] : await fulfilmentCases(db),
    }));
    const bar = io.tty
      ? (d: number, t: number) =>
          io.err(`\x1b[1A\x1b[2Ksimulating [${'#'.repeat(Math.round((30 * d) / t)).padEnd(30)}] ${d}/${t} blocks`)
      : undefined;
    if (bar) io.err('');
    const run = async (historical: boolean) => {
      const cfg = model.value!;
      const h = historical ? applyHistoricalPrior(cfg, historicalPrior(cases, coding), cfg.horizon.years) : null;
      const r = await simulateRegistry(reg, h ? { ...cfg, ...h.params } : cfg, {
        trials,
        seed,
        workers,
        repeatAnnual: Boolean(values['repeat-annual']),
        scenario: sc,
        ledger,
        onProgress: bar,
        ...(h ? { prior: h.basis } : {}),
        basis,
      } as Parameters<typeof simulateRegistry>[2]);
      if (!r.report)
        throw fail(r.issues, basis === 'observed' ? 'Import a tracker release first.' : 'Fix the scenario file.');
      return r.report;
    };
    if (priorMode === 'both') {
      const [configured, historical] = [await run(false), await run(true)];
      io.out(
        values.json
          ? json({ configured, historical })
          : `== under the configured prior\n${renderSimulation(configured)}\n\n== under the historical prior\n${renderSimulation(historical)}`,
      );
      return 0;
    }
    const report = await run(priorMode === 'historical');
    io.out(values.json ? json(report) : renderSimulation(report));
    return 0;
  },
};

/** The check-settlement output for FILE (what --json prints; the table and any export are built from it). */
/**
 * Checks a settlement file as accepted on `on`; `after` sees the store, the registry and the report before the
 * store closes (the exports read the ledger head from it) and says whether it wrote the output itself.
 */
export async function settlementOutput(
  file: string,
  on: string,
  values: Record<string, unknown>,
  io: Io,
  after: (
    db: Db,
    reg: Registry,
    report: SettlementReport,
    model: { rates: Record<string, number> },
  ) => Promise<boolean> = async () => false,
): Promise<{ report: SettlementReport; quiet: boolean }> {
  const s = await loadSettlement(resolve(io.cwd, file), io.cwd);
  if (!s.value) throw fail(s.issues, 'The format is described in data/settlements/README.md.');
  const weights = await weightsFrom({}, io);
  const model = await loadModel(configFile('model.yaml'), io.cwd);
  if (!model.value) throw fail(model.issues, 'Fix config/model.yaml.');
  const m = model.value;
  return withStore(values, io, async (db) => {
    const reg = await readRegistry(db);
    const report = settlementReport(reg, s.value!, on, { weights, rates: m.rates, horizon: m.horizon });
    return { report, quiet: await after(db, reg, report, m) };
  });
}

const checkSettlementCmd: Command = {
  name: ['check-settlement'],
  summary: "check a settlement's terms against the commitments: conflict, tension, compatible or unassessed",
  help: `Usage: compact check-settlement FILE [--on DATE] [--json] [--csv] [--xlsx FILE]

Reads FILE in the format of data/settlements/ and gives each term exactly one verdict: conflict, tension,
compatible, or unassessed when no rule covers the term or no coded provision can be weighed (rules in
docs/scenarios.md). Territorial terms (recognition of Russian control, cession, a line of contact as a border)
are held against the territorial-integrity provisions. Each verdict cites the provisions and quotes weighed and
says whether they are legal or political commitments. Then runs the operations accepting the terms implies
(taken as accepted on --on, default 2026-01-01) and shows their diff against the baseline.
Exit 0 either way: conflicts are findings, not errors. --csv prints one row per term; --xlsx FILE writes a
workbook with the findings, the provisions weighed, the effect, every cited source and quote, and the method.
Examples:
  compact check-settlement data/settlements/us-28-point-plan-2025-11.yaml
  compact check-settlement data/settlements/russia-demands.yaml --json
  compact check-settlement data/settlements/russia-demands.yaml --xlsx settlement.xlsx`,
  options: { ...storeOptions, ...exportOptions, on: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (!positionals[0]) throw new UsageError('give a settlement file, e.g. data/settlements/russia-demands.yaml');
    const on = str(values.on) ?? '2026-01-01';
    if (!isIsoDate(on)) throw new UsageError(`--on: expected a date YYYY-MM-DD, found ${on}`);
    const out = await settlementOutput(positionals[0], on, values, io, async (db, reg, report, model) =>
      emitExport(values, io, async () => {
        const { sheets, cites } = settlementSheets(report, report.effect);
        return {
          sheets,
          sources: sourceRows(reg, cites),
          method: await methodOf(
            db,
            `check-settlement ${positionals[0]} --on ${on}`,
            on,
            [
              'Each term gets one verdict from the rule of its kind (docs/scenarios.md) weighed against the coded provisions; unassessed means no rule or no coded provision could weigh it.',
              `The effect runs the operations accepting the terms implies, read on 1 June ${on.slice(0, 4)} with an attack on 1 March of the next year.`,
              'Planned amounts in the effect use the rates of config/model.yaml (assumptions, listed below).',
            ],
            Object.entries(model.rates).map(([currency, rate]) => ({
              currency,
              year: Number(on.slice(0, 4)),
              rate: String(rate),
              source: 'config/model.yaml',
            })),
          ),
        };
      }),
    );
    if (!out.quiet) io.out(values.json ? json(out.report) : renderSettlement(out.report));
    return 0;
  },
};

export const analysisCommands: Command[] = [score, compareCmd, scenarioList, scenarioRun, simulate, checkSettlementCmd];

// Analysis routes: strength scores, the 2022-vs-2024 comparison, scenarios (list, run against the baseline), the
// Monte Carlo simulation (trials capped) and the settlement check. Inputs come from config/ and data/scenarios/.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  loadModel,
  loadScenario,
  loadSettlement,
  loadWeights,
  type ModelConfig,
  scenarioNames,
} from '../../analysis/config.js';
import { simulateRegistry } from '../../analysis/run-simulation.js';
import { settlementFileSchema } from '../../analysis/schemas.js';
import { compare } from '../../core/analysis/compare.js';
import { runScenario } from '../../core/analysis/scenario.js';
import { scoreAgreement, scoreNetwork, type Weights } from '../../core/analysis/score.js';
import { sensitivity } from '../../core/analysis/score-sensitivity.js';
import type { Settlement } from '../../core/analysis/settlement.js';
import { settlementReport } from '../../core/analysis/settlement-report.js';
import { historicalPrior } from '../../core/history/prior.js';
import { applyHistoricalPrior } from '../../core/history/prior-model.js';
import { inForceOn } from '../../core/in-force.js';
import { formatIssue, type Issue } from '../../core/issues.js';
import { loadWorld } from '../../data/load-world.js';
import { parseYamlText, validateWith } from '../../data/yaml-file.js';
import { packageRoot } from '../../platform/paths.js';
import { readLedger } from '../../store/ledger-store.js';
import { cachedRegistry } from '../../store/registry-cache.js';
import { readWorld } from '../../store/world-store.js';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ApiError, fromCoreIssues, fromZodIssues } from '../errors.js';
import { COMPUTE, policy, READ } from '../route-policy.js';
import { errorResponses, errorSchema, idParam } from '../schemas.js';
import {
  compareQuery,
  comparisonSchema,
  scenarioListSchema,
  scenarioResultSchema,
  scenarioRunBody,
  scoreQuery,
  scoresSchema,
  settlementBody,
  settlementCheckSchema,
  settlementFileSchemaOut,
  settlementInfoSchema,
  simulateBody,
  simulationSchema,
} from './analysis-schemas.js';

/** The alliance-war cases behind the historical prior: the store's world registry, else the bundled copy. */
async function worldCases(db: ApiDeps['db']) {
  const stored = await readWorld(db);
  if (stored.imported) return stored.cases;
  const w = await loadWorld(join(packageRoot, 'data', 'world'));
  if (w.issues.length)
    throw new ApiError(
      'internal',
      `the bundled fulfilment data do not load: ${w.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; ')}`,
    );
  return w.cases;
}

const tags = ['analysis'];
const unprocessable = {
  422: {
    description: 'Well formed but unusable (unknown scenario or record, invalid settlement)',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
  ...unprocessable,
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const routes = {
  scores: createRoute({
    method: 'get',
    path: '/api/analysis/scores',
    middleware: policy(READ),
    tags,
    summary: 'Strength score of every agreement with its breakdown, the network score and rank sensitivity',
    description:
      'Weights default to config/score-weights.yaml; `weights` (JSON) overrides criteria for this request (docs/score.md).',
    request: { query: scoreQuery },
    responses: ok(scoresSchema, 'Scores'),
  }),
  compare: createRoute({
    method: 'get',
    path: '/api/analysis/compare',
    middleware: policy(READ),
    tags,
    summary: "A proposal's elements (2022) against each agreement of a framework (2024): met, partly, not met",
    request: { query: compareQuery },
    responses: ok(comparisonSchema, 'The comparison'),
  }),
  scenarios: createRoute({
    method: 'get',
    path: '/api/analysis/scenarios',
    middleware: policy(READ),
    tags,
    summary: 'The bundled scenarios (data/scenarios/)',
    responses: ok(scenarioListSchema, 'Scenarios'),
  }),
  run: createRoute({
    method: 'post',
    path: '/api/analysis/scenarios/run',
    middleware: policy(COMPUTE),
    tags,
    summary: 'Run a scenario against the baseline: in force, obligations, coverage, totals, strength, and their diff',
    description: 'Writes nothing.',
    request: jsonBody(scenarioRunBody),
    responses: ok(scenarioResultSchema, 'The run'),
  }),
  simulate: createRoute({
    method: 'post',
    path: '/api/analysis/simulate',
    middleware: policy(COMPUTE),
    tags,
    summary: 'Monte Carlo of fulfilment (model v1): per-year p5/p50/p95 and mean of the delivered total, seeded',
    description:
      'Parameters from config/model.yaml, optionally changed by `model` for this run; the answer repeats them under `assumptions`. Same seed, same result.',
    request: jsonBody(simulateBody),
    responses: ok(simulationSchema, 'The simulation'),
  }),
  settlements: createRoute({
    method: 'get',
    path: '/api/analysis/settlements',
    middleware: policy(READ),
    tags,
    summary: 'The bundled settlement proposals (data/settlements/ and the shared inputs)',
    responses: ok(z.array(settlementInfoSchema), 'Settlements'),
  }),
  settlementFile: createRoute({
    method: 'get',
    path: '/api/analysis/settlements/{id}',
    middleware: policy(READ),
    tags,
    summary: 'One bundled settlement proposal, with its YAML text',
    request: { params: idParam },
    responses: ok(settlementFileSchemaOut, 'The settlement'),
  }),
  settlement: createRoute({
    method: 'post',
    path: '/api/analysis/settlement-check',
    middleware: policy(COMPUTE),
    tags,
    summary:
      "Check a settlement's terms against the commitments: conflict, tension, compatible or unassessed, with the effect of accepting them",
    description:
      'Each term gets exactly one verdict; `unassessed` (with the reason) when no rule covers it or no coded provision can be weighed. Territorial terms are held against the territorial_integrity provisions; adverse verdicts name the agreements by legal force.',
    request: jsonBody(settlementBody),
    responses: ok(settlementCheckSchema, 'The check'),
  }),
};

const configFile = (name: string) => join(packageRoot, 'config', name);
const scenariosDir = join(packageRoot, 'data', 'scenarios');
const settlementsDir = join(packageRoot, 'data', 'settlements');
/** The shared inputs beside the project, when present (development and CI); the bundled copy wins on an id. */
const sharedSettlementsDir = join(packageRoot, '..', 'shared', 'data', 'settlements');

/** Every readable settlement file, bundled first; invalid files are left out (check-settlement reports them). */
async function bundledSettlements() {
  const out: { info: z.infer<typeof settlementInfoSchema>; file: string }[] = [];
  for (const [dir, origin] of [
    [settlementsDir, 'data/settlements'],
    [sharedSettlementsDir, 'shared'],
  ] as const) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const file = join(dir, n);
      const s = await loadSettlement(file, packageRoot);
      if (!s.value || out.some((o) => o.info.id === s.value!.id)) continue;
      const { id, title, date, proponent, status, terms } = s.value;
      out.push({ info: { id, title, date, proponent, status, terms: terms.length, origin }, file });
    }
  }
  return out;
}

/** Core issues as an API error; YAML positions go into the message so the client can point at the line. */
function reject(issues: Issue[], prefix: string, what: string): never {
  throw new ApiError(
    issues[0]?.code === 'not_found' ? 'validation' : (issues[0]?.code ?? 'validation'),
    `${what}: ${issues.map(formatIssue).join('; ')}`,
    fromCoreIssues(issues, prefix),
  );
}

async function config() {
  const [w, m] = await Promise.all([
    loadWeights(configFile('score-weights.yaml'), packageRoot),
    loadModel(configFile('model.yaml'), packageRoot),
  ]);
  if (!w.value || !m.value)
    throw new ApiError(
      'internal',
      `the analysis configuration does not load: ${[...w.issues, ...m.issues].map(formatIssue).join('; ')}`,
    );
  return { weights: w.value as Weights, model: m.value };
}

async function scenario(name: string, field: string) {
  const s = await loadScenario(join(scenariosDir, `${name}.yaml`), settlementsDir, packageRoot);
  if (!s.value) {
    const known = await scenarioNames(scenariosDir);
    if (!known.includes(name))
      throw new ApiError('validation', `no scenario ${name}; GET /api/analysis/scenarios lists them`, [
        { path: field, message: 'unknown scenario', expected: known.join(' | '), found: name },
      ]);
    reject(s.issues, field, `scenario ${name} does not load`);
  }
  return s.value;
}

/** The model of config/model.yaml with this request's changes; classes merge per field. */
function withOverrides(m: ModelConfig, o: z.infer<typeof simulateBody>['model']): ModelConfig {
  if (!o) return m;
  const classes = { ...m.classes } as ModelConfig['classes'];
  for (const [k, v] of Object.entries(o.classes ?? {}))
    classes[k as keyof typeof classes] = { ...classes[k as keyof typeof classes], ...v };
  const bad = Object.entries(classes).filter(([, c]) => c.lo > c.hi);
  if (bad.length)
    throw new ApiError(
      'validation',
      'a delivered-share range is inverted',
      bad.map(([k, c]) => ({
        path: `body.model.classes.${k}`,
        message: 'lo must not exceed hi',
        found: `lo ${c.lo}, hi ${c.hi}`,
      })),
    );
  return {
    ...m,
    classes,
    shock: { ...m.shock, ...(o.shock ?? {}) },
    needs_share_of_planned: o.needs_share_of_planned ?? m.needs_share_of_planned,
  };
}

/** A settlement from YAML/JSON text or an object, validated with the shared settlements schema. */
function settlementOf(input: string | Record<string, unknown>): Settlement {
  let value: z.output<typeof settlementFileSchema> | undefined;
  if (typeof input === 'string') {
    const p = parseYamlText(input, 'body.settlement');
    if (!p.parsed) reject(p.issues, 'body.settlement', 'the settlement text does not parse');
    const v = validateWith(p.parsed, settlementFileSchema);
    if (!v.value)
      reject(v.issues, 'body.settlement', 'the settlement is not valid (format: data/settlements/README.md)');
    value = v.value;
  } else {
    const r = settlementFileSchema.safeParse(input);
    if (!r.success)
      throw new ApiError(
        'validation',
        'the settlement is not valid (format: data/settlements/README.md)',
        fromZodIssues(
          r.error.issues.map((i) => ({ ...i, path: ['settlement', ...i.path] })),
          'json',
        ),
      );
    value = r.data;
  }
  return {
    id: value.id,
    title: value.title,
    date: value.date,
    proponent: value.proponent,
    status: value.status,
    sources: value.sources,
    terms: value.terms.map((t) => ({ kind: t.kind, text: t.text, source: t.source })),
  };
}

/** Registers the analysis routes; returns what this build serves. */
export function analysisRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  const readRegistry = cachedRegistry(deps.db); // read-only: scenarios patch a clone
  app.openapi(routes.scores, async (c) => {
    const q = c.req.valid('query');
    const cfg = await config();
    const weights = { ...cfg.weights, ...(q.weights ?? {}) };
    const unknown = Object.keys(q.weights ?? {}).filter((k) => !(k in cfg.weights));
    if (unknown.length)
      throw new ApiError('validation', `unknown score criteria: ${unknown.join(', ')}`, [
        {
          path: 'query.weights',
          message: 'unknown criterion',
          expected: Object.keys(cfg.weights).join(' | '),
          found: unknown.join(', '),
        },
      ]);
    const reg = await readRegistry();
    const scores = reg.agreements
      .filter((a) => !q.on || inForceOn(a, q.on))
      .map((a) => scoreAgreement(a, weights))
      .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
    return c.json(
      {
        weights,
        on: q.on ?? null,
        network: scoreNetwork(scores),
        agreements: scores,
        sensitivity: sensitivity(scores, weights, q.sensitivity, q.samples, q.seed),
      },
      200,
    );
  });
  app.openapi(routes.compare, async (c) => {
    const q = c.req.valid('query');
    const r = compare(await readRegistry(), q.proposal, q.target);
    if (!r.comparison) reject(r.issues, 'query', 'cannot compare');
    return c.json(r.comparison as never, 200); // rule.areas is readonly in the core type
  });
  app.openapi(routes.scenarios, async (c) => {
    const rows = [];
    for (const n of await scenarioNames(scenariosDir)) {
      const s = await loadScenario(join(scenariosDir, `${n}.yaml`), settlementsDir, packageRoot);
      rows.push({
        name: n,
        title: s.value?.title ?? null,
        description: s.value?.description ?? null,
        on: s.value?.on ?? null,
        operations: s.value?.operations.map((o) => o.op) ?? [],
        issues: s.issues.map(formatIssue),
      });
    }
    return c.json(rows, 200);
  });
  app.openapi(routes.run, async (c) => {
    const b = c.req.valid('json');
    const [sc, cfg] = await Promise.all([scenario(b.scenario, 'body.scenario'), config()]);
    const r = runScenario(await readRegistry(), sc, {
      weights: { ...cfg.weights, ...(b.weights ?? {}) },
      rates: cfg.model.rates,
      horizon: cfg.model.horizon,
    });
    if (!r.result) reject(r.issues, 'body', `scenario ${b.scenario} cannot run`);
    return c.json(r.result, 200);
  });
  app.openapi(routes.simulate, async (c) => {
    const b = c.req.valid('json');
    const cfg = await config();
    const sc = b.scenario ? await scenario(b.scenario, 'body.scenario') : null;
    const model = withOverrides(cfg.model, b.model);
    // The historical prior replaces the configured continuations by honour rates from the world registry.
    const h =
      b.prior === 'historical'
        ? applyHistoricalPrior(model, historicalPrior(await worldCases(deps.db), b.coding), model.horizon.years)
        : null;
    const r = await simulateRegistry(await readRegistry(), h ? { ...model, ...h.params } : model, {
      trials: b.trials,
      seed: b.seed,
      repeatAnnual: b.repeat_annual,
      scenario: sc,
      ledger: await readLedger(deps.db),
      ...(h ? { prior: h.basis } : {}),
      basis: b.basis,
    } as Parameters<typeof simulateRegistry>[2]);
    if (!r.report) reject(r.issues, 'body', 'the simulation cannot run');
    return c.json(r.report, 200);
  });
  app.openapi(routes.settlements, async (c) =>
    c.json(
      (await bundledSettlements()).map((s) => s.info),
      200,
    ),
  );
  app.openapi(routes.settlementFile, async (c) => {
    const id = c.req.valid('param').id;
    const all = await bundledSettlements();
    const s = all.find((x) => x.info.id === id);
    if (!s)
      throw new ApiError('not_found', `no bundled settlement ${id}; GET /api/analysis/settlements lists them`, [
        { path: 'param.id', message: 'unknown settlement', expected: all.map((x) => x.info.id).join(' | '), found: id },
      ]);
    return c.json({ ...s.info, yaml: await readFile(s.file, 'utf8') }, 200);
  });
  app.openapi(routes.settlement, async (c) => {
    const b = c.req.valid('json');
    const s = settlementOf(b.settlement);
    const cfg = await config();
    const report = settlementReport(await readRegistry(), s, b.on ?? '2026-01-01', {
      weights: cfg.weights,
      rates: cfg.model.rates,
      horizon: cfg.model.horizon,
    });
    return c.json(report, 200);
  });
  return {
    available: true,
    routes: Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`),
    missing: [],
  };
}

// Loads the analysis inputs from YAML (config/, data/scenarios/, data/settlements/) with located issues.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { z } from 'zod';
import { ratesForYear } from '../core/analysis/planned.js';
import type { Scenario, ScenarioOp } from '../core/analysis/scenario-types.js';
import type { Settlement } from '../core/analysis/settlement.js';
import type { ModelParams } from '../core/analysis/simulation-input.js';
import type { Issue } from '../core/issues.js';
import type { RateTable } from '../core/ledger/index.js';
import { loadRates } from '../data/load-ledger-data.js';
import { readYamlFile, validateWith } from '../data/yaml-file.js';
import { modelFileSchema, scenarioFileSchema, settlementFileSchema, weightsFileSchema } from './schemas.js';

/** A file's validated value, or the issues with file:line:column. */
export type Loaded<T> = { value: T; issues: [] } | { value?: undefined; issues: Issue[] };

async function load<S extends z.ZodType>(file: string, schema: S, cwd: string): Promise<Loaded<z.output<S>>> {
  const rel = relative(cwd, file) || file;
  const r = await readYamlFile(file);
  if (!r.parsed) return { issues: r.issues.map((i) => ({ ...i, file: rel })) };
  r.parsed.file = rel;
  const v = validateWith(r.parsed, schema);
  return v.value !== undefined && v.issues.length === 0 ? { value: v.value, issues: [] } : { issues: v.issues };
}

export const loadWeights = async (file: string, cwd: string) => {
  const r = await load(file, weightsFileSchema, cwd);
  return r.value ? { value: r.value.weights, issues: [] as [] } : { issues: r.issues };
};

/**
 * The model's parameters (assumptions, config/model.yaml) plus the cited ECB annual rate table of the ledger
 * (data/rates/ecb-annual.yaml). `rates` is that table's published values for the horizon's first year, for the
 * pledge projection used when the ledger is empty (and by scenarios); currencies without a value are absent.
 */
export type ModelConfig = ModelParams & {
  horizon: { fromYear: number; years: number };
  blockSize: number;
  rates: Record<string, number>;
  rateTable: RateTable;
  ratesSource: string;
  ratesNote: string;
};

/** `dataDir` defaults to the `data/` beside the config file's directory (the bundled layout). */
export async function loadModel(
  file: string,
  cwd: string,
  dataDir = join(dirname(file), '..', 'data'),
): Promise<Loaded<ModelConfig>> {
  const r = await load(file, modelFileSchema, cwd);
  if (!r.value) return { issues: r.issues };
  const t = await loadRates(dataDir);
  if (!t.table)
    return {
      issues: t.issues.map((i) => ({ ...i, file: i.file ?? relative(cwd, join(dataDir, 'rates', 'ecb-annual.yaml')) })),
    };
  const m = r.value;
  return {
    value: {
      classes: m.classes,
      shock: m.shock,
      needs_share_of_planned: m.needs_share_of_planned,
      bins: m.bins,
      horizon: { fromYear: m.horizon.from_year, years: m.horizon.years },
      blockSize: m.block_size,
      rates: ratesForYear(t.table, m.horizon.from_year),
      rateTable: t.table,
      ratesSource: relative(cwd, join(dataDir, 'rates', 'ecb-annual.yaml')) || 'data/rates/ecb-annual.yaml',
      ratesNote:
        'ECB annual averages, each with its cited series; a currency-year without a published value has no rate and its amounts are excluded, not converted',
    },
    issues: [],
  };
}

export async function loadSettlement(file: string, cwd: string): Promise<Loaded<Settlement>> {
  const r = await load(file, settlementFileSchema, cwd);
  return r.value
    ? {
        value: {
          id: r.value.id,
          title: r.value.title,
          date: r.value.date,
          proponent: r.value.proponent,
          status: r.value.status,
          sources: r.value.sources,
          terms: r.value.terms.map((t) => ({ kind: t.kind, text: t.text, source: t.source })),
        },
        issues: [],
      }
    : { issues: r.issues };
}

/** Loads a scenario file; `add_settlement_terms` names a file in `settlementsDir`, whose terms are read in. */
export async function loadScenario(file: string, settlementsDir: string, cwd: string): Promise<Loaded<Scenario>> {
  const r = await load(file, scenarioFileSchema, cwd);
  if (!r.value) return { issues: r.issues };
  const f = r.value;
  const ops: ScenarioOp[] = [];
  const issues: Issue[] = [];
  for (const [i, op] of f.operations.entries()) {
    if (op.op !== 'add_settlement_terms') {
      ops.push(op as ScenarioOp);
      continue;
    }
    const s = await loadSettlement(join(settlementsDir, `${op.settlement}.yaml`), cwd);
    if (!s.value)
      issues.push(...s.issues, {
        code: 'not_found',
        path: ['operations', i, 'settlement'],
        message: `settlement ${op.settlement} could not be read`,
        file: relative(cwd, file),
        expected: `a file ${op.settlement}.yaml in ${relative(cwd, settlementsDir)}`,
      });
    else
      ops.push({ op: 'add_settlement_terms', settlement: op.settlement, date: op.date ?? f.on, terms: s.value.terms });
  }
  if (issues.length) return { issues };
  return {
    value: {
      schema_version: 1,
      id: f.id,
      title: f.title,
      description: f.description,
      sources: f.sources.map((s) => ({ url: s.url, quote: s.quote ?? null })),
      on: f.on,
      attack: f.attack,
      projection: f.projection,
      operations: ops,
    },
    issues: [],
  };
}

/** Names of the scenario files in a directory (without .yaml), sorted. */
export async function scenarioNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => basename(n, '.yaml'))
      .sort();
  } catch {
    return [];
  }
}

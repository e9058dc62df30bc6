// Loads the ledger's data files: the ECB rate table, the GDP table, a needs file and ledger CSVs, with located errors.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Issue } from '../core/issues.js';
import {
  type CsvFormat,
  type GdpValue,
  isAmount,
  isRate,
  LEDGER_FORMAT,
  type MappedRow,
  mapRecords,
  type Need,
  parseCsv,
  type RateTable,
} from '../core/ledger/index.js';
import { CAPABILITIES } from '../core/taxonomy.js';
import { parseYamlText, readYamlFile, validateWith } from './yaml-file.js';

const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
const decimal = z.string().refine(isAmount, 'expected an exact decimal with at most two decimals, as a quoted string');

const rateFileSchema = z.strictObject({
  schema_version: z.literal(1),
  description: z.string(),
  unit: z.literal('units of currency per 1 EUR, annual average of daily ECB reference rates'),
  rates: z.array(
    z.strictObject({
      currency: z.string().regex(/^[A-Z]{3}$/),
      year: z.number().int().min(1999).max(2100),
      rate: z.string().refine(isRate, 'expected a positive decimal rate as a quoted string').nullable(),
      partial: z.boolean().default(false),
      source: url,
      note: z.string().nullable().default(null),
    }),
  ),
});

const gdpFileSchema = z.strictObject({
  schema_version: z.literal(1),
  description: z.string(),
  unit: z.literal('EUR, current prices'),
  values: z.array(
    z.strictObject({
      party: z.string().regex(/^[A-Z]{2,8}$/),
      year: z.number().int(),
      gdp_eur: decimal.nullable(),
      source: url,
      note: z.string().nullable().default(null),
    }),
  ),
});

const needsFileSchema = z.strictObject({
  schema_version: z.literal(1),
  illustrative: z.boolean(),
  description: z.string(),
  source: url.nullable().default(null),
  needs: z.array(
    z.strictObject({
      capability: z.enum([...CAPABILITIES, 'unassigned']),
      year: z.number().int().min(1990).max(2100),
      amount_eur: decimal,
      note: z.string().nullable().default(null),
    }),
  ),
});

async function loadYaml<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<{ value?: z.output<S>; issues: Issue[] }> {
  const r = await readYamlFile(file);
  if (!r.parsed) return { issues: r.issues };
  return validateWith(r.parsed, schema);
}

/** The bundled annual rate table (data/rates/ecb-annual.yaml). Null rates stay null: conversion says "no rate". */
export async function loadRates(dataDir: string): Promise<{ table?: RateTable; issues: Issue[] }> {
  const r = await loadYaml(join(dataDir, 'rates', 'ecb-annual.yaml'), rateFileSchema);
  return r.value
    ? {
        table: {
          rates: r.value.rates.map((x) => ({
            currency: x.currency,
            year: x.year,
            rate: x.rate,
            source: x.source,
            partial: x.partial,
          })),
        },
        issues: [],
      }
    : { issues: r.issues };
}

/** Every data/gdp/*.yaml table, concatenated. */
export async function loadGdp(dataDir: string): Promise<{ values?: GdpValue[]; issues: Issue[] }> {
  const dir = join(dataDir, 'gdp');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  const values: GdpValue[] = [];
  const issues: Issue[] = [];
  for (const n of names) {
    const r = await loadYaml(join(dir, n), gdpFileSchema);
    issues.push(...r.issues);
    if (r.value)
      values.push(
        ...r.value.values.map((v) => ({ party: v.party, year: v.year, gdp_eur: v.gdp_eur, source: v.source })),
      );
  }
  return issues.length ? { issues } : { values, issues };
}

/** A needs document given as text (YAML or JSON), e.g. in an HTTP body; issues carry line and field. */
export function parseNeeds(text: string, label: string): { needs?: Need[]; illustrative?: boolean; issues: Issue[] } {
  const p = parseYamlText(text, label);
  if (!p.parsed) return { issues: p.issues };
  const r = validateWith(p.parsed, needsFileSchema);
  return r.value ? { needs: r.value.needs, illustrative: r.value.illustrative, issues: [] } : { issues: r.issues };
}

/** A needs file (requirements per capability and year); see docs/ledger.md for the format. */
export async function loadNeeds(file: string): Promise<{ needs?: Need[]; illustrative?: boolean; issues: Issue[] }> {
  const r = await loadYaml(file, needsFileSchema);
  return r.value ? { needs: r.value.needs, illustrative: r.value.illustrative, issues: [] } : { issues: r.issues };
}

/** Reads a ledger CSV (ledger columns or another format's) into drafts; issues carry the file and line. */
export async function readLedgerCsv(
  file: string,
  format: CsvFormat = LEDGER_FORMAT,
  label = file,
): Promise<{ rows: MappedRow[]; issues: Issue[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return {
      rows: [],
      issues: [{ code: 'io', path: [], message: `cannot read file: ${(e as Error).message}`, file: label }],
    };
  }
  const p = parseCsv(text);
  if (p.issues.length) return { rows: [], issues: p.issues.map((i) => ({ ...i, file: label })) };
  const m = mapRecords(p.records, format);
  return { rows: m.rows, issues: m.issues.map((i) => ({ ...i, file: label })) };
}

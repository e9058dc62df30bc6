// Zod schemas of the analysis inputs: score weights, model parameters, scenario files, settlement files.
import { z } from 'zod';
import { isInstant } from '../core/dates.js';
import { LEGAL_FORCE } from '../core/taxonomy.js';
import { isoDate } from '../schema/registry.js';

const prob = z.number().min(0).max(1);

export const weightsFileSchema = z.strictObject({
  schema_version: z.literal(1),
  weights: z.record(z.string(), z.number().min(0)),
});

const classSchema = z
  .strictObject({ continuation: prob, lo: prob, hi: prob })
  .refine((c) => c.lo <= c.hi, { message: 'lo must not exceed hi' });

export const modelFileSchema = z.strictObject({
  schema_version: z.literal(1),
  horizon: z.strictObject({ from_year: z.number().int(), years: z.number().int().min(1).max(100) }),
  classes: z.strictObject(
    Object.fromEntries(LEGAL_FORCE.map((k) => [k, classSchema])) as Record<
      (typeof LEGAL_FORCE)[number],
      typeof classSchema
    >,
  ),
  shock: z.strictObject({ probability: prob, multiplier: z.number().min(0) }),
  needs_share_of_planned: z.number().min(0),
  bins: z
    .number()
    .int()
    .min(16)
    .max(1 << 16),
  block_size: z.number().int().min(64),
});

const instant = z.string().refine(isInstant, { message: 'expected an instant with a zone, e.g. 2027-03-01T04:00:00Z' });
const partners = z.array(z.string()).nullable().optional();

const opSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('withdraw'),
    party: z.string(),
    date: isoDate,
    notice_months: z.number().int().min(0).nullable().optional(),
    scope: z.enum(['agreements', 'all_commitments']).optional(),
    note: z.string().nullable().optional(),
  }),
  z.strictObject({ op: z.literal('terminate_all'), date: isoDate, partners, note: z.string().nullable().optional() }),
  z.strictObject({
    op: z.literal('change_pledges'),
    partner: z.string(),
    factor: z.number().min(0),
    from_year: z.number().int(),
  }),
  z.strictObject({ op: z.literal('add_settlement_terms'), settlement: z.string(), date: isoDate.optional() }),
  z.strictObject({
    op: z.literal('apply_mechanism'),
    framework: z.string(),
    scope: z.enum(['all_partners', 'members']).optional(),
  }),
  z.strictObject({
    op: z.literal('set_legal_force'),
    class: z.enum(LEGAL_FORCE),
    ratified: z.boolean().nullable(),
    partners,
  }),
  z.strictObject({
    op: z.literal('remove_provisions'),
    areas: z.array(z.string()).min(1),
    note: z.string().nullable().optional(),
  }),
]);

export const scenarioFileSchema = z.strictObject({
  schema_version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  description: z.string(),
  sources: z.array(z.strictObject({ url: z.string().url(), quote: z.string().nullable().default(null) })).default([]),
  on: isoDate,
  attack: z.strictObject({ at: instant, aggressor: z.string() }),
  projection: z.strictObject({ repeat_annual: z.boolean() }).default({ repeat_annual: false }),
  operations: z.array(opSchema),
});
export type ScenarioFile = z.output<typeof scenarioFileSchema>;

export const settlementFileSchema = z.object({
  schema_version: z.literal(1).optional(),
  id: z.string(),
  title: z.string(),
  date: z.string(),
  proponent: z.string(),
  status: z.enum(['official', 'proposal', 'draft', 'leaked', 'reported']),
  status_note: z.string().optional(),
  sources: z.array(z.string()),
  terms: z
    .array(z.strictObject({ kind: z.string(), text: z.string(), source: z.string(), quote: z.string().optional() }))
    .min(1),
});

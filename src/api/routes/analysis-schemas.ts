// Wire schemas of the analysis routes: score, compare, scenarios, the Monte Carlo simulation and the settlement check.
import { z } from '@hono/zod-openapi';
import { AREAS } from '../../core/taxonomy.js';
import { dateParam, day, instant } from '../schemas.js';

/** Most trials one API request may ask for; the CLI has no cap. */
export const MAX_API_TRIALS = 200_000;

const weightsJson = z
  .string()
  .max(4000)
  .transform((s, ctx) => {
    try {
      const v = JSON.parse(s) as unknown;
      if (
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.values(v).every((x) => typeof x === 'number' && x >= 0)
      )
        return v as Record<string, number>;
    } catch {
      /* reported below */
    }
    ctx.addIssue({
      code: 'custom',
      message: 'expected a JSON object of criterion -> weight >= 0, e.g. {"legal_force":2}',
    });
    return z.NEVER;
  });

export const scoreQuery = z.object({
  on: dateParam.optional().meta({ description: 'only agreements in force on that day' }),
  weights: weightsJson.optional().meta({
    description: 'JSON object overriding config/score-weights.yaml per criterion (docs/score.md)',
    example: '{"legal_force":2}',
  }),
  sensitivity: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .meta({ description: 'perturb each weight by up to ±this fraction' }),
  samples: z.coerce.number().int().min(0).max(5000).default(200),
  seed: z.coerce.number().int().min(0).default(1),
});

export const compareQuery = z.object({
  proposal: z
    .string()
    .max(200)
    .default('kyiv-security-compact-2022')
    .meta({ description: 'framework id of the proposal' }),
  target: z
    .string()
    .max(200)
    .default('ukraine-compact-2024')
    .meta({ description: 'an agreement id, or a framework whose agreements are compared' }),
});

const probability = z.number().min(0).max(1);
const classOverride = z.object({ continuation: probability, lo: probability, hi: probability }).partial().strict();

export const modelOverrideSchema = z
  .object({
    classes: z
      .partialRecord(
        z.enum(['ratified_treaty', 'executive_agreement', 'political_commitment', 'unknown']),
        classOverride,
      )
      .optional()
      .meta({ description: 'per legal-force class: annual continuation probability, delivered share range' }),
    shock: z
      .object({ probability: probability.optional(), multiplier: z.number().min(0).max(10).optional() })
      .strict()
      .optional(),
    needs_share_of_planned: z.number().min(0).max(10).optional(),
  })
  .strict()
  .meta({
    id: 'ModelOverride',
    description: 'changes to config/model.yaml for this run only; every value is an assumption',
  });

const scenarioName = z.string().regex(/^[a-z0-9-]{1,100}$/, {
  message: 'expected a scenario name such as us-withdrawal-2025 (GET /api/analysis/scenarios)',
});

export const simulateBody = z
  .object({
    scenario: scenarioName.nullish().meta({ description: 'a named scenario; omitted = the baseline' }),
    trials: z
      .number()
      .int()
      .min(1)
      .max(MAX_API_TRIALS)
      .default(20_000)
      .meta({ description: `Monte Carlo trials (1-${MAX_API_TRIALS})` }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(1),
    repeat_annual: z
      .boolean()
      .default(false)
      .meta({ description: 'repeat single-year amounts over the horizon while in force' }),
    model: modelOverrideSchema.optional(),
    prior: z.enum(['configured', 'historical']).default('configured').meta({
      description:
        "continuations from config/model.yaml, or from alliance commitments' honour rates in war (docs/history.md)",
    }),
    basis: z.enum(['stated', 'observed']).default('stated').meta({
      description:
        "stated pledges, or each guarantor's observed tracker allocations over the last 12 months projected flat",
    }),
    coding: z
      .enum(['bf', 'llm'])
      .default('bf')
      .meta({ description: 'for the historical prior: which coding of Berkemeier & Fuhrmann (2018)' }),
  })
  .strict()
  .meta({ id: 'SimulateInput' });

export const scenarioRunBody = z
  .object({
    scenario: scenarioName,
    weights: z
      .record(z.string(), z.number().min(0))
      .optional()
      .meta({ description: 'score weights overriding config/score-weights.yaml' }),
  })
  .strict()
  .meta({ id: 'ScenarioRunInput' });

export const settlementBody = z
  .object({
    settlement: z
      .union([
        z.string().max(200_000).meta({ description: 'the settlement file as YAML (or JSON) text' }),
        z.object({}).loose().meta({ description: 'the settlement as a JSON object' }),
      ])
      .meta({ description: 'a settlement in the format of data/settlements/' }),
    on: dateParam.optional().meta({ description: 'the day the terms are taken as accepted (default 2026-01-01)' }),
  })
  .strict()
  .meta({ id: 'SettlementCheckInput' });

const yearSummary = z.object({
  year: z.number().int(),
  planned: z.number(),
  mean: z.number(),
  closed_form_mean: z.number(),
  sd: z.number(),
  se: z.number(),
  p5: z.number(),
  p50: z.number(),
  p95: z.number(),
  needs: z.number(),
  p_below_needs: z.number(),
});
export const simulationSchema = z
  .object({
    model: z.literal('v1'),
    trials: z.number().int(),
    seed: z.number().int(),
    scenario: z.string().nullable(),
    years: z.array(yearSummary).meta({ description: 'per year, EUR' }),
    partners: z.array(
      z.object({ partner: z.string(), planned: z.number(), expected: z.number(), closed_form: z.number() }),
    ),
    percentile_resolution: z.array(z.number()),
    assumptions: z.object({ note: z.string() }).loose(),
    basis: z.enum(['stated', 'observed']),
    basis_note: z.string(),
    observed: z
      .object({
        window: z.object({ from: z.string(), to: z.string() }).nullable(),
        rates: z.array(
          z.object({
            partner: z.string(),
            eur_12m: z.number(),
            by_year: z.record(z.string(), z.number()).meta({ description: 'EUR allocated per calendar year' }),
          }),
        ),
        without_agreement: z.array(z.string()),
      })
      .nullable(),
  })
  .meta({ id: 'Simulation' });

export const scenarioListSchema = z
  .array(
    z.object({
      name: z.string(),
      title: z.string().nullable(),
      description: z.string().nullable(),
      on: z.string().nullable(),
      operations: z.array(z.string()),
      issues: z.array(z.string()),
    }),
  )
  .meta({ id: 'ScenarioList' });
const verdict = z.enum(['conflict', 'tension', 'compatible', 'unassessed']).meta({
  description: 'exactly one per term; unassessed when no rule covers it or no coded provision can be weighed',
});
const weighedProvision = z.object({
  agreement: z.string(),
  provision: z.string(),
  area: z.string(),
  quote: z.string(),
  where: z.string(),
  source: z.string(),
  evidence: z.string(),
  legal_force: z.string(),
  binding: z.enum(['legal', 'political', 'unknown']),
  matched: z.enum(['area', 'quote']),
});

const traceItem = z.object({
  record: z.string(),
  field: z.string(),
  value: z.unknown().meta({ description: 'the field value the criterion read' }),
  quote: z.string().nullable(),
  where: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().optional(),
});

export const scoresSchema = z
  .object({
    weights: z.record(z.string(), z.number()),
    on: day().nullable(),
    network: z.object({
      coverage_weighted: z.number(),
      mean: z.number(),
      best_per_criterion: z.record(z.string(), z.number()),
      agreements: z.number().int(),
    }),
    agreements: z.array(
      z.object({
        id: z.string(),
        partner: z.string(),
        score: z.number().min(0).max(1),
        criteria: z.array(
          z.object({
            id: z.string(),
            label: z.string(),
            weight: z.number(),
            value: z.number().nullable(),
            why: z.string(),
            trace: z.array(traceItem),
          }),
        ),
        unknown: z.array(z.string()),
        depth: z.object({ binding: z.boolean(), level: z.enum(['none', 'consultation', 'active_assistance']) }),
        scope: z.array(z.enum(AREAS)),
      }),
    ),
    sensitivity: z.object({
      perturbation: z.number(),
      samples: z.number().int(),
      seed: z.number().int(),
      ranges: z.array(
        z.object({
          id: z.string(),
          base_rank: z.number().int(),
          min_rank: z.number().int(),
          max_rank: z.number().int(),
        }),
      ),
      one_at_a_time: z.array(
        z.object({
          criterion: z.string(),
          moved: z.array(z.object({ id: z.string(), down: z.number().int(), up: z.number().int() })),
        }),
      ),
    }),
  })
  .meta({ id: 'Scores' });

const elementStatus = z.enum(['met', 'partly', 'not_met', 'unknown']);
export const comparisonSchema = z
  .object({
    proposal: z.string(),
    target: z.string(),
    agreements: z.array(z.string()),
    rows: z.array(
      z.object({
        element: z.string(),
        text: z.string(),
        element_status: z.string(),
        proposal_quote: z.string().nullable(),
        rule: z
          .object({ reads: z.string(), areas: z.array(z.string()), met: z.string(), partly: z.string() })
          .nullable(),
        cells: z.array(
          z.object({
            agreement: z.string(),
            partner: z.string(),
            status: elementStatus,
            why: z.string(),
            quotes: z.array(
              z.object({ provision: z.string(), quote: z.string(), where: z.string(), source: z.string() }),
            ),
          }),
        ),
        counts: z.record(elementStatus, z.number().int()),
      }),
    ),
    unruled: z.array(z.string()).meta({ description: 'elements of the proposal with no rule: listed, not judged' }),
  })
  .meta({ id: 'Comparison' });

const obligationRow = z.object({
  id: z.string(),
  agreement: z.string(),
  provision: z.string(),
  promisor: z.string(),
  kind: z.string(),
  due: z.string().nullable(),
});
const snapshot = z.object({
  in_force: z.array(z.string()),
  obligations: z.array(obligationRow),
  coverage: z.object({ partners: z.array(z.string()), areas: z.array(z.string()) }),
  totals: z.object({ years: z.array(z.number().int()), planned_eur: z.array(z.number()), total_eur: z.number() }),
  strength: z.object({ network: z.number(), per_agreement: z.record(z.string(), z.number()) }),
});
export const scenarioDiffSchema = z
  .object({
    in_force: z.object({ removed: z.array(z.string()), added: z.array(z.string()) }),
    obligations: z.object({
      before: z.number().int(),
      after: z.number().int(),
      removed: z.array(obligationRow),
      added: z.array(obligationRow),
    }),
    coverage: z.object({
      partners_lost: z.array(z.string()),
      areas_lost: z.array(z.string()),
      areas_gained: z.array(z.string()),
    }),
    totals: z.object({ per_year_eur: z.array(z.number()), total_eur: z.number() }),
    strength: z.object({
      network_before: z.number(),
      network_after: z.number(),
      changed: z.array(z.object({ id: z.string(), before: z.number(), after: z.number() })),
    }),
  })
  .meta({ id: 'ScenarioDiff' });

export const scenarioResultSchema = z
  .object({
    scenario: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      sources: z.array(z.object({ url: z.string(), quote: z.string().nullable() })),
    }),
    on: day(),
    attack: z.object({ at: instant(), aggressor: z.string() }),
    log: z.array(z.string()),
    cannot_show: z
      .array(
        z.object({
          operation: z.number().int(),
          effect: z.enum(['planned_totals', 'capability_coverage', 'obligations']),
          party: z.string(),
          missing: z.string(),
        }),
      )
      .meta({ description: 'what the diff cannot show for want of inputs' }),
    baseline: snapshot,
    result: snapshot,
    diff: scenarioDiffSchema,
  })
  .meta({ id: 'ScenarioResult' });

export const settlementCheckSchema = z
  .object({
    settlement: z.string(),
    title: z.string(),
    findings: z.array(
      z.object({
        index: z.number().int(),
        kind: z.string(),
        text: z.string(),
        source: z.string(),
        verdict,
        why: z.string().meta({ description: "the deciding rules' reasons, or why the term is unassessed" }),
        assessed: z.boolean(),
        against: z
          .object({ legal: z.array(z.string()), political: z.array(z.string()), unknown: z.array(z.string()) })
          .nullable()
          .meta({ description: 'for conflict and tension: the agreements weighed, by how far they bind' }),
        commitment: z.enum(['legal', 'political', 'legal_and_political', 'unknown']).nullable(),
        provisions: z.array(weighedProvision),
        assessments: z.array(
          z.object({
            rule: z.string(),
            verdict,
            why: z.string(),
            areas: z.array(z.string()),
            provisions: z.array(weighedProvision),
          }),
        ),
      }),
    ),
    counts: z.object({
      conflict: z.number().int(),
      tension: z.number().int(),
      compatible: z.number().int(),
      unassessed: z.number().int(),
    }),
    operations: z.array(z.object({ op: z.string() }).loose()),
    accepted_on: day(),
    effect: scenarioDiffSchema.nullable().meta({ description: 'diff against the baseline of accepting the terms' }),
  })
  .meta({ id: 'SettlementCheck' });

export const settlementInfoSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}){0,2}$/)
      .meta({ description: 'the day, or the month when the source gives no day', example: '2025-11-23' }),
    proponent: z.string(),
    status: z.string(),
    terms: z.number().int(),
    origin: z.enum(['data/settlements', 'shared']).meta({ description: 'bundled, or from the shared inputs' }),
  })
  .meta({ id: 'SettlementInfo' });

export const settlementFileSchemaOut = settlementInfoSchema
  .extend({ yaml: z.string().meta({ description: 'the file as it is, to edit and check' }) })
  .meta({ id: 'SettlementFile' });

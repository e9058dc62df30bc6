// History routes: the world registry (ATOP 4.01) beside the 2024 agreements, the trigger over it and the
// historical prior. Read-only; the data come from `compact import atop` (serve imports the bundled copy).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isInstant, isIsoDate } from '../../core/dates.js';
import { type AtopAlliance, OBLIGATIONS } from '../../core/history/atop-read.js';
import { ATOP_CITATION, atopRecord } from '../../core/history/atop-registry.js';
import { type FulfilmentCase, historicalPrior } from '../../core/history/prior.js';
import { historyProfile } from '../../core/history/profile.js';
import { evaluate } from '../../core/trigger/evaluate.js';
import { makeEvent } from '../../core/trigger/event.js';
import { cachedRegistry } from '../../store/registry-cache.js';
import { readWorld } from '../../store/world-store.js';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { policy, READ } from '../route-policy.js';
import { errorResponses } from '../schemas.js';
import { eventSchema, obligationSchema } from './trigger-schemas.js';

const tags = ['history'];
const HINT = 'no world registry in this store: run `compact import atop data/world` (serve does it on an empty store)';

const rateSchema = z.object({
  group: z.string(),
  honoured: z.number().int(),
  assessed: z.number().int(),
  rate: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  assumption: z.boolean(),
  note: z.string().nullable(),
});
const priorSchema = z
  .object({
    coding: z.enum(['bf', 'llm']),
    coding_label: z.string(),
    citation: z.string(),
    overall: rateSchema,
    by_type: z.array(rateSchema),
    by_size: z.array(rateSchema),
    note: z.string(),
  })
  .openapi('HistoricalPrior');

const count = z.number().int();
const obligationType = z.enum(OBLIGATIONS);
const profileSchema = z
  .object({
    world: z.object({
      alliances: count,
      in_effect_when_data_end: count,
      by_type: z.record(obligationType, count),
      consultation_or_non_aggression_only: count,
      conditional_defence: count,
      bilateral: count,
      ten_year_term: count,
      institutions: z.object({ military_aid: count, bases: count, integrated_command: count, organisation: count }),
    }),
    ten_year_consultation_only: z.object({
      count,
      still_in_effect: count,
      ended: count,
      ended_early: count,
      termination_causes: z.record(z.string(), count).meta({ description: "ATOP's termination-cause codes" }),
    }),
    ukraine_earlier: z.object({
      count,
      with_defence: count,
      consultation_or_non_aggression_only: count,
      with_neutrality: count,
      alliances: z.array(
        z.object({
          atopid: count,
          begin: z.string(),
          end: z.string().nullable(),
          types: z.array(obligationType),
          partners: z.array(z.string()),
        }),
      ),
    }),
    series_2024: z.object({
      agreements: count,
      with_consultation_clause: count,
      with_defence_obligation: count,
      ten_year_term: count,
      agreements_list: z.array(
        z.object({
          id: z.string(),
          partner: z.string(),
          term_years: z.number().nullable(),
          consultation: z.boolean(),
        }),
      ),
    }),
    budapest: z.object({ id: z.string(), date: z.string().nullable(), provisions: count }).nullable(),
    findings: z.array(z.string()),
  })
  .openapi('HistoryProfile');

const historyTriggerSchema = z
  .object({
    event: eventSchema,
    obligations: z.array(obligationSchema),
    skipped: count.meta({ description: 'provisions looked at and not triggered' }),
    citation: z.string(),
  })
  .openapi('HistoryTrigger');

const historySchema = z
  .object({
    imported: z.boolean(),
    hint: z.string().nullable(),
    citation: z.string(),
    files: z.record(z.string(), z.string()).meta({ description: 'sha256 of each imported ATOP file' }),
    profile: profileSchema.nullable(),
    priors: z.object({ bf: priorSchema, llm: priorSchema }).nullable(),
  })
  .openapi('History');

const triggerQuery = z.object({
  target: z.string().min(1).max(16).openapi({ example: 'PL' }),
  by: z.string().min(1).max(16).openapi({ example: 'RU' }),
  at: z.string().openapi({
    example: '2010-01-01',
    description: 'a date (00:00Z) or an instant with a zone',
    pattern: String.raw`^\d{4}-\d{2}-\d{2}(T.+)?$`,
  }),
});

const routes = {
  history: createRoute({
    method: 'get',
    path: '/api/history',
    middleware: policy(READ),
    tags,
    summary: "Where the 2024 agreements sit among the world's alliances since 1815, and the historical prior",
    responses: {
      200: { description: 'The history profile', content: { 'application/json': { schema: historySchema } } },
      ...errorResponses,
    },
  }),
  trigger: createRoute({
    method: 'get',
    path: '/api/history/trigger',
    middleware: policy(READ),
    tags,
    summary: 'An armed attack on any state at any date: the ATOP alliances then in force and who must do what',
    request: { query: triggerQuery },
    responses: {
      200: {
        description: 'Obligations under the world registry (nothing is recorded)',
        content: { 'application/json': { schema: historyTriggerSchema } },
      },
      ...errorResponses,
    },
  }),
};

export function historyRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  const registry = cachedRegistry(deps.db);
  // The world changes only on import; keep the parsed records for the import they came from.
  let cache: { key: string; alliances: AtopAlliance[]; cases: FulfilmentCase[]; files: Record<string, string> } | null =
    null;
  const world = async () => {
    const last = (await deps.db.query<{ id: number }>('SELECT max(id) AS id FROM world_imports')).rows[0]?.id;
    if (!last) return null;
    if (cache?.key !== String(last)) {
      const w = await readWorld(deps.db);
      cache = { key: String(last), alliances: w.alliances, cases: w.cases, files: w.imported?.files ?? {} };
    }
    return cache;
  };
  const records = (w: NonNullable<Awaited<ReturnType<typeof world>>>) =>
    w.alliances.map((a) =>
      atopRecord(a, {
        alliancesSha256: w.files['atop-4.01-alliances.csv'] ?? 'unknown',
        membersSha256: w.files['atop-4.01-members.csv'] ?? 'unknown',
      }),
    );

  app.openapi(routes.history, async (c) => {
    const w = await world();
    if (!w)
      return c.json(
        { imported: false, hint: HINT, citation: ATOP_CITATION, files: {}, profile: null, priors: null },
        200,
      );
    const reg = await registry();
    return c.json(
      {
        imported: true,
        hint: null,
        citation: ATOP_CITATION,
        files: w.files,
        profile: historyProfile(w.alliances, reg.agreements, reg.frameworks),
        priors: { bf: historicalPrior(w.cases, 'bf'), llm: historicalPrior(w.cases, 'llm') },
      },
      200,
    );
  });

  app.openapi(routes.trigger, async (c) => {
    const q = c.req.valid('query');
    const at = isIsoDate(q.at) ? `${q.at}T00:00:00Z` : q.at;
    if (!isInstant(at))
      throw new ApiError('validation', 'at: expected a date or an instant with a zone', [
        {
          path: 'query.at',
          message: 'not a date or instant',
          expected: '2010-01-01 or 2010-01-01T00:00:00Z',
          found: q.at,
        },
      ]);
    const code = (s: string) => s.toUpperCase().replace(/^COW-/, 'cow-');
    const { event, issues } = makeEvent({ type: 'armed_attack', aggressor: code(q.by), target: code(q.target), at });
    if (!event)
      throw new ApiError(
        'validation',
        'the event is not valid',
        issues.map((i) => ({ path: `query.${i.path.join('.')}`, message: i.message })),
      );
    const w = await world();
    if (!w) throw new ApiError('not_found', HINT, [{ path: 'route', message: 'no world registry imported' }]);
    const ev = evaluate({ parties: [], partySources: [], agreements: records(w), frameworks: [] }, event);
    return c.json({ event, obligations: ev.obligations, skipped: ev.skipped.length, citation: ATOP_CITATION }, 200);
  });

  return {
    available: true,
    routes: Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`),
    missing: [],
  };
}

// Trigger routes: record or simulate an event, list events and obligations, explain an obligation, and move it
// through its lifecycle (fulfil with evidence, waive, breach). Wraps src/store/obligation-store.ts.
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { isInstant } from '../../core/dates.js';
import type { Issue } from '../../core/issues.js';
import { makeEvent, type ObligationState } from '../../core/trigger/index.js';
import {
  explain,
  getEvent,
  listEvents,
  listObligations,
  recordEvent,
  transition,
} from '../../store/obligation-store.js';
import { authorizeParties } from '../auth.js';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ApiError, fromCoreIssues, storedText } from '../errors.js';
import { COMPUTE, policy, READ, WRITE_ALL_PARTIES, WRITE_CHECKED } from '../route-policy.js';
import { conflictResponse, errorResponses, errorSchema, idParam, pageOf } from '../schemas.js';
import {
  asOfQuery,
  evaluationSchema,
  eventBodySchema,
  eventDetailSchema,
  eventListQuery,
  eventListSchema,
  explanationSchema,
  obligationQuery,
  obligationRowSchema,
  transitionBodySchema,
  transitionResultSchema,
} from './trigger-schemas.js';

const tags = ['trigger'];
const unprocessable = {
  422: {
    description:
      'Well formed but cannot apply (a notice for an unknown agreement, a transition from a final state, ...)',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
  ...unprocessable,
});
const created = <T extends z.ZodType>(schema: T, description: string) => ({
  201: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
  ...conflictResponse,
  ...unprocessable,
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

const routes = {
  record: createRoute({
    method: 'post',
    path: '/api/events',
    middleware: policy(WRITE_ALL_PARTIES),
    tags,
    summary: 'Record an event (armed attack, threat, notice, ceasefire, ...) and derive its obligations',
    description:
      'Evaluates every record in force at `at` and writes the event and its obligations in one transaction. Recording the same event again writes nothing and answers 200 with the stored obligations.',
    request: jsonBody(eventBodySchema),
    responses: {
      ...ok(evaluationSchema, 'Already recorded: nothing changed'),
      ...created(evaluationSchema, 'Recorded'),
    },
  }),
  simulate: createRoute({
    method: 'post',
    path: '/api/events/simulate',
    middleware: policy(COMPUTE),
    tags,
    summary: 'Simulate an event (dry run): the obligations it would create; no event or obligation is written',
    description:
      'The event and its options are remembered (the latest 1,000 dry runs) so that the ids it returns can be explained at /api/obligations/{id}/explain.',
    request: jsonBody(eventBodySchema),
    responses: ok(evaluationSchema, 'The evaluation'),
  }),
  events: createRoute({
    method: 'get',
    path: '/api/events',
    middleware: policy(READ),
    tags,
    summary: 'List recorded events in time order with their obligation counts, a keyset page at a time',
    request: { query: eventListQuery },
    responses: ok(eventListSchema, 'Events'),
  }),
  event: createRoute({
    method: 'get',
    path: '/api/events/{id}',
    middleware: policy(READ),
    tags,
    summary: 'One recorded event with its evaluation options and skips',
    request: { params: idParam },
    responses: ok(eventDetailSchema, 'The event'),
  }),
  obligations: createRoute({
    method: 'get',
    path: '/api/obligations',
    middleware: policy(READ),
    tags,
    summary: 'List obligations with deadlines and their state as of an instant',
    description:
      'Filter by state (as of `as_of`), promisor party and event; ordered by id with keyset pagination (`cursor`).',
    request: { query: obligationQuery },
    responses: ok(pageOf(obligationRowSchema, 'ObligationPage'), 'A page of obligations'),
  }),
  obligation: createRoute({
    method: 'get',
    path: '/api/obligations/{id}',
    middleware: policy(READ),
    tags,
    summary: 'One obligation with its state as of an instant',
    request: { params: idParam, query: asOfQuery },
    responses: ok(obligationRowSchema, 'The obligation'),
  }),
  explain: createRoute({
    method: 'get',
    path: '/api/obligations/{id}/explain',
    middleware: policy(READ),
    tags,
    summary: 'The trace of an obligation: event, record, condition, clause, quote, source; transitions and evidence',
    request: { params: idParam, query: asOfQuery },
    responses: ok(explanationSchema, 'The explanation'),
  }),
  transition: createRoute({
    method: 'post',
    path: '/api/obligations/{id}/transitions',
    middleware: policy(WRITE_CHECKED),
    tags,
    summary: 'Mark an obligation fulfilled (with evidence), waived or breached at an instant',
    description:
      'One transaction; refused (nothing written) when the obligation is already final at that instant or the instant precedes its event.',
    request: { params: idParam, ...jsonBody(transitionBodySchema) },
    responses: created(transitionResultSchema, 'The new state'),
  }),
};

/** Throws the core's issues as an API error; `not_found` of a referenced record is a problem with the body, not the URL. */
function reject(issues: Issue[], prefix: string, what: string): never {
  const code = issues[0]!.code === 'not_found' && prefix === 'body' ? 'validation' : issues[0]!.code;
  throw new ApiError(
    code,
    `${what}: ${issues.map((i) => `${[prefix, ...i.path].join('.')}: ${i.message}`).join('; ')}; nothing was written`,
    fromCoreIssues(issues, prefix),
  );
}

const graceMs = (h: number | undefined) => (h === undefined ? null : h * 3600_000);

/** Registers the trigger routes; returns what this build serves. */
export function triggerRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  const run = async (given: z.infer<typeof eventBodySchema>, dryRun: boolean) => {
    const body = { ...given, note: storedText(given.note, 'body.note'), scope: storedText(given.scope, 'body.scope') };
    const { event, issues } = makeEvent({ ...body, type: body.type });
    if (!event) reject(issues, 'body', 'the event is not valid');
    const r = await recordEvent(deps.db, event, {
      applyFrameworks: body.apply_frameworks ?? [],
      hostilitiesConcludedAt: body.hostilities_ended_at,
      dryRun,
    });
    if (r.issues.length) reject(r.issues, 'body', 'the event cannot be recorded');
    const status = dryRun ? 'dry_run' : r.created ? 'recorded' : 'already_recorded';
    return {
      status,
      created: r.created,
      event: r.evaluation.event,
      obligations: r.evaluation.obligations,
      options: r.evaluation.options,
      skipped: r.evaluation.skipped,
      records: r.evaluation.records,
      partners: r.evaluation.partners,
    } as const;
  };
  app.openapi(routes.record, async (c) => {
    const r = await run(c.req.valid('json'), false);
    return c.json(r as never, r.created ? 201 : 200);
  });
  app.openapi(routes.simulate, async (c) => c.json((await run(c.req.valid('json'), true)) as never, 200));
  app.openapi(routes.events, async (c) => {
    const q = c.req.valid('query');
    // The cursor is `<instant>|<event id>` as this API issued it; anything else is the client's error, not ours.
    const bar = q.cursor?.indexOf('|') ?? -1;
    if (q.cursor !== undefined && (bar < 0 || !isInstant(q.cursor.slice(0, bar)) || bar === q.cursor.length - 1))
      throw new ApiError('validation', 'the cursor is not one this API issued; pass next_cursor of the previous page', [
        {
          path: 'query.cursor',
          message: 'invalid cursor',
          expected: 'the next_cursor of a previous page',
          found: q.cursor,
        },
      ]);
    const rows = await listEvents(deps.db, { limit: q.limit + 1, after: q.cursor ?? null });
    const items = rows.slice(0, q.limit);
    return c.json({ items, next_cursor: rows.length > q.limit ? items[items.length - 1]!.cursor : null } as never, 200);
  });
  app.openapi(routes.event, async (c) => {
    const id = c.req.valid('param').id;
    const e = await getEvent(deps.db, id);
    if (!e)
      throw new ApiError('not_found', `no event ${id}; list them at /api/events`, [
        { path: 'param.id', message: 'unknown event id', found: id },
      ]);
    return c.json(e as never, 200);
  });
  app.openapi(routes.obligations, async (c) => {
    const q = c.req.valid('query');
    const rows = await listObligations(deps.db, {
      asOf: q.as_of ?? deps.now().toISOString(),
      status: q.status as ObligationState | undefined,
      party: q.party?.toUpperCase(),
      event: q.event,
      breachGraceMs: graceMs(q.grace_hours),
      after: q.cursor,
      limit: q.limit + 1,
    });
    const more = rows.length > q.limit;
    const items = more ? rows.slice(0, q.limit) : rows;
    return c.json({ items, next_cursor: more ? items[items.length - 1]!.id : null, total: null } as never, 200);
  });
  const explained = async (id: string, q: z.infer<typeof asOfQuery>) => {
    const asOf = q.as_of ?? deps.now().toISOString();
    const x = await explain(deps.db, id, asOf, { breachGraceMs: graceMs(q.grace_hours) });
    if (!x)
      throw new ApiError('not_found', `no obligation ${id}; list them at /api/obligations`, [
        { path: 'param.id', message: 'unknown obligation id', found: id },
      ]);
    return { ...x, as_of: asOf };
  };
  app.openapi(routes.obligation, async (c) => {
    const x = await explained(c.req.valid('param').id, c.req.valid('query'));
    return c.json({ ...x.obligation, state: x.state, event_at: x.event.at } as never, 200);
  });
  app.openapi(routes.explain, async (c) =>
    c.json((await explained(c.req.valid('param').id, c.req.valid('query'))) as never, 200),
  );
  app.openapi(routes.transition, async (c) => {
    const id = c.req.valid('param').id;
    const given = c.req.valid('json');
    const b = { ...given, note: storedText(given.note, 'body.note') };
    // The parties: the obligation's promisor, read before the write (it never changes).
    const ob = await explain(deps.db, id, b.at);
    if (!ob)
      throw new ApiError('not_found', `no obligation ${id}; list them at /api/obligations`, [
        { path: 'param.id', message: 'unknown obligation id', found: id },
      ]);
    authorizeParties(c, [ob.obligation.promisor], 'param.id');
    const r = await transition(deps.db, id, {
      to: b.to,
      at: b.at,
      note: b.note ?? null,
      evidence: b.evidence_url ? { url: b.evidence_url, note: b.note ?? null } : null,
    });
    if (r.issues.length) {
      if (r.issues[0]!.code === 'not_found')
        throw new ApiError('not_found', `no obligation ${id}; list them at /api/obligations`, [
          { path: 'param.id', message: 'unknown obligation id', found: id },
        ]);
      reject(r.issues, 'body', `obligation ${id} was not changed`);
    }
    return c.json({ id, state: r.state!, at: b.at } as never, 201);
  });
  return {
    available: true,
    routes: Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`),
    missing: [],
  };
}

// The HTTP application: the API under /api (OpenAPI 3.1 at /api/openapi.json, reference at /api/docs) and the
// dashboard at /. Built by a factory so tests run it in process with app.request(...).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { TargetRules } from '../core/notify/addresses.js';
import type { Db } from '../store/db.js';
import { auditedDb } from './audit-context.js';
import { apiAuth } from './auth.js';
import type { Capabilities } from './capabilities.js';
import type { ApiDeps } from './deps.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-page.js';
import { ApiError, errorBody, fromZodIssues, httpStatus } from './errors.js';
import { type LogSink, requestLog, securityHeaders, weakEtag } from './middleware.js';
import { policy, READ } from './route-policy.js';
import { analysisRoutes } from './routes/analysis.js';
import { flowsRoutes } from './routes/flows.js';
import { historyRoutes } from './routes/history.js';
import { ingestRoutes, UPLOAD_PATHS } from './routes/ingest.js';
import { ledgerRoutes } from './routes/ledger.js';
import { registryRoutes } from './routes/registry.js';
import { sessionRoutes } from './routes/session.js';
import { triggerRoutes } from './routes/trigger.js';
import { webhookRoutes } from './routes/webhooks.js';
import {
  capabilitiesSchema,
  errorResponses,
  errorSchema,
  payloadTooLargeResponse,
  unsupportedMediaResponse,
} from './schemas.js';

export interface AppOptions {
  db: Db;
  /** The clock; defaults to the system clock. */
  now?: () => Date;
  /** Where request log lines go (one JSON object per line); defaults to stderr. Pass `() => {}` to silence. */
  log?: LogSink;
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Registers the dashboard routes (/, assets); omitted in API-only tests. */
  web?: (app: OpenAPIHono) => void;
  /** Which webhook targets may be registered; read from the environment per request when omitted. */
  webhookTargets?: TargetRules;
}

export const API_VERSION = '0.1.0';

/** Builds the app. Never listens: the `serve` command or a test does that. */
export function createApp(opts: AppOptions): OpenAPIHono {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const deps: ApiDeps = { db: auditedDb(opts.db), now: opts.now ?? (() => new Date()) };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = fromZodIssues(result.error.issues, result.target);
        return c.json(
          errorBody(
            'validation',
            `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
            issues,
          ),
          400,
        );
      }
      return undefined;
    },
  });

  app.use('*', requestLog(log));
  app.use('*', securityHeaders());
  const apiBodyLimit = bodyLimit({
    maxSize: opts.maxBodyBytes ?? 1 << 20,
    onError: (c) =>
      c.json(
        errorBody('payload_too_large', `the request body is larger than ${opts.maxBodyBytes ?? 1 << 20} bytes`, [
          { path: 'body', message: 'too large', expected: `at most ${opts.maxBodyBytes ?? 1 << 20} bytes` },
        ]),
        413,
      ),
  });
  // An agreement upload has its own bound, the ingest limits (routes/ingest.ts); any other spelling keeps this one.
  app.use('/api/*', (c, next) => (UPLOAD_PATHS.has(c.req.path) ? next() : apiBodyLimit(c, next)));
  // Runs after routing: it decides on the policy declared by the route that matched (route-policy.ts).
  app.use('/api/*', apiAuth({ db: opts.db, log }));
  app.use('*', weakEtag());

  app.onError((e, c) => {
    if (e instanceof ApiError) return c.json(errorBody(e.code, e.message, e.issues), httpStatus(e.code));
    if (e instanceof SyntaxError)
      return c.json(
        errorBody('bad_request', `the body is not valid JSON: ${e.message}`, [
          { path: 'body', message: 'invalid JSON', expected: 'a JSON document' },
        ]),
        400,
      );
    // Hono's own client errors (415 wrong media type, 400 unreadable body) are the client's, not ours.
    if (e instanceof HTTPException && e.status < 500) {
      const st = e.status as 400 | 413 | 415;
      const code = st === 415 ? 'unsupported_media_type' : st === 413 ? 'payload_too_large' : 'bad_request';
      const expected = st === 415 ? 'Content-Type: application/json' : 'a well-formed request';
      return c.json(
        errorBody(code, `${e.message}; send ${expected}`, [
          { path: st === 415 ? 'header.content-type' : 'body', message: e.message, expected },
        ]),
        st,
      );
    }
    log(
      JSON.stringify({
        t: deps.now().toISOString(),
        level: 'error',
        path: new URL(c.req.url).pathname,
        error: String(e && (e as Error).stack ? (e as Error).stack : e),
      }),
    );
    return c.json(errorBody('internal', 'internal error; the server log has the details'), 500);
  });
  app.notFound((c) =>
    c.json(
      errorBody(
        'not_found',
        `no route ${c.req.method} ${new URL(c.req.url).pathname}; the routes are listed at /api/docs`,
        [{ path: 'route', message: 'no such route', found: `${c.req.method} ${new URL(c.req.url).pathname}` }],
      ),
      404,
    ),
  );

  const caps: Capabilities = { registry: { available: true, routes: [], missing: [] } };
  registryRoutes(app, deps);
  caps.trigger = triggerRoutes(app, deps);
  caps.ledger = ledgerRoutes(app, deps);
  caps.flows = flowsRoutes(app, deps);
  caps.analysis = analysisRoutes(app, deps);
  caps.history = historyRoutes(app, deps);
  caps.ingest = ingestRoutes(app, deps);
  sessionRoutes(app, deps);
  webhookRoutes(app, deps, opts.webhookTargets);
  // Every POST reads a body: the body middleware refuses a Content-Type the route does not read, and the body
  // limit one that is too large.
  for (const d of app.openAPIRegistry.definitions)
    if (d.type === 'route' && d.route.method === 'post') {
      d.route.responses[415] ??= unsupportedMediaResponse;
      d.route.responses[413] ??= payloadTooLargeResponse;
    }

  app.openapi(
    {
      method: 'get',
      path: '/api/capabilities',
      middleware: policy(READ),
      tags: ['meta'],
      summary: 'Which route groups this build serves',
      responses: {
        200: { description: 'Groups', content: { 'application/json': { schema: capabilitiesSchema } } },
        ...errorResponses,
      },
    },
    (c) => c.json({ groups: caps }, 200),
  );
  app.openAPIRegistry.register('Error', errorSchema);
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/docs',
    tags: ['meta'],
    summary: 'This interactive reference (HTML)',
    responses: {
      200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } },
      ...errorResponses,
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/docs.js',
    tags: ['meta'],
    summary: 'Script of the reference page',
    responses: {
      200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } },
      ...errorResponses,
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/docs.css',
    tags: ['meta'],
    summary: 'Style sheet of the reference page',
    responses: { 200: { description: 'CSS', content: { 'text/css': { schema: z.string() } } }, ...errorResponses },
  });
  app.get('/api/docs', policy(READ), (c) => c.html(DOCS_HTML));
  app.get('/api/docs.js', policy(READ), (c) =>
    c.body(DOCS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs.css', policy(READ), (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/api/openapi.json', policy(READ));
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Compact API',
      version: API_VERSION,
      description:
        "Ukraine's bilateral security agreements: registry, trigger engine, ledger and analysis. Errors are {error: {code, message, issues: [{path, message, expected, found}]}}.",
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    tags: ['meta'],
    summary: 'This OpenAPI 3.1 document',
    responses: {
      200: {
        description: 'The document',
        content: { 'application/json': { schema: z.object({ openapi: z.literal('3.1.0') }).loose() } },
      },
      ...errorResponses,
    },
  });

  opts.web?.(app);
  return app;
}

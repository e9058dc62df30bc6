// Webhook routes (admin only): register a URL and secret per party, list them (a fingerprint, never the
// secret), delete one, and read its delivery log. The target is resolved and checked before it is stored.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { TargetRules } from '../../core/notify/addresses.js';
import { checkTarget, notifyConfig, TargetRefused } from '../../notify/index.js';
import {
  createWebhook,
  deleteWebhook,
  deliveryLog,
  listWebhooks,
  parseTargetUrl,
  WebhookInputError,
} from '../../store/webhook-store.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ADMIN, ADMIN_READ, policy } from '../route-policy.js';
import { errorResponses, idParam } from '../schemas.js';
import {
  deliveryPageSchema,
  deliveryQuery,
  webhookBodySchema,
  webhookCreatedSchema,
  webhookDeletedSchema,
  webhookListSchema,
} from './webhooks-schemas.js';

const tags = ['webhooks'];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const notFound = (id: string) =>
  new ApiError('not_found', `no webhook ${id}; list them at /api/webhooks`, [
    { path: 'param.id', message: 'no such webhook', found: id },
  ]);

/** `targets`: which hosts may be registered; read from the environment on each request when not given. */
export function webhookRoutes(app: OpenAPIHono, deps: ApiDeps, targets?: TargetRules): void {
  const rules = () => targets ?? notifyConfig(process.env).targets;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks',
      tags,
      middleware: policy(ADMIN),
      summary: 'Register a webhook for a party (admin)',
      request: { body: { required: true, content: { 'application/json': { schema: webhookBodySchema } } } },
      responses: { 201: json(webhookCreatedSchema, 'Registered'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const who = c.get('principal');
      try {
        const url = parseTargetUrl(body.url);
        await checkTarget(url, rules());
        const r = await createWebhook(
          deps.db,
          { party: body.party, url: body.url, secret: body.secret ?? null },
          who.name,
        );
        c.header('Cache-Control', 'no-store');
        return c.json(r, 201);
      } catch (e) {
        if (e instanceof WebhookInputError)
          throw new ApiError('validation', `invalid request: body.${e.message}; nothing was stored`, [
            { path: `body.${e.field}`, message: e.message.slice(e.field.length + 2) },
          ]);
        if (e instanceof TargetRefused)
          throw new ApiError('validation', `invalid request: body.url: ${e.message}; nothing was stored`, [
            { path: 'body.url', message: e.message, expected: 'a URL whose host resolves only to public addresses' },
          ]);
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks',
      tags,
      middleware: policy(ADMIN_READ),
      summary: 'Webhooks with their delivery counts (admin; secrets shown only as fingerprints)',
      responses: { 200: json(webhookListSchema, 'Webhooks'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listWebhooks(deps.db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/webhooks/{id}',
      tags,
      middleware: policy(ADMIN),
      summary: 'Delete a webhook and cancel its pending deliveries (admin; its log is kept)',
      request: { params: idParam },
      responses: { 200: json(webhookDeletedSchema, 'Deleted'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const r = await deleteWebhook(deps.db, id, c.get('principal').name);
      if (!r) throw notFound(id);
      return c.json({ deleted: id, cancelled: r.cancelled }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks/{id}/deliveries',
      tags,
      middleware: policy(ADMIN_READ),
      summary: "A webhook's deliveries, newest first, each with every attempt (admin)",
      request: { params: idParam, query: deliveryQuery },
      responses: { 200: json(deliveryPageSchema, 'Deliveries'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      if ((await listWebhooks(deps.db, { id })).length === 0) throw notFound(id);
      const limit = q.limit ?? 100;
      const items = await deliveryLog(deps.db, id, {
        limit,
        before: q.cursor ? Number(q.cursor) : null,
        status: q.status ?? null,
      });
      const next = items.length === limit ? String(items.at(-1)!.id) : null;
      return c.json({ items, next_cursor: next }, 200);
    },
  );
}

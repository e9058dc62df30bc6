// Wire schemas of the webhook routes: a registration, a webhook as listed (a fingerprint, never the secret) and
// its delivery log.
import { z } from '@hono/zod-openapi';
import { instant } from '../schemas.js';

export const webhookBodySchema = z
  .object({
    party: z
      .string()
      .regex(/^(\*|[A-Za-z]{2,8})$/)
      .meta({ description: 'the party whose notifications it receives, or * for every party', example: 'PL' }),
    url: z.string().max(2000).meta({
      description: 'http(s) URL; private and link-local targets are refused',
      example: 'https://hooks.example.org/compact',
    }),
    secret: z
      .string()
      .optional()
      .meta({ description: '16-256 printable characters to sign with; omitted: one is generated and returned once' }),
  })
  .strict();

export const webhookSchema = z
  .object({
    id: z.string().meta({ example: 'wh_3f2a9c01b7de' }),
    party: z.string().meta({ example: 'PL' }),
    url: z.url(),
    secret_fingerprint: z.string().meta({ example: 'hmac-sha256:9b1c0e7f3a2d4e5f' }),
    created_by: z.string(),
    created_at: instant(),
    deleted_at: instant().nullable(),
    deliveries: z.object({
      pending: z.number().int(),
      delivered: z.number().int(),
      failed: z.number().int(),
      cancelled: z.number().int(),
    }),
  })
  .meta({ id: 'Webhook' });

export const webhookCreatedSchema = z
  .object({
    webhook: webhookSchema,
    secret: z
      .string()
      .nullable()
      .meta({ description: 'the generated secret, shown only in this answer; null when the request gave one' }),
  })
  .meta({ id: 'WebhookCreated' });

export const webhookListSchema = z.object({ items: z.array(webhookSchema) }).meta({ id: 'WebhookList' });

export const webhookDeletedSchema = z
  .object({ deleted: z.string(), cancelled: z.number().int().meta({ description: 'pending deliveries cancelled' }) })
  .meta({ id: 'WebhookDeleted' });

export const deliverySchema = z
  .object({
    id: z.number().int(),
    notification: z.string().meta({ example: 'reminder:ob-1a2b3c:-7200' }),
    type: z.enum(['event.recorded', 'obligation.transitioned', 'reminder']),
    idempotency_key: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attempts: z.number().int(),
    created_at: instant(),
    next_attempt_at: instant().nullable(),
    done_at: instant().nullable(),
    log: z.array(
      z.object({
        attempt: z.number().int(),
        at: instant(),
        status_code: z.number().int().nullable(),
        error: z.string().nullable(),
        duration_ms: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'WebhookDelivery' });

export const deliveryPageSchema = z
  .object({ items: z.array(deliverySchema), next_cursor: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryPage' });

export const deliveryQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ example: 100 }),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .meta({ description: 'next_cursor of the previous page' }),
});

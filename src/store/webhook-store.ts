// Webhooks in the store: registration (the secret kept for signing only; lists show a fingerprint), the one
// enqueue helper every notifying write calls inside its own transaction, and the delivery queue: claim with a
// lease (SKIP LOCKED, so several servers on one PostgreSQL never take the same row), record each attempt.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendAudit } from './auth-store.js';
import type { Db, Queryable } from './db.js';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A bad registration: `field` names what to fix. */
export class WebhookInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface Webhook {
  id: string;
  /** A party code, or `*` for every party. */
  party: string;
  url: string;
  /** Identifies the secret without revealing it. */
  secret_fingerprint: string;
  created_by: string;
  created_at: string;
  deleted_at: string | null;
  deliveries: { pending: number; delivered: number; failed: number; cancelled: number };
}

/** What lists show of a secret: a keyed digest's first 16 hex digits, enough to tell two secrets apart. */
export function fingerprintOf(secret: string): string {
  return `hmac-sha256:${createHmac('sha256', 'compact webhook secret fingerprint').update(secret).digest('hex').slice(0, 16)}`;
}

/** Syntax of a target URL (http or https, no credentials, no fragment); where it resolves is checked elsewhere. */
export function parseTargetUrl(text: string): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new WebhookInputError('url', `not an absolute URL: ${JSON.stringify(text.slice(0, 200))}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new WebhookInputError('url', `expected an http or https URL, found ${u.protocol}`);
  if (u.username || u.password)
    throw new WebhookInputError('url', 'credentials in the URL would be listed and logged; put none in it');
  if (u.hash) throw new WebhookInputError('url', 'a fragment is never sent; remove the #...');
  if (text.length > 2000) throw new WebhookInputError('url', 'longer than 2,000 characters');
  return u;
}

const SECRET = /^[\x21-\x7e]{16,256}$/;

/**
 * Registers a webhook for `party` (or `*`) in one transaction with its audit row (party, host and fingerprint:
 * never the secret or the full URL). Without a secret, one is generated and returned: it is shown only then.
 */
export async function createWebhook(
  db: Db,
  input: { party: string; url: string; secret?: string | null },
  actor: string,
): Promise<{ webhook: Webhook; secret: string | null }> {
  const party = input.party.trim().toUpperCase();
  const url = parseTargetUrl(input.url);
  if (input.secret != null && !SECRET.test(input.secret))
    throw new WebhookInputError(
      'secret',
      '16 to 256 printable ASCII characters without spaces, or none to generate one',
    );
  const generated = input.secret == null ? randomBytes(32).toString('base64url') : null;
  const secret = input.secret ?? generated!;
  const id = `wh_${randomBytes(6).toString('hex')}`;
  return db.transaction(async (tx) => {
    if (party !== '*') {
      if (!/^[A-Z]{2,8}$/.test(party))
        throw new WebhookInputError('party', `expected a party code or *, found ${party}`);
      const known = await tx.query('SELECT 1 FROM parties WHERE code = $1', [party]);
      if (known.rows.length === 0)
        throw new WebhookInputError('party', `unknown party ${party}; list them with \`compact parties\``);
    }
    await tx.query(
      'INSERT INTO webhooks (id, party, url, secret, fingerprint, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, party, url.href, secret, fingerprintOf(secret), actor],
    );
    await appendAudit(tx, {
      actor,
      action: 'webhook.add',
      target: id,
      detail: { party, host: url.host, secret_fingerprint: fingerprintOf(secret) },
    });
    const webhook = (await listWebhooks(tx, { id }))[0]!;
    return { webhook, secret: generated };
  });
}

/** Webhooks with their delivery counts (never the secret); deleted ones only when asked. */
export async function listWebhooks(db: Queryable, f: { id?: string; deleted?: boolean } = {}): Promise<Webhook[]> {
  const rows = (
    await db.query<
      Omit<Webhook, 'deliveries'> & { pending: number; delivered: number; failed: number; cancelled: number }
    >(
      `SELECT w.id, w.party, w.url, w.fingerprint AS secret_fingerprint, w.created_by, ${iso('w.created_at')} AS created_at,
         ${iso('w.deleted_at')} AS deleted_at,
         count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
         count(*) FILTER (WHERE d.status = 'delivered')::int AS delivered,
         count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
         count(*) FILTER (WHERE d.status = 'cancelled')::int AS cancelled
       FROM webhooks w LEFT JOIN webhook_deliveries d ON d.webhook_id = w.id
       WHERE ($1::text IS NULL OR w.id = $1) AND ($2::boolean OR w.deleted_at IS NULL)
       GROUP BY w.id ORDER BY w.created_at, w.id`,
      [f.id ?? null, f.deleted ?? f.id !== undefined],
    )
  ).rows;
  return rows.map(({ pending, delivered, failed, cancelled, ...w }) => ({
    ...w,
    deliveries: { pending, delivered, failed, cancelled },
  }));
}

/** Deletes a webhook (kept for its log) and cancels its pending deliveries; false when there is no such one. */
export async function deleteWebhook(db: Db, id: string, actor: string): Promise<{ cancelled: number } | null> {
  return db.transaction(async (tx) => {
    const r = await tx.query(
      'UPDATE webhooks SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
      [id],
    );
    if (r.rows.length === 0) return null;
    const c = await tx.query(
      "UPDATE webhook_deliveries SET status = 'cancelled', done_at = now(), lease_until = NULL WHERE webhook_id = $1 AND status = 'pending' RETURNING id",
      [id],
    );
    await appendAudit(tx, { actor, action: 'webhook.rm', target: id, detail: { cancelled: c.rows.length } });
    return { cancelled: c.rows.length };
  });
}

/** A notification: what happened, for which parties, and what each webhook's party is told (null: nothing). */
export interface Notification {
  /** Stable for what happened (`event.recorded:<event id>`): with the webhook it makes the idempotency key. */
  id: string;
  type: 'event.recorded' | 'obligation.transitioned' | 'reminder';
  /** Parties it concerns; webhooks of these parties and of `*` receive it. */
  parties: readonly string[];
  data: (party: string) => Record<string, unknown> | null;
  /** When it happened (the body's `created_at`) and when its first attempt is due; default now. */
  at?: string | null;
}

/** The key a receiver drops duplicates by: the same for every attempt of one notification to one webhook. */
export function idempotencyKey(webhookId: string, notification: string): string {
  return createHash('sha256').update(`${webhookId}\n${notification}`).digest('hex').slice(0, 40);
}

/**
 * Enqueues a delivery of `n` to every live webhook of its parties (and of `*`), inside the caller's transaction,
 * so a notification exists exactly when the write it reports commits. Enqueueing the same notification again
 * adds nothing. Returns the deliveries added.
 */
export async function enqueueNotification(tx: Queryable, n: Notification): Promise<number> {
  const hooks = (
    await tx.query<{ id: string; party: string }>(
      "SELECT id, party FROM webhooks WHERE deleted_at IS NULL AND (party = ANY($1::text[]) OR party = '*') ORDER BY id",
      [[...new Set(n.parties)]],
    )
  ).rows;
  if (hooks.length === 0) return 0;
  const at = n.at ?? new Date().toISOString();
  const rows = hooks.flatMap((h) => {
    const data = n.data(h.party);
    if (!data) return [];
    const body = JSON.stringify({ id: n.id, type: n.type, created_at: at, party: h.party, data });
    return [{ webhook_id: h.id, key: idempotencyKey(h.id, n.id), body }];
  });
  if (rows.length === 0) return 0;
  const r = await tx.query(
    `INSERT INTO webhook_deliveries (webhook_id, idempotency_key, notification, type, body, next_attempt_at)
     SELECT x->>'webhook_id', x->>'key', $2, $3, x->>'body', $4::timestamptz FROM jsonb_array_elements($1::jsonb) AS x
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [JSON.stringify(rows), n.id, n.type, at],
  );
  return r.rowCount ?? rows.length;
}

export interface ClaimedDelivery {
  id: number;
  webhook_id: string;
  idempotency_key: string;
  type: string;
  body: string;
  /** Attempts made before this one. */
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Takes up to `limit` deliveries due at `now` and not held by another dispatcher, holding them for `leaseMs`:
 * one whose dispatcher died is taken again once its lease runs out.
 */
export async function claimDeliveries(
  db: Db,
  o: { now: Date; limit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const r = await tx.query<ClaimedDelivery>(
      `UPDATE webhook_deliveries d SET lease_until = $1::timestamptz + $3::int * interval '1 millisecond'
       FROM webhooks w
       WHERE w.id = d.webhook_id AND d.id IN (
         SELECT id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
         ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.webhook_id, d.idempotency_key, d.type, d.body, d.attempts, w.url, w.secret`,
      [o.now.toISOString(), o.limit, o.leaseMs],
    );
    return r.rows.map((x) => ({ ...x, id: Number(x.id) }));
  });
}

export interface AttemptResult {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** delivered, failed (no attempt left), or retry at `nextAt`. */
  outcome: 'delivered' | 'failed' | 'retry';
  nextAt?: Date;
}

/**
 * Logs one attempt and moves the delivery on, in one transaction. Only when nobody else recorded an attempt
 * meanwhile (the lease ran out and another dispatcher took it): then this result is dropped, returning false.
 */
export async function recordAttempt(db: Db, d: ClaimedDelivery, a: AttemptResult): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = await tx.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, lease_until = NULL,
         status = CASE $3::text WHEN 'retry' THEN 'pending' ELSE $3::text END,
         next_attempt_at = COALESCE($4::timestamptz, next_attempt_at),
         done_at = CASE WHEN $3::text = 'retry' THEN NULL ELSE $5::timestamptz END
       WHERE id = $1 AND attempts = $2 AND status = 'pending' RETURNING id`,
      [d.id, d.attempts, a.outcome, a.nextAt?.toISOString() ?? null, a.at.toISOString()],
    );
    if (r.rows.length === 0) return false;
    await tx.query(
      'INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)',
      [d.id, d.attempts + 1, a.at.toISOString(), a.statusCode, a.error, Math.round(a.durationMs)],
    );
    return true;
  });
}

export interface DeliveryLogEntry {
  id: number;
  notification: string;
  type: Notification['type'];
  idempotency_key: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  created_at: string;
  next_attempt_at: string | null;
  done_at: string | null;
  log: { attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number }[];
}

/** A webhook's deliveries, newest first, each with its attempts in order; page with `before` (a delivery id). */
export async function deliveryLog(
  db: Queryable,
  webhookId: string,
  page: { limit?: number; before?: number | null; status?: string | null } = {},
): Promise<DeliveryLogEntry[]> {
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 1000);
  const rows = (
    await db.query<Omit<DeliveryLogEntry, 'log'>>(
      `SELECT id, notification, type, idempotency_key, status, attempts, ${iso('created_at')} AS created_at,
         CASE WHEN status = 'pending' THEN ${iso('next_attempt_at')} END AS next_attempt_at, ${iso('done_at')} AS done_at
       FROM webhook_deliveries WHERE webhook_id = $1 AND ($2::bigint IS NULL OR id < $2) AND ($3::text IS NULL OR status = $3)
       ORDER BY id DESC LIMIT $4`,
      [webhookId, page.before ?? null, page.status ?? null, limit],
    )
  ).rows.map((r) => ({ ...r, id: Number(r.id) }));
  if (rows.length === 0) return [];
  const attempts = (
    await db.query<DeliveryLogEntry['log'][number] & { delivery_id: number }>(
      `SELECT delivery_id, attempt, ${iso('at')} AS at, status_code, error, duration_ms FROM webhook_attempts
       WHERE delivery_id = ANY($1::bigint[]) ORDER BY delivery_id, attempt`,
      [rows.map((r) => r.id)],
    )
  ).rows;
  const by = new Map<number, DeliveryLogEntry['log']>();
  for (const { delivery_id, ...a } of attempts) {
    const list = by.get(Number(delivery_id)) ?? [];
    list.push(a);
    by.set(Number(delivery_id), list);
  }
  return rows.map((r) => ({ ...r, log: by.get(r.id) ?? [] }));
}

/** Frees every lease (a single dispatcher starting on the embedded store, where no other can hold one). */
export async function releaseLeases(db: Queryable): Promise<number> {
  const r = await db.query(
    "UPDATE webhook_deliveries SET lease_until = NULL WHERE status = 'pending' AND lease_until IS NOT NULL RETURNING id",
  );
  return r.rows.length;
}

// Notifications out: webhooks per party, their delivery queue and per-attempt log, and the reminders before and
// after each deadline. The queue lives here so that a restart, even a kill -9, resumes where it stopped.
import type { Migration } from './migration.js';

export const m012Notifications: Migration = {
  version: 12,
  name: 'notifications',
  sql: `
CREATE TABLE webhooks (
  id text PRIMARY KEY,
  party text NOT NULL,              -- a party code, or '*' for every party
  url text NOT NULL,
  secret text NOT NULL,             -- read only to sign a delivery; never listed, logged or audited
  fingerprint text NOT NULL,        -- what lists show of the secret
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX webhooks_party ON webhooks (party) WHERE deleted_at IS NULL;

-- One row per notification x webhook; the idempotency key is the receiver's, the same on every attempt.
CREATE TABLE webhook_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id text NOT NULL REFERENCES webhooks (id),
  idempotency_key text NOT NULL UNIQUE,
  notification text NOT NULL,
  type text NOT NULL,
  body text NOT NULL,               -- the exact bytes signed and sent on every attempt
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,          -- a dispatcher holds it until then; after, another may take it
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);

CREATE TABLE webhook_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES webhook_deliveries (id),
  attempt int NOT NULL,
  at timestamptz NOT NULL,
  status_code int,                  -- the HTTP status, NULL when no answer came
  error text,                       -- why the attempt failed, NULL when delivered
  duration_ms int NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);

-- One row per obligation x offset from its deadline (seconds; negative before it).
CREATE TABLE reminders (
  obligation_id text NOT NULL REFERENCES obligations (id) ON DELETE CASCADE,
  offset_s int NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled', 'skipped')),
  sent_at timestamptz,
  deliveries int,
  PRIMARY KEY (obligation_id, offset_s)
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE status = 'pending';
`,
};

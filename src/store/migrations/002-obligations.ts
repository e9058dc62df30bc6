// The trigger engine's records: events, the obligations they created, dated state transitions and evidence.
import type { Migration } from './migration.js';

export const m002Obligations: Migration = {
  version: 2,
  name: 'obligations',
  sql: `
-- One row per event; the id is content-derived, so recording the same event twice finds this row.
CREATE TABLE events (
  id text PRIMARY KEY,
  type text NOT NULL,
  at timestamptz NOT NULL,
  body jsonb NOT NULL,            -- the TriggerEvent
  evaluation jsonb NOT NULL,      -- options used and the skips, for explain
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_type_at ON events (type, at);

CREATE TABLE obligations (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  record_kind text NOT NULL,
  record_id text NOT NULL,
  provision_id text NOT NULL,
  promisor text NOT NULL,
  kind text NOT NULL,
  due timestamptz,                -- NULL = the clause sets no deadline
  -- The last explicit state; overdue is derived from due and the clock at query time.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fulfilled', 'fulfilled_late', 'breached', 'waived')),
  body jsonb NOT NULL             -- the Obligation with its trace
);
CREATE INDEX obligations_status ON obligations (status);
CREATE INDEX obligations_promisor ON obligations (promisor);
CREATE INDEX obligations_due ON obligations (due);
CREATE INDEX obligations_event ON obligations (event_id);

CREATE TABLE obligation_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  obligation_id text NOT NULL REFERENCES obligations(id) ON DELETE CASCADE,
  to_state text NOT NULL CHECK (to_state IN ('fulfilled', 'breached', 'waived')),
  at timestamptz NOT NULL,
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX obligation_transitions_ob_at ON obligation_transitions (obligation_id, at);

CREATE TABLE evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  obligation_id text NOT NULL REFERENCES obligations(id) ON DELETE CASCADE,
  url text NOT NULL,
  note text,
  at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_obligation ON evidence (obligation_id);
`,
};

// Dashboard sessions: a signed-in token's cookie. Only the SHA-256 of the session id is stored, never the id.
import type { Migration } from './migration.js';

export const m010Sessions: Migration = {
  version: 10,
  name: 'sessions',
  sql: `
CREATE TABLE sessions (
  id_sha256 text PRIMARY KEY,
  token_id text NOT NULL REFERENCES api_tokens (id),
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_token ON sessions (token_id);`,
};

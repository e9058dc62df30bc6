// The registry: versioned records (agreements, frameworks) and the columns queries filter on.
import type { Migration } from './migration.js';

export const m001Registry: Migration = {
  version: 1,
  name: 'registry',
  sql: `
CREATE TABLE parties (
  code text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  nato_member_since date,
  eu_member_since date,
  source jsonb NOT NULL
);

-- One row per record at its current version; every version is kept in record_versions.
CREATE TABLE records (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('agreement', 'framework')),
  version integer NOT NULL,
  content_hash text NOT NULL,
  body jsonb NOT NULL,
  file text,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE record_versions (
  id text NOT NULL,
  version integer NOT NULL,
  content_hash text NOT NULL,
  body jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE agreements (
  id text PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  partner text NOT NULL,
  series text NOT NULL,
  title text NOT NULL,
  signed_on date,
  in_force_from date,
  in_force_until date,            -- exclusive; NULL = no end known
  legal_force text NOT NULL,
  wording text NOT NULL
);
CREATE INDEX agreements_partner ON agreements (partner);
CREATE INDEX agreements_force ON agreements (in_force_from, in_force_until);

CREATE TABLE agreement_parties (
  agreement_id text NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  party text NOT NULL,
  PRIMARY KEY (agreement_id, party)
);
CREATE INDEX agreement_parties_party ON agreement_parties (party);

CREATE TABLE provisions (
  record_id text NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  provision_id text NOT NULL,
  area text NOT NULL,
  capabilities text[] NOT NULL,
  promisors text[] NOT NULL,
  mechanism_kind text,
  evidence text NOT NULL,
  quote text NOT NULL,
  where_ref text NOT NULL,
  source_id text NOT NULL,
  PRIMARY KEY (record_id, provision_id)
);
CREATE INDEX provisions_area ON provisions (area);
CREATE INDEX provisions_mechanism ON provisions (mechanism_kind) WHERE mechanism_kind IS NOT NULL;

CREATE TABLE sources (
  record_id text NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  source_id text NOT NULL,
  url text NOT NULL,
  title text,
  publisher text,
  date date,
  quote text,
  PRIMARY KEY (record_id, source_id)
);
CREATE INDEX sources_url ON sources (url);
`,
};

// The world registry: alliances imported from a research dataset (ATOP), kept apart from the 2024 records,
// and the historical record of their fulfilment in war.
import type { Migration } from './migration.js';

export const m009World: Migration = {
  version: 9,
  name: 'world',
  sql: `
CREATE TABLE world_alliances (
  atopid integer PRIMARY KEY,
  content_hash text NOT NULL,
  data jsonb NOT NULL
);
CREATE TABLE world_cases (
  line integer PRIMARY KEY,
  atopid integer,
  data jsonb NOT NULL
);
CREATE INDEX world_cases_atopid ON world_cases (atopid);
CREATE TABLE world_imports (
  id serial PRIMARY KEY,
  dataset text NOT NULL,
  files jsonb NOT NULL,
  report jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);`,
};

// The commitments ledger: append-only, hash-chained entries; a trigger rejects UPDATE, DELETE and TRUNCATE.
import type { Migration } from './migration.js';

export const m003Ledger: Migration = {
  version: 3,
  name: 'ledger',
  sql: `
CREATE TABLE ledger_entries (
  seq bigint PRIMARY KEY,
  ref text NOT NULL UNIQUE,
  entry_type text NOT NULL,
  effective_type text NOT NULL,
  provider text NOT NULL,
  recipient text NOT NULL,
  agreement_id text,            -- validated against the registry on insert; no FK, so reloading the registry never touches the ledger
  provision_id text,
  pledge_ref text,
  amount numeric(20,2),
  currency text,
  date date NOT NULL,
  year_from integer,
  year_to integer,
  kind text NOT NULL,
  capability text,
  item text,
  quantity bigint,
  status text NOT NULL,
  channel text NOT NULL,
  within_ref text,
  corrects text,
  supersedes boolean NOT NULL,
  source_url text NOT NULL,
  source_quote text,
  note text,
  recorded_at text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX ledger_provider_year ON ledger_entries (provider, date);
CREATE INDEX ledger_agreement ON ledger_entries (agreement_id, provision_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX ledger_corrects ON ledger_entries (corrects) WHERE corrects IS NOT NULL;

CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % rejected; record a correction instead', TG_OP;
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
`,
};

// Tracker releases: one row per import (its files and checksums), with the donor facts and EU shares it brought.
// The flows themselves are ledger entries (refs `kiel:`); these tables hold what is not a flow.
import type { Migration } from './migration.js';

export const m008Flows: Migration = {
  version: 8,
  name: 'flows',
  sql: `
CREATE TABLE flow_imports (
  id integer PRIMARY KEY,
  release text NOT NULL,
  period text NOT NULL,
  release_date text NOT NULL,
  label text NOT NULL,
  files jsonb NOT NULL,          -- [{name, sha256, form, rows}]
  fingerprint text NOT NULL UNIQUE, -- sha256 over the files' names and checksums: the same files import once
  imported_at text NOT NULL,
  appended integer NOT NULL,
  corrected integer NOT NULL,
  first_seq bigint,
  last_seq bigint
);
CREATE TABLE flow_donors (
  import_id integer NOT NULL REFERENCES flow_imports (id),
  party text NOT NULL,
  iso text NOT NULL,
  country text NOT NULL,
  gdp_2021_bn numeric NOT NULL,  -- the tracker's gdp column: the donor's 2021 GDP, EUR bn
  line integer NOT NULL,
  PRIMARY KEY (import_id, party)
);
CREATE TABLE flow_eu_shares (
  import_id integer NOT NULL REFERENCES flow_imports (id),
  party text NOT NULL,
  iso text NOT NULL,
  country text NOT NULL,
  bilateral_pct_gdp numeric NOT NULL,
  eu_share_pct_gdp numeric NOT NULL,
  total_pct_gdp numeric NOT NULL,
  eu_share numeric(20,2) NOT NULL, -- EUR
  line integer NOT NULL,
  PRIMARY KEY (import_id, party)
);
CREATE FUNCTION flow_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % rejected; import a new release instead', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER flow_imports_append_only BEFORE UPDATE OR DELETE ON flow_imports FOR EACH ROW EXECUTE FUNCTION flow_reject_change();
CREATE TRIGGER flow_donors_append_only BEFORE UPDATE OR DELETE ON flow_donors FOR EACH ROW EXECUTE FUNCTION flow_reject_change();
CREATE TRIGGER flow_eu_shares_append_only BEFORE UPDATE OR DELETE ON flow_eu_shares FOR EACH ROW EXECUTE FUNCTION flow_reject_change();
CREATE INDEX ledger_tracker_ref ON ledger_entries (ref text_pattern_ops) WHERE starts_with(ref, 'kiel:');
`,
};

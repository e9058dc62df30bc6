// Dry runs remembered for explain: the event and its options (not its obligations), so an id that
// `trigger --dry-run` printed can be explained later by evaluating the event again.
import type { Migration } from './migration.js';

export const m007DryRuns: Migration = {
  version: 7,
  name: 'dry-runs',
  sql: `
CREATE TABLE dry_runs (
  key text PRIMARY KEY,            -- hash of the event id and the evaluation options
  event jsonb NOT NULL,            -- the TriggerEvent
  options jsonb NOT NULL,          -- EvaluateOptions as given
  ids jsonb NOT NULL,              -- the obligation and option ids the dry run printed
  simulated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dry_runs_ids ON dry_runs USING gin (ids);
CREATE INDEX dry_runs_at ON dry_runs (simulated_at);
`,
};

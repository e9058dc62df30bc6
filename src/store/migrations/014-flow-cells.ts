// The tracker's effective figures summed per donor x month x type x kind, kept beside the ledger in the same
// transaction as each append, so the flow views read a few thousand rows however long the ledger grows.
import type { Migration } from './migration.js';

export const m014FlowCells: Migration = {
  version: 14,
  name: 'flow-cells',
  sql: `
CREATE TABLE flow_cells (
  provider text NOT NULL,
  y integer NOT NULL,
  m integer NOT NULL,
  effective_type text NOT NULL,
  kind text NOT NULL,
  amount numeric NOT NULL,
  entries integer NOT NULL,
  PRIMARY KEY (provider, y, m, effective_type, kind)
);
INSERT INTO flow_cells
SELECT provider, extract(year FROM date)::int, extract(month FROM date)::int, effective_type, kind, sum(amount), count(*)
FROM ledger_entries e
WHERE starts_with(ref, 'kiel:') AND within_ref IS NULL AND amount IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes)
GROUP BY 1, 2, 3, 4, 5;
`,
};

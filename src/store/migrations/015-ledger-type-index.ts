// Reads of one entry type (the pledges fulfilment sets against the tracker) page by seq within that type, not by
// scanning every entry: at 10^6 tracker lines a pledge read otherwise costs a second.
import type { Migration } from './migration.js';

export const m015LedgerTypeIndex: Migration = {
  version: 15,
  name: 'ledger-type-index',
  sql: 'CREATE INDEX ledger_type_seq ON ledger_entries (effective_type, seq);',
};

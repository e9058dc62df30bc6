// Keyset pages of events in time order.
import type { Migration } from './migration.js';

export const m006EventsKeyset: Migration = {
  version: 6,
  name: 'events-keyset',
  sql: 'CREATE INDEX events_at_id ON events (at, id);',
};

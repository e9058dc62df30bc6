// Every schema migration, in order. Add a new file and one line here; never edit an applied migration.
import { m001Registry } from './001-registry.js';
import { m002Obligations } from './002-obligations.js';
import { m003Ledger } from './003-ledger.js';
import { m004Auth } from './004-auth.js';
import { m005RegistryGeneration } from './005-registry-generation.js';
import { m006EventsKeyset } from './006-events-keyset.js';
import { m007DryRuns } from './007-dry-runs.js';
import { m008Flows } from './008-flows.js';
import { m009World } from './009-world.js';
import { m010Sessions } from './010-sessions.js';
import { m012Notifications } from './012-notifications.js';
import { m014FlowCells } from './014-flow-cells.js';
import { m015LedgerTypeIndex } from './015-ledger-type-index.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: Migration[] = [
  m001Registry,
  m002Obligations,
  m003Ledger,
  m004Auth,
  m005RegistryGeneration,
  m006EventsKeyset,
  m007DryRuns,
  m008Flows,
  m009World,
  m010Sessions,
  m012Notifications,
  m014FlowCells,
  m015LedgerTypeIndex,
].sort((a, b) => a.version - b.version);

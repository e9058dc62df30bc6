// Ledger routes: the read views (ledger-read.ts) and the writes (ledger-write.ts), sharing one lazy seeding.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ledgerReadRoutes, seeder } from './ledger-read.js';
import { ledgerWriteRoutes } from './ledger-write.js';

/** Registers the ledger routes; returns what this build serves. */
export function ledgerRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  const ensureSeeded = seeder(deps.db, deps.now);
  const routes = [...ledgerReadRoutes(app, deps, ensureSeeded), ...ledgerWriteRoutes(app, deps, ensureSeeded)];
  return { available: true, routes, missing: [] };
}

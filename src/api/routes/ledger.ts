// Ledger routes: the read views (ledger-read.ts) and the writes (ledger-write.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ledgerReadRoutes } from './ledger-read.js';
import { ledgerWriteRoutes } from './ledger-write.js';

/** Registers the ledger routes; returns what this build serves. */
export function ledgerRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  const routes = [...ledgerReadRoutes(app, deps), ...ledgerWriteRoutes(app, deps)];
  return { available: true, routes, missing: [] };
}

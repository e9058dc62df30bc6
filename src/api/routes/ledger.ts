// Ledger routes: lines, totals, verification, import, capability coverage and gaps. Waiting for the ledger
// (src/core/ledger/, src/store/ledger-store.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { pendingRoutes, type PendingRoute } from '../pending.js';

const ROUTES: PendingRoute[] = [
  { method: 'get', path: '/api/ledger/lines', summary: 'List ledger lines (pledged, allocated, delivered)' },
  { method: 'get', path: '/api/ledger/totals', summary: 'Ledger totals by party, year and kind' },
  { method: 'get', path: '/api/ledger/verify', summary: 'Verify the ledger (sums, sources, double counting)' },
  { method: 'post', path: '/api/ledger/import', summary: 'Import ledger lines (one transaction)' },
  { method: 'get', path: '/api/ledger/coverage', summary: 'Capability coverage by guarantor and year' },
  { method: 'get', path: '/api/ledger/gaps', summary: 'Capability gaps' },
];

/** Registers the ledger routes; returns what this build serves. */
export function ledgerRoutes(app: OpenAPIHono, _deps: ApiDeps): GroupStatus {
  pendingRoutes(app, 'ledger', 'src/core/ledger, src/store/ledger-store.ts', ROUTES);
  return { available: false, routes: ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`), missing: ['src/store/ledger-store.ts', 'src/core/ledger'] };
}

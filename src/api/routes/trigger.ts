// Trigger routes: record or simulate an attack, list obligations, move them through their lifecycle, explain
// them. Waiting for the trigger engine (src/core/trigger/, src/store/obligation-store.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { pendingRoutes, type PendingRoute } from '../pending.js';

const ROUTES: PendingRoute[] = [
  { method: 'post', path: '/api/events', summary: 'Record an event (armed attack) and derive its obligations' },
  { method: 'post', path: '/api/events/simulate', summary: 'Simulate an event (dry run): the obligations it would create' },
  { method: 'get', path: '/api/events', summary: 'List recorded events' },
  { method: 'get', path: '/api/obligations', summary: 'List obligations with deadlines and status' },
  { method: 'post', path: '/api/obligations/{id}/transitions', summary: 'Move an obligation through its lifecycle' },
  { method: 'get', path: '/api/obligations/{id}/explain', summary: 'The trace of an obligation: event, clause, condition, quote' },
];

/** Registers the trigger routes; returns what this build serves. */
export function triggerRoutes(app: OpenAPIHono, _deps: ApiDeps): GroupStatus {
  pendingRoutes(app, 'trigger', 'src/core/trigger, src/store/obligation-store.ts', ROUTES);
  return { available: false, routes: ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`), missing: ['src/store/obligation-store.ts', 'src/core/trigger engine entry point'] };
}

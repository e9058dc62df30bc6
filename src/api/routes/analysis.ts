// Analysis routes: strength scores, comparison, scenarios, Monte Carlo simulation, settlement check. Waiting for
// the analysis module (src/core/analysis/).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { pendingRoutes, type PendingRoute } from '../pending.js';

const ROUTES: PendingRoute[] = [
  { method: 'get', path: '/api/analysis/scores', summary: 'Strength score of every agreement with its breakdown' },
  { method: 'get', path: '/api/analysis/compare', summary: 'The 2022 proposal against the 2024 agreements' },
  { method: 'get', path: '/api/analysis/scenarios', summary: 'The bundled scenarios' },
  { method: 'post', path: '/api/analysis/scenarios/run', summary: 'Run a scenario against the baseline (diff)' },
  { method: 'post', path: '/api/analysis/simulate', summary: 'Monte Carlo simulation: p5/p50/p95 per year' },
  { method: 'post', path: '/api/analysis/settlement-check', summary: 'Check a settlement text against the guarantees' },
];

/** Registers the analysis routes; returns what this build serves. */
export function analysisRoutes(app: OpenAPIHono, _deps: ApiDeps): GroupStatus {
  pendingRoutes(app, 'analysis', 'src/core/analysis', ROUTES);
  return { available: false, routes: ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`), missing: ['src/core/analysis'] };
}

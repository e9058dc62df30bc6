// Routes whose module is not in this build yet: documented in the OpenAPI document, answering 501 not_available.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ApiError } from './errors.js';
import { notAvailableResponse } from './schemas.js';

export interface PendingRoute {
  method: 'get' | 'post';
  path: string;
  summary: string;
}

/**
 * Registers each route so clients and the dashboard see it exists, and answers 501 `not_available` naming
 * the module it waits for. Replace an entry with the real route when the module lands.
 */
export function pendingRoutes(app: OpenAPIHono, group: string, module: string, list: PendingRoute[]): void {
  for (const r of list) {
    const names = [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const params = names.length ? { params: z.object(Object.fromEntries(names.map((n) => [n, z.string().meta({ param: { name: n, in: 'path' } })]))) } : undefined;
    const route = createRoute({ method: r.method, path: r.path, tags: [group], summary: `${r.summary} (not available in this build)`, ...(params ? { request: params } : {}), responses: { ...notAvailableResponse } });
    app.openapi(route, () => {
      throw new ApiError('not_available', `${r.summary}: the ${group} module (${module}) is not in this build yet`);
    });
  }
}

// Who may call a route is declared with the route itself, never in a second table matched by path:
//
//   createRoute({ method: 'get', path: '/api/things', middleware: policy(READ), ... })
//   app.get('/api/page', policy(READ), handler)
//
// The access middleware (auth.ts) runs after the router has matched and reads the declaration of the route that
// will answer (hono/route `matchedRoutes`), so every spelling the router accepts (percent-encoded, any case of
// escape) gets the decision of that route, and a path no route declares is refused before any handler runs.
// A route without a declaration is refused with 403 (fail closed). docs/security.md has the rules.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Action } from '../core/auth/roles.js';

/**
 * `compute` is a POST that changes no state (a simulation, an analysis run): authorised as a read. A trigger
 * simulation remembers its event in a bounded cache (dry_runs, the latest 1,000) so its ids can be explained.
 */
export type PolicyAction = Action | 'compute';

/** Stands for "every party": a write that touches all guarantors (recording an attack) is never one party's. */
export const ALL_PARTIES = '*';

/**
 * What a route does. Operational writes say whose data they touch:
 * - `parties: 'all'`: every party's (recording an event); only coordinators and admins.
 * - `parties: 'checked'`: the handler parses the request once, then calls `authorizeParties(c, parties)`
 *   (auth.ts) with the parties of exactly what it is about to write, before writing. The store refuses to
 *   commit an operational write whose parties were not checked, so forgetting the call fails closed.
 */
export type RoutePolicy =
  | { readonly action: 'read' | 'compute' }
  | { readonly action: 'write_operational'; readonly parties: 'all' | 'checked' }
  | { readonly action: 'write_registry' | 'manage_tokens'; readonly readOnly?: true }
  | { readonly action: 'review_ingest'; readonly writes: boolean };

export const READ: RoutePolicy = { action: 'read' };
export const COMPUTE: RoutePolicy = { action: 'compute' };
/** An operational write whose handler checks the parties of the rows it parsed (see {@link RoutePolicy}). */
export const WRITE_CHECKED: RoutePolicy = { action: 'write_operational', parties: 'checked' };
export const WRITE_ALL_PARTIES: RoutePolicy = { action: 'write_operational', parties: 'all' };
/** The review desk (coordinator or admin): drafting and checking write nothing; saving writes one record, audited. */
export const INGEST_REVIEW: RoutePolicy = { action: 'review_ingest', writes: false };
export const INGEST_SAVE: RoutePolicy = { action: 'review_ingest', writes: true };

/** Whether requests to a route with this policy are writes (audited, refused or not). */
export const isWrite = (p: RoutePolicy): boolean =>
  p.action === 'review_ingest'
    ? p.writes
    : p.action !== 'read' && p.action !== 'compute' && !('readOnly' in p && p.readOnly);
/** Admin-only writes that configure the server (webhooks). */
export const ADMIN: RoutePolicy = { action: 'manage_tokens' };
/** Admin-only reads (webhooks and their delivery logs): the admin's decision, but a read: never audited. */
export const ADMIN_READ: RoutePolicy = { action: 'manage_tokens', readOnly: true };
/**
 * Signing in and out (/api/session): open to anyone, even with private reads, since the token travels in the
 * body; the handler authenticates it. Never a write route, so it is never audited with a body digest.
 */
export const SESSION: RoutePolicy = { action: 'read' };

const POLICY = Symbol('compact.route-policy');
type PolicyMiddleware = MiddlewareHandler & { [POLICY]: RoutePolicy };

/** What the access middleware leaves on the context for the route (and for `authorizeParties`). */
export interface AccessState {
  policy: RoutePolicy;
  /** `METHOD /openapi/{path}` of the matched route. */
  route: string;
  /** The matched route's path parameters, decoded by the router. */
  params: Record<string, string>;
  /** Parties the write touches; null until a `checked` route calls authorizeParties. */
  parties: string[] | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    access: AccessState;
  }
}

/**
 * The declaration of a route's policy: a route middleware that carries it. When it runs it only confirms that
 * the access middleware decided this very policy (a route mounted without it is refused, never served).
 */
export function policy(p: RoutePolicy): PolicyMiddleware {
  const mw = (async (c, next) => {
    if (c.get('access')?.policy !== p)
      return c.json(
        {
          error: {
            code: 'forbidden',
            message: 'this route was reached without its access decision; the request is refused',
            issues: [{ path: 'route', message: 'no access decision' }],
          },
        },
        403,
      );
    return next();
  }) as PolicyMiddleware;
  mw[POLICY] = p;
  return mw;
}

/** The policy a handler of the route table carries, if it is a declaration. */
export function declared(handler: unknown): RoutePolicy | null {
  return (typeof handler === 'function' && (handler as Partial<PolicyMiddleware>)[POLICY]) || null;
}

/** Converts a Hono route path (`/api/x/:id`) to the OpenAPI form (`/api/x/{id}`). */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export interface MatchedRoute {
  /** `METHOD /openapi/{path}`. */
  key: string;
  policy: RoutePolicy | null;
  params: Record<string, string>;
}

/**
 * The route that will answer this request, as the router matched it: the first matched entry after the calling
 * middleware that belongs to a method route (middleware registered with `use` has method ALL). Null when no
 * route matched, i.e. the request would fall through to the 404 handler.
 */
export function matchedRoute(c: Context): MatchedRoute | null {
  const all = matchedRoutes(c);
  for (let i = c.req.routeIndex + 1; i < all.length; i++) {
    const r = all[i]!;
    if (r.method === 'ALL') continue;
    const here = c.req.routeIndex;
    c.req.routeIndex = i; // the router's own decoded parameters of that route
    const params = c.req.param() as Record<string, string>;
    c.req.routeIndex = here;
    return { key: `${r.method} ${toOpenApiPath(r.path)}`, policy: declared(r.handler), params };
  }
  return null;
}

/**
 * The declared policy of every method route of an app (`METHOD /openapi/{path}` -> policy, null when a route
 * has none): for tests and the generated access matrix.
 */
export function routePolicies(app: Pick<Hono, 'routes'>): Map<string, RoutePolicy | null> {
  const out = new Map<string, RoutePolicy | null>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${toOpenApiPath(r.path)}`;
    if (!out.has(key)) out.set(key, declared(r.handler)); // the first handler of a route is its declaration
  }
  return out;
}

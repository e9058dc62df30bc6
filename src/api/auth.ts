// Access control for /api: authenticates the bearer token before any validation, authorises the request
// against the route policy, rate-limits per token or address, and audits every allowed write in its own transaction.
import { createHash } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import { ANONYMOUS, authorize, type Decision, type Principal } from '../core/auth/roles.js';
import { appendAudit, authenticate } from '../store/auth-store.js';
import type { Db } from '../store/db.js';
import { withPendingAudit } from './audit-context.js';
import type { LogSink } from './middleware.js';
import { rateLimitFromEnv, tokenBuckets } from './rate-limit.js';
import { findPolicy, type RoutePolicy } from './route-policy.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who made the request (anonymous when no token was sent). */
    principal: Principal;
  }
}

export interface AuthOptions {
  db: Db;
  log: LogSink;
  /** Defaults to process.env: COMPACT_PRIVATE_READS=1 makes reads need a token; COMPACT_RATE_LIMIT (see rate-limit.ts). */
  env?: Record<string, string | undefined>;
  nowMs?: () => number;
}

/** What the middleware needs of the app: its registered routes. */
type RouteTable = Pick<Hono, 'routes'>;

type Denial = Extract<Decision, { allow: false }> | { allow: false; status: 429; code: 'rate_limited'; reason: string };

const WRITES = new Set(['write_operational', 'write_registry', 'manage_tokens']);

/** The path patterns of the app's real routes (middleware excluded), to tell "not in the policy" from "no such route". */
function routeMatcher(app: RouteTable): (method: string, path: string) => boolean {
  let list: { method: string; re: RegExp }[] | null = null;
  return (method, path) => {
    list ??= app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({
        method: r.method,
        re: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`),
      }));
    const m = method === 'HEAD' ? 'GET' : method;
    return list.some((r) => r.method === m && r.re.test(path));
  };
}

/** Parses a body leniently: JSON when it parses, otherwise the raw text (CSV), undefined when empty. */
function lenientBody(text: string, contentType: string): unknown {
  if (text.trim() === '') return undefined;
  if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return /json/i.test(contentType) ? undefined : text;
    }
  }
  return text;
}

async function partiesOf(
  policy: RoutePolicy,
  params: Record<string, string>,
  body: unknown,
  db: Db,
): Promise<string[]> {
  if (!policy.parties) return [];
  try {
    return await policy.parties({ params, body, db });
  } catch {
    return []; // cannot tell whose data this is: a party editor is denied
  }
}

/**
 * The middleware. Order: policy lookup (a route missing from the table is denied and logged), authentication
 * (an invalid or revoked token is 401, whatever the body), rate limit, authorisation (party editors are checked
 * against every party the write touches; an unreadable body denies them), then the handler, then the audit row
 * for a 2xx write. Tokens never reach the log.
 */
export function apiAuth(app: RouteTable, opts: AuthOptions): MiddlewareHandler {
  const env = opts.env ?? process.env;
  const privateReads = env.COMPACT_PRIVATE_READS === '1';
  const limitCfg = rateLimitFromEnv(env.COMPACT_RATE_LIMIT);
  const limiter = limitCfg ? tokenBuckets(limitCfg) : null;
  const nowMs = opts.nowMs ?? (() => Date.now());
  const isRoute = routeMatcher(app);

  return async (c, next) => {
    const method = c.req.method.toUpperCase();
    const path = new URL(c.req.url).pathname;
    const deny = (d: Denial, route: string | null, who: Principal | null) => {
      opts.log(
        JSON.stringify({
          t: new Date(nowMs()).toISOString(),
          level: 'warn',
          event: 'denied',
          method,
          path,
          route,
          token_id: who?.tokenId ?? null,
          status: d.status,
          code: d.code,
        }),
      );
      if (d.status === 401) c.header('WWW-Authenticate', 'Bearer realm="compact"');
      return c.json(
        {
          error: {
            code: d.code,
            message: d.reason,
            issues: [
              {
                path: d.status === 429 ? 'request' : d.status === 401 ? 'header.authorization' : 'route',
                message: d.reason,
              },
            ],
          },
        },
        d.status,
      );
    };

    const found = findPolicy(method, path);
    if (!found) {
      if (method === 'OPTIONS' || !isRoute(method, path)) return next(); // no such route: the 404 handler answers
      return deny(
        {
          allow: false,
          status: 403,
          code: 'forbidden',
          reason: `${method} ${path} is not in the access policy (src/api/route-policy.ts); it is denied until it is added`,
        },
        null,
        null,
      );
    }
    const action = found.policy.action === 'compute' ? 'read' : found.policy.action;
    const write = WRITES.has(action);
    // A bad token on a public read is ignored (the read needs none); anywhere else it is 401.
    const principal =
      (await authenticate(opts.db, c.req.header('Authorization'))) ??
      (action === 'read' && !privateReads ? ANONYMOUS : null);
    if (!principal)
      return deny(
        {
          allow: false,
          status: 401,
          code: 'unauthenticated',
          reason: 'the bearer token is malformed, unknown or revoked; create one with `compact token create`',
        },
        found.key,
        null,
      );

    if (limiter) {
      const ip =
        (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
          ?.remoteAddress ?? 'local';
      const r = limiter.take(principal.tokenId ? `tok:${principal.tokenId}` : `ip:${ip}`, nowMs());
      if (!r.ok) {
        c.header('Retry-After', String(r.retryAfterSec));
        return deny(
          {
            allow: false,
            status: 429,
            code: 'rate_limited',
            reason: `too many requests; retry after ${r.retryAfterSec} s`,
          },
          found.key,
          principal,
        );
      }
    }

    let bodyText = '';
    let parties: string[] = [];
    if (write && principal.role !== null) {
      bodyText = await c.req.text(); // cached: the route's validator parses the same text
      parties = await partiesOf(
        found.policy,
        found.params,
        lenientBody(bodyText, c.req.header('Content-Type') ?? ''),
        opts.db,
      );
    }
    const decision = authorize(principal, action, parties, { privateReads });
    if (!decision.allow) return deny(decision, found.key, principal);
    c.set('principal', principal);
    // Broken JSON is the client's fault: a coded 400 here, since the route validator would throw it as a 500.
    if (method === 'POST' && /json/i.test(c.req.header('Content-Type') ?? '')) {
      bodyText = write ? bodyText : await c.req.text();
      if (bodyText.trim() !== '') {
        try {
          JSON.parse(bodyText);
        } catch (e) {
          const found = e instanceof Error ? e.message.slice(0, 200) : 'unparseable';
          return c.json(
            {
              error: {
                code: 'bad_request',
                message: `the body is not valid JSON (${found}); send one JSON document`,
                issues: [{ path: 'body', message: 'invalid JSON', expected: 'a JSON document', found }],
              },
            },
            400,
          );
        }
      }
    }

    if (!write) return next();
    // The audit row rides in the route's own transaction (see audit-context.ts); a write that commits no
    // transaction of its own (e.g. an event already recorded) is audited after it answers 2xx.
    const target = found.params.id ?? (parties.length ? [...new Set(parties)].sort().join(',') : null);
    const detail = {
      route: found.key,
      body_sha256: createHash('sha256').update(bodyText).digest('hex'),
      body_bytes: Buffer.byteLength(bodyText),
      parties: [...new Set(parties)].sort(),
    };
    const entry = { actor: principal.name, tokenId: principal.tokenId, action: `api ${found.key}`, target, detail };
    const run = withPendingAudit(entry, () => next());
    await run;
    if (!run.audit.written && c.res.status >= 200 && c.res.status < 300) {
      try {
        await appendAudit(opts.db, { ...entry, detail: { ...detail, status: c.res.status, transaction: 'none' } });
      } catch (e) {
        opts.log(
          JSON.stringify({
            t: new Date(nowMs()).toISOString(),
            level: 'error',
            event: 'audit_failed',
            route: found.key,
            token_id: principal.tokenId,
            error: String(e),
          }),
        );
      }
    }
  };
}

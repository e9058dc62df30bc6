// Access control for /api, decided once per request after the router has matched: the policy is the one declared
// by the route that will answer (route-policy.ts), never looked up by the raw path. Authenticates the bearer
// token before any validation, rate-limits per token or address, authorises, checks the path and query
// parameters, and audits every write to a declared write route: applied ones in their own transaction, refused
// and failed ones after the answer.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { type Action, ANONYMOUS, authorize, type Decision, type Principal } from '../core/auth/roles.js';
import { textProblem } from '../core/ledger/text.js';
import { type AuditEntry, appendAudit, authenticate } from '../store/auth-store.js';
import type { Db } from '../store/db.js';
import { resolveSession } from '../store/session-store.js';
import { type AuditNote, withNote, withPendingAudit } from './audit-context.js';
import { ApiError, type ApiIssue, errorBody } from './errors.js';
import type { LogSink } from './middleware.js';
import { rateLimitFromEnv, tokenBuckets } from './rate-limit.js';
import { ALL_PARTIES, isWrite, matchedRoute, type RoutePolicy, SESSION } from './route-policy.js';
import { sessionCookie } from './session-cookie.js';

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

type Denial = Extract<Decision, { allow: false }> | { allow: false; status: 429; code: 'rate_limited'; reason: string };

const actionOf = (p: RoutePolicy): Action => (p.action === 'compute' ? 'read' : p.action);

/** Path parameters and query values that cannot be stored or compared: control characters, lone surrogates. */
function parameterIssues(params: Record<string, string>, query: Record<string, string[]>): ApiIssue[] {
  const out: ApiIssue[] = [];
  const check = (where: string, v: string) => {
    const p = textProblem(v, 'line');
    if (p)
      out.push({
        path: where,
        message: `contains ${p.problem} at character ${p.at + 1}`,
        expected: 'printable text without control characters',
        found: JSON.stringify(v.slice(0, 100)),
      });
  };
  for (const [k, v] of Object.entries(params)) check(`param.${k}`, v);
  for (const [k, vs] of Object.entries(query)) {
    check(`query.${k}`, k);
    for (const v of vs) check(`query.${k}`, v);
  }
  return out;
}

/** Strings (keys and values) of a parsed JSON body that no field may store; at most 20, each naming its path. */
function jsonTextIssues(v: unknown): ApiIssue[] {
  const out: ApiIssue[] = [];
  const walk = (x: unknown, path: string, depth: number) => {
    if (out.length >= 20 || depth > 200) return;
    if (typeof x === 'string') {
      const p = textProblem(x, 'transport');
      if (p)
        out.push({
          path,
          message: `contains ${p.problem} at character ${p.at + 1}`,
          expected: 'text without NUL, control characters (tab and newlines allowed) or lone surrogates',
        });
    } else if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) walk(x[i], `${path}[${i}]`, depth + 1);
    } else if (x && typeof x === 'object')
      for (const [k, y] of Object.entries(x)) {
        if (textProblem(k, 'transport'))
          out.push({ path: `${path}.${JSON.stringify(k)}`, message: 'a key holds a control character' });
        walk(y, `${path}.${k}`, depth + 1);
      }
  };
  walk(v, 'body', 0);
  return out;
}

/**
 * A `checked` write route calls this with the parties of exactly the rows (or the record) it is about to write,
 * parsed by the code that writes them, before writing. A party editor is refused (403, thrown) unless every party
 * is its own; everyone else allowed by the route's policy passes. The audit row names these parties.
 */
export function authorizeParties(c: Context, parties: readonly string[], where = 'body'): void {
  const access = c.get('access');
  const principal = c.get('principal');
  if (!access || !principal || access.policy.action !== 'write_operational')
    throw new ApiError('forbidden', 'this write was reached without its access decision; it is refused');
  const list = [...new Set(parties.map((p) => p.trim().toUpperCase()))].sort();
  access.parties = list;
  const d = authorize(principal, 'write_operational', list.length ? list : ['']);
  if (!d.allow)
    throw new ApiError(d.code, `${d.reason}; nothing was written`, [
      { path: where, message: d.reason, expected: principal.party ?? undefined, found: list.join(', ') || '(none)' },
    ]);
}

/**
 * The middleware. Order: the matched route's declared policy (no route: 404 before any handler; a route without
 * a declaration: 403), authentication (an invalid or revoked token is 401, whatever the body), rate limit,
 * authorisation, parameter checks (400), then the handler, then the audit. Tokens never reach the log.
 */
export function apiAuth(opts: AuthOptions): MiddlewareHandler {
  const env = opts.env ?? process.env;
  const privateReads = env.COMPACT_PRIVATE_READS === '1';
  const limitCfg = rateLimitFromEnv(env.COMPACT_RATE_LIMIT);
  const limiter = limitCfg ? tokenBuckets(limitCfg) : null;
  const nowMs = opts.nowMs ?? (() => Date.now());
  const logLine = (o: Record<string, unknown>) =>
    opts.log(JSON.stringify({ t: new Date(nowMs()).toISOString(), ...o }));

  return async (c, next) => {
    const method = c.req.method.toUpperCase();
    const path = new URL(c.req.url).pathname;
    const ip =
      (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ??
      'local';
    const limited = (key: string) => {
      const r = limiter?.take(key, nowMs());
      if (!r || r.ok) return null;
      c.header('Retry-After', String(r.retryAfterSec));
      return {
        allow: false,
        status: 429,
        code: 'rate_limited',
        reason: `too many requests; retry after ${r.retryAfterSec} s`,
      } as const;
    };
    const answer = (d: Denial | { status: 400 | 404; code: string; reason: string; issues: ApiIssue[] }) => {
      if (d.status === 401) c.header('WWW-Authenticate', 'Bearer realm="compact"');
      const issues =
        'issues' in d
          ? d.issues
          : [
              {
                path: d.status === 429 ? 'request' : d.status === 401 ? 'header.authorization' : 'route',
                message: d.reason,
              },
            ];
      return c.json(errorBody(d.code as never, d.reason, issues), d.status);
    };

    const route = matchedRoute(c);
    if (!route) {
      // No route declares this path: refused here, before any handler (rate-limited by address like any request).
      const r = limited(`ip:${ip}`);
      if (r) return answer(r);
      return answer({
        status: 404,
        code: 'not_found',
        reason: `no route ${method} ${path}; the routes are listed at /api/docs`,
        issues: [{ path: 'route', message: 'no such route', found: `${method} ${path}` }],
      });
    }
    const { key, params } = route;
    const deny = (d: Denial, who: Principal | null) => {
      logLine({
        level: 'warn',
        event: 'denied',
        method,
        path,
        route: key,
        token_id: who?.tokenId ?? null,
        status: d.status,
        code: d.code,
      });
      return answer(d);
    };
    if (!route.policy)
      return deny(
        {
          allow: false,
          status: 403,
          code: 'forbidden',
          reason: `${key} declares no access policy (see src/api/route-policy.ts); it is refused until it does`,
        },
        null,
      );
    const policy = route.policy;
    const action = actionOf(policy);
    const write = isWrite(policy);

    // Every request to a write route is audited, refused or not; the body is digested, never stored.
    const body = write ? await c.req.text() : ''; // cached: the route's validator parses the same text
    const base = (who: Principal | null): AuditEntry => ({
      actor: who?.name ?? 'anonymous',
      tokenId: who?.tokenId ?? null,
      action: `api ${key}`,
      target: params.id ?? null,
      detail: {
        route: key,
        path,
        body_sha256: createHash('sha256').update(body).digest('hex'),
        body_bytes: Buffer.byteLength(body),
      },
    });
    const auditAfter = async (who: Principal | null, extra: Record<string, unknown>, note?: AuditNote) => {
      if (!write) return;
      const e = base(who);
      try {
        await appendAudit(opts.db, withNote({ ...e, detail: { ...e.detail, ...extra } }, note ?? { detail: {} }));
      } catch (err) {
        logLine({
          level: 'error',
          event: 'audit_failed',
          route: key,
          token_id: who?.tokenId ?? null,
          error: String(err),
        });
      }
    };
    const refuse = async (d: Denial, who: Principal | null) => {
      await auditAfter(who, { outcome: 'refused', status: d.status, code: d.code });
      return deny(d, who);
    };

    // A bad token on a public read is ignored (the read needs none); anywhere else it is 401.
    const bearer = c.req.header('Authorization');
    let authed = await authenticate(opts.db, bearer);
    // Without a bearer token, the dashboard's session cookie; a cookie write must echo the session's CSRF secret.
    const sid = bearer ? null : sessionCookie(c.req.header('Cookie'));
    if (sid) {
      const s = await resolveSession(opts.db, sid, new Date(nowMs()));
      if (!s && policy !== SESSION)
        return refuse(
          {
            allow: false,
            status: 401,
            code: 'unauthenticated',
            reason: 'the session has expired or ended; sign in again',
          },
          null,
        );
      if (s && write && !sameSecret(c.req.header('X-CSRF-Token'), s.csrf))
        return refuse(
          {
            allow: false,
            status: 403,
            code: 'forbidden',
            reason: 'a write with the session cookie needs the header X-CSRF-Token (csrf of GET /api/session)',
          },
          s.principal,
        );
      if (s) authed = s.principal;
    }
    const principal = authed ?? (action === 'read' && !privateReads ? ANONYMOUS : null);
    const overLimit = limited(principal?.tokenId ? `tok:${principal.tokenId}` : `ip:${ip}`);
    if (overLimit) return refuse(overLimit, principal);
    if (!principal)
      return refuse(
        {
          allow: false,
          status: 401,
          code: 'unauthenticated',
          reason: 'the bearer token is malformed, unknown or revoked; create one with `compact token create`',
        },
        null,
      );

    // null: the role is decided now, the parties by the handler once it has parsed what it will write.
    const parties = policy.action === 'write_operational' ? (policy.parties === 'all' ? [ALL_PARTIES] : null) : [];
    const decision = authorize(principal, action, parties, { privateReads: privateReads && policy !== SESSION });
    if (!decision.allow) return refuse(decision, principal);
    c.set('principal', principal);
    c.set('access', { policy, route: key, params, parties: policy.action === 'write_operational' ? parties : [] });

    const bad = parameterIssues(params, c.req.queries());
    if (bad.length) {
      await auditAfter(principal, { outcome: 'refused', status: 400, code: 'validation' });
      return answer({
        status: 400,
        code: 'validation',
        reason: `invalid request: ${bad.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues: bad,
      });
    }
    // Broken JSON is the client's fault: a coded 400 here (the route validator would throw it as a 500).
    if (method === 'POST' && /^application\/([a-z-.]+\+)?json/i.test(c.req.header('Content-Type') ?? '')) {
      const text = write ? body : await c.req.text();
      if (text.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (e) {
          const found = e instanceof Error ? e.message.slice(0, 200) : 'unparseable';
          await auditAfter(principal, { outcome: 'refused', status: 400, code: 'bad_request' });
          return answer({
            status: 400,
            code: 'bad_request',
            reason: `the body is not valid JSON (${found}); send one JSON document`,
            issues: [{ path: 'body', message: 'invalid JSON', expected: 'a JSON document', found }],
          });
        }
        // No string of any body may hold NUL, other C0 controls or a lone surrogate (JSON can spell all three).
        const badText = jsonTextIssues(parsed);
        if (badText.length) {
          await auditAfter(principal, { outcome: 'refused', status: 400, code: 'validation' });
          return answer({
            status: 400,
            code: 'validation',
            reason: `invalid request: ${badText.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
            issues: badText,
          });
        }
      }
    }

    if (!write) return next();
    const access = c.get('access');
    const partiesNow = () => access.parties ?? [];
    const target = () => params.id ?? (partiesNow().length ? partiesNow().join(',') : null);
    const run = withPendingAudit(
      {
        mayCommit: () => {
          if (policy.action === 'write_operational' && access.parties === null)
            throw new Error(`${key}: an operational write reached the store before its parties were checked`);
        },
        entry: (written) => {
          const e = base(principal);
          return {
            ...e,
            target: target(),
            detail: { ...e.detail, parties: partiesNow(), outcome: 'applied', status: 201, written },
          };
        },
      },
      () => next(),
    );
    await run;
    const status = c.res.status;
    const note = run.audit.note;
    if (!run.audit.written) {
      const outcome = status < 300 ? 'applied' : status < 500 ? 'refused' : 'failed';
      const code = status >= 300 ? await errorCode(c.res) : undefined;
      await auditAfter(
        principal,
        {
          parties: partiesNow(),
          outcome,
          status,
          ...(code ? { code } : {}),
          ...(outcome === 'applied' ? { written: {}, transaction: 'none' } : {}),
        },
        note,
      );
    } else if (status !== 201) {
      // The write committed with its row saying 201, but the answer was another: say so.
      await auditAfter(principal, { parties: partiesNow(), outcome: 'failed', status, after_commit: true }, note);
    }
  };
}

function sameSecret(sent: string | undefined, want: string): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function errorCode(res: Response): Promise<string | undefined> {
  try {
    const j = (await res.clone().json()) as { error?: { code?: unknown } };
    return typeof j.error?.code === 'string' ? j.error.code : undefined;
  } catch {
    return undefined;
  }
}

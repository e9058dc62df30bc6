// Cross-cutting HTTP concerns: security headers, one JSON log line per request, weak ETags on reads.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Content-Security-Policy of every response: no inline scripts, nothing from another origin. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
  };
}

/** Where log lines go; the default writes to stderr. */
export type LogSink = (line: string) => void;

/**
 * One JSON line per request: time, method, path (no query string, which may carry tokens), status, duration
 * in ms. Headers are never logged, so Authorization and cookies cannot leak.
 */
export function requestLog(sink: LogSink, now: () => number = () => performance.now()): MiddlewareHandler {
  return async (c, next) => {
    const t0 = now();
    await next();
    const url = new URL(c.req.url);
    sink(
      JSON.stringify({
        t: new Date().toISOString(),
        method: c.req.method,
        path: url.pathname,
        status: c.res.status,
        ms: Math.round((now() - t0) * 100) / 100,
      }),
    );
  };
}

/**
 * Weak ETag (W/"<sha256 of the body, base64url, 27 chars>") on successful GET responses; answers 304 without
 * a body when If-None-Match names it.
 */
export function weakEtag(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const body = await c.res.clone().arrayBuffer();
    const tag = `W/"${createHash('sha256').update(new Uint8Array(body)).digest('base64url').slice(0, 27)}"`;
    const match = c.req.header('If-None-Match');
    if (
      match
        ?.split(',')
        .map((s) => s.trim())
        .some((t) => t === tag || t === '*' || t.replace(/^W\//, '') === tag.slice(2))
    ) {
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Length');
      headers.delete('Content-Type');
      c.res = new Response(null, { status: 304, headers });
      c.res.headers.set('ETag', tag);
      return;
    }
    c.res.headers.set('ETag', tag);
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
  };
}

/** A short content hash for cache-busting names. */
export function shortHash(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('base64url').slice(0, 12);
}

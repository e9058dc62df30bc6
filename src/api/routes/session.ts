// Sign-in for the dashboard: POST /api/session trades a token (in the body, never the URL) for an HttpOnly
// session cookie; GET tells who is signed in and the CSRF secret writes must echo; DELETE signs out.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { authenticate } from '../../store/auth-store.js';
import { closeSession, openSession, resolveSession, SESSION_HOURS } from '../../store/session-store.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { policy, SESSION } from '../route-policy.js';
import { errorResponses, errorSchema } from '../schemas.js';
import { overTls, sessionCookie, setCookie } from '../session-cookie.js';

const tags = ['session'];
const sessionSchema = z
  .object({
    signed_in: z.boolean(),
    name: z.string().nullable(),
    role: z.string().nullable(),
    party: z.string().nullable(),
    csrf: z.string().nullable().openapi({ description: 'send as X-CSRF-Token on every write made with the cookie' }),
    expires_at: z.string().nullable(),
  })
  .openapi('Session');
const none = { signed_in: false, name: null, role: null, party: null, csrf: null, expires_at: null };

export function sessionRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags,
      middleware: policy(SESSION),
      summary: 'Sign in with a token; sets the session cookie',
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ token: z.string().min(1).max(200) }).strict() } },
        },
      },
      responses: {
        201: { description: 'Signed in', content: { 'application/json': { schema: sessionSchema } } },
        400: errorResponses[400],
        401: { description: 'Not a valid token', content: { 'application/json': { schema: errorSchema } } },
      },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      const who = await authenticate(deps.db, `Bearer ${token}`);
      if (!who?.tokenId)
        throw new ApiError('unauthenticated', 'the token is malformed, unknown or revoked; nobody was signed in', [
          { path: 'body.token', message: 'not a valid token' },
        ]);
      const s = await openSession(deps.db, who.tokenId, deps.now());
      c.header(
        'Set-Cookie',
        setCookie(s.id, SESSION_HOURS * 3600, overTls(c.req.url, c.req.header('X-Forwarded-Proto'))),
      );
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          signed_in: true,
          name: who.name,
          role: who.role,
          party: who.party,
          csrf: s.csrf,
          expires_at: s.expiresAt.toISOString(),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags,
      middleware: policy(SESSION),
      summary: 'Who is signed in (never the token)',
      responses: {
        200: { description: 'The session', content: { 'application/json': { schema: sessionSchema } } },
        400: errorResponses[400],
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      const sid = sessionCookie(c.req.header('Cookie'));
      const s = sid ? await resolveSession(deps.db, sid, deps.now()) : null;
      if (!s) return c.json(none, 200);
      const p = s.principal;
      return c.json(
        { signed_in: true, name: p.name, role: p.role, party: p.party, csrf: s.csrf, expires_at: s.expiresAt },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      tags,
      middleware: policy(SESSION),
      summary: 'Sign out: ends the session and clears the cookie',
      responses: {
        200: { description: 'Signed out', content: { 'application/json': { schema: sessionSchema } } },
        400: errorResponses[400],
      },
    }),
    async (c) => {
      const sid = sessionCookie(c.req.header('Cookie'));
      if (sid) await closeSession(deps.db, sid);
      c.header('Set-Cookie', setCookie('', 0, overTls(c.req.url, c.req.header('X-Forwarded-Proto'))));
      return c.json(none, 200);
    },
  );
}

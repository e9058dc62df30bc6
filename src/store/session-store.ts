// Dashboard sessions: opened with a valid token, resolved from the cookie to the token's principal (a revoked
// token ends its sessions at once), closed on sign-out. The session id is only ever stored as its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { Principal, Role } from '../core/auth/roles.js';
import type { Queryable } from './db.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const SESSION_HOURS = 12;

export interface OpenedSession {
  /** The cookie value; shown to the client once. */
  id: string;
  csrf: string;
  expiresAt: Date;
}

export async function openSession(db: Queryable, tokenId: string, now: Date): Promise<OpenedSession> {
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.query('DELETE FROM sessions WHERE expires_at < $1', [now.toISOString()]);
  await db.query('INSERT INTO sessions (id_sha256, token_id, csrf, expires_at) VALUES ($1,$2,$3,$4)', [
    sha256(id),
    tokenId,
    csrf,
    expiresAt.toISOString(),
  ]);
  return { id, csrf, expiresAt };
}

/** The principal and CSRF secret of a live session, or null (unknown, expired, or its token revoked). */
export async function resolveSession(
  db: Queryable,
  id: string,
  now: Date,
): Promise<{ principal: Principal; csrf: string; expiresAt: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const row = (
    await db.query<{ id: string; name: string; role: Role; party: string | null; csrf: string; expires_at: string }>(
      `SELECT t.id, t.name, t.role, t.party, s.csrf, s.expires_at FROM sessions s JOIN api_tokens t ON t.id = s.token_id
        WHERE s.id_sha256 = $1 AND s.expires_at > $2 AND t.revoked_at IS NULL`,
      [sha256(id), now.toISOString()],
    )
  ).rows[0];
  if (!row) return null;
  return {
    principal: { tokenId: row.id, name: row.name, role: row.role, party: row.party },
    csrf: row.csrf,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

export async function closeSession(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM sessions WHERE id_sha256 = $1', [sha256(id)])).rowCount !== 0;
}

// Tokens and the audit log: creating and revoking tokens, resolving a bearer token to a principal, appending audit rows.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ANONYMOUS, type Principal, ROLES, type Role } from '../core/auth/roles.js';
import type { Db, Queryable } from './db.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewToken {
  id: string;
  /** Shown once; only its hash is stored. */
  token: string;
  name: string;
  role: Role;
  party: string | null;
}

export class AuthInputError extends Error {}

/** Creates a token and records the act in the audit log, in one transaction. */
export async function createToken(
  db: Db,
  input: { name: string; role: string; party?: string | null },
  actor = 'cli',
): Promise<NewToken> {
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new AuthInputError(`role: expected one of ${ROLES.join(', ')}, found ${input.role}`);
  const role = input.role as Role;
  const party = input.party ? input.party.toUpperCase() : null;
  if (role === 'party_editor' && !party)
    throw new AuthInputError('party: a party_editor token is bound to one party; give --party CODE');
  if (role !== 'party_editor' && party)
    throw new AuthInputError(`party: only party_editor tokens are bound to a party (role ${role} acts for all)`);
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(24).toString('base64url');
  return db.transaction(async (tx) => {
    if (party) {
      const known = await tx.query('SELECT 1 FROM parties WHERE code = $1', [party]);
      if (known.rows.length === 0)
        throw new AuthInputError(`party: unknown party ${party}; list them with \`compact parties\``);
    }
    await tx.query('INSERT INTO api_tokens (id, name, role, party, secret_sha256) VALUES ($1,$2,$3,$4,$5)', [
      id,
      input.name,
      role,
      party,
      sha256(secret),
    ]);
    await appendAudit(tx, { actor, action: 'token.create', target: id, detail: { name: input.name, role, party } });
    return { id, token: `${id}.${secret}`, name: input.name, role, party };
  });
}

export async function revokeToken(db: Db, id: string, actor = 'cli'): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = await tx.query<{ id: string }>(
      'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id],
    );
    if (r.rows.length === 0) return false;
    await appendAudit(tx, { actor, action: 'token.revoke', target: id, detail: {} });
    return true;
  });
}

export async function listTokens(db: Queryable) {
  return (
    await db.query<{
      id: string;
      name: string;
      role: string;
      party: string | null;
      created_at: string;
      revoked_at: string | null;
    }>('SELECT id, name, role, party, created_at, revoked_at FROM api_tokens ORDER BY created_at, id')
  ).rows;
}

/** Resolves `Authorization: Bearer <token>`; anything missing or wrong is anonymous or null (invalid). */
export async function authenticate(db: Queryable, header: string | undefined | null): Promise<Principal | null> {
  if (!header) return ANONYMOUS;
  const m = /^Bearer\s+(tok_[0-9a-f]{12})\.([A-Za-z0-9_-]{16,64})$/.exec(header.trim());
  if (!m) return null;
  const row = (
    await db.query<{
      id: string;
      name: string;
      role: Role;
      party: string | null;
      secret_sha256: string;
      revoked_at: string | null;
    }>('SELECT id, name, role, party, secret_sha256, revoked_at FROM api_tokens WHERE id = $1', [m[1]])
  ).rows[0];
  if (!row || row.revoked_at) return null;
  const a = Buffer.from(row.secret_sha256, 'hex');
  const b = Buffer.from(sha256(m[2]!), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { tokenId: row.id, name: row.name, role: row.role, party: row.party };
}

export interface AuditEntry {
  actor: string;
  tokenId?: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one audit row; call it inside the transaction of the write it records. */
export async function appendAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor, token_id, action, target, detail) VALUES ($1,$2,$3,$4,$5)', [
    e.actor,
    e.tokenId ?? null,
    e.action,
    e.target ?? null,
    JSON.stringify(e.detail ?? {}),
  ]);
}

export async function listAudit(
  db: Queryable,
  f: { actor?: string; action?: string; afterSeq?: number; limit?: number } = {},
) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.actor) where.push(`actor = $${params.push(f.actor)}`);
  if (f.action) where.push(`action LIKE $${params.push(`${f.action}%`)}`);
  if (f.afterSeq) where.push(`seq > $${params.push(f.afterSeq)}`);
  const sql = `SELECT seq, at, actor, token_id, action, target, detail FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT $${params.push(f.limit ?? 1000)}`;
  return (
    await db.query<{
      seq: number;
      at: string;
      actor: string;
      token_id: string | null;
      action: string;
      target: string | null;
      detail: unknown;
    }>(sql, params)
  ).rows;
}

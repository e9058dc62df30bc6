// Puts the audit row of an API write inside the write's own transaction: the auth middleware names the pending
// row for the request, and the store handed to the routes appends it in the first transaction the route commits.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type AuditEntry, appendAudit } from '../store/auth-store.js';
import type { Db } from '../store/db.js';

interface RequestAudit {
  pending: AuditEntry;
  written: boolean;
}

const requests = new AsyncLocalStorage<RequestAudit>();

/** Runs `fn` (the rest of the request) with `entry` as the audit row its first committed transaction carries. */
export function withPendingAudit<T>(entry: AuditEntry, fn: () => Promise<T>): Promise<T> & { audit: RequestAudit } {
  const ctx: RequestAudit = { pending: entry, written: false };
  const p = requests.run(ctx, fn) as Promise<T> & { audit: RequestAudit };
  p.audit = ctx;
  return p;
}

/**
 * Wraps a store so that a transaction run while a write request is pending also appends that request's audit
 * row before it commits: the write and its audit land together or not at all.
 */
export function auditedDb(db: Db): Db {
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const out = await fn(tx);
        const ctx = requests.getStore();
        if (ctx && !ctx.written) {
          await appendAudit(tx, ctx.pending);
          ctx.written = true;
        }
        return out;
      }),
  };
}

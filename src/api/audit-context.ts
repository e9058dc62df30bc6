// Puts the audit row of an API write inside the write's own transaction: the access middleware names the pending
// write for the request, and the store handed to the routes appends its row in the first transaction of the
// request that changes rows, with the rows it changed per table. A transaction that changes nothing (a refused
// import) carries no row: the middleware then audits the refusal after the answer.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type AuditEntry, appendAudit } from '../store/auth-store.js';
import type { Db, Queryable } from '../store/db.js';

export interface PendingWrite {
  /** Throws when this write may not commit (e.g. its parties were never checked); the transaction rolls back. */
  mayCommit(): void;
  /** The audit row, built at commit time (the parties are known by then), given the rows changed per table. */
  entry(written: Record<string, number>): AuditEntry;
}

/** What a route adds to its audit row (noteAudit): a target it parsed, details such as a document's hash. */
export interface AuditNote {
  target?: string;
  detail: Record<string, unknown>;
}

interface RequestAudit {
  pending: PendingWrite;
  written: boolean;
  note: AuditNote;
}

const requests = new AsyncLocalStorage<RequestAudit>();

/** Runs `fn` (the rest of the request) with `pending` as the write its first changing transaction carries. */
export function withPendingAudit<T>(pending: PendingWrite, fn: () => Promise<T>): Promise<T> & { audit: RequestAudit } {
  const ctx: RequestAudit = { pending, written: false, note: { detail: {} } };
  const p = requests.run(ctx, fn) as Promise<T> & { audit: RequestAudit };
  p.audit = ctx;
  return p;
}

/**
 * Adds to the audit row of the write request being served: `target` (e.g. the record id parsed from the body)
 * and `detail` fields. Called by a route before it writes; the row written with the write, or the refusal's row
 * after the answer, carries them. Outside a write request it does nothing.
 */
export function noteAudit(note: { target?: string; detail?: Record<string, unknown> }): void {
  const ctx = requests.getStore();
  if (!ctx) return;
  if (note.target !== undefined) ctx.note.target = note.target;
  Object.assign(ctx.note.detail, note.detail ?? {});
}

/** The entry with a route's note merged in. */
export function withNote(e: AuditEntry, note: AuditNote): AuditEntry {
  return { ...e, target: note.target ?? e.target, detail: { ...e.detail, ...note.detail } };
}

/** Runs `fn` outside any request's audit (system work such as seeding the ledger on first use). */
export function unaudited<T>(fn: () => Promise<T>): Promise<T> {
  return requests.exit(fn);
}

const CHANGE = /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;

/**
 * Wraps a store so that a transaction run while a write request is pending, and that changes rows, also appends
 * that request's audit row before it commits: the write and its audit land together or not at all.
 */
export function auditedDb(db: Db): Db {
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (fn) => {
      const ctx = requests.getStore();
      if (!ctx || ctx.written) return db.transaction(fn);
      return db.transaction(async (tx) => {
        const written: Record<string, number> = {};
        const counting: Queryable = {
          query: async <T>(sql: string, params?: unknown[]) => {
            const r = await tx.query<T>(sql, params);
            const m = CHANGE.exec(sql);
            if (m && (r.rowCount ?? 1) > 0) written[m[1]!] = (written[m[1]!] ?? 0) + (r.rowCount ?? 1);
            return r;
          },
          exec: async (sql) => {
            await tx.exec(sql);
            const m = CHANGE.exec(sql);
            if (m) written[m[1]!] = (written[m[1]!] ?? 0) + 1;
          },
        };
        const out = await fn(counting);
        if (Object.keys(written).length) {
          ctx.pending.mayCommit();
          await appendAudit(tx, withNote(ctx.pending.entry(written), ctx.note));
          ctx.written = true;
        }
        return out;
      });
    },
  };
}

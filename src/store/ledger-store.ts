// The ledger in the store: append in one locked transaction (numbered, hash-chained), read in keyset pages, verify.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../core/issues.js';
import { inheritedCapability } from '../core/ledger/coverage.js';
import {
  canonicalEntry,
  chainInput,
  type EffectiveType,
  type EntryDraft,
  GENESIS_HASH,
  type LedgerBucket,
  type LedgerEntry,
} from '../core/ledger/index.js';
import type { Capability } from '../core/taxonomy.js';
import { readLedgerCsv } from '../data/load-ledger-data.js';
import type { Db, Queryable } from './db.js';
import { checkLinks } from './ledger-links.js';

const COLS = [
  'seq',
  'ref',
  'entry_type',
  'effective_type',
  'provider',
  'recipient',
  'agreement_id',
  'provision_id',
  'pledge_ref',
  'amount',
  'currency',
  'date',
  'year_from',
  'year_to',
  'kind',
  'capability',
  'item',
  'quantity',
  'status',
  'channel',
  'within_ref',
  'corrects',
  'supersedes',
  'source_url',
  'source_quote',
  'note',
  'recorded_at',
  'prev_hash',
  'hash',
] as const;
const SELECT = COLS.map((c) =>
  c === 'amount' ? 'amount::text AS amount' : c === 'date' ? "to_char(date, 'YYYY-MM-DD') AS date" : c,
).join(', ');
const LOCK = 727003;

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A draft with the CSV line (or other locator) it came from, so issues can name it. */
export interface Located {
  line?: number;
  draft: EntryDraft;
}

export type AppendResult = { ok: true; appended: number; head: LedgerHead } | { ok: false; issues: Issue[] };

export interface LedgerHead {
  count: number;
  /** Hash of the last entry; GENESIS_HASH for an empty ledger. */
  head_hash: string;
}

/**
 * Appends drafts in ONE transaction under an advisory lock, so concurrent writers serialise and the chain has
 * no forks. Every draft is checked against the registry (agreement, provision, party, pledge) and the ledger
 * (unique ref; `corrects` and `within` point at existing or earlier entries) before anything is written: any
 * issue means nothing is written. `recordedAt` is the instant stored (and hashed) with each entry.
 */
export async function appendEntries(
  db: Db,
  drafts: Located[],
  recordedAt: string,
  onProgress?: (done: number, total: number) => void,
): Promise<AppendResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    const { issues, effective } = await checkLinks(tx, drafts);
    if (issues.length) return { ok: false, issues };
    const head = await ledgerHead(tx);
    let prev = head.head_hash;
    let seq = head.count;
    const rows: unknown[][] = [];
    for (const { draft } of drafts) {
      seq++;
      const content = { ...draft, seq, effective_type: effective.get(draft.ref)!, recorded_at: recordedAt };
      const hash = sha256Hex(chainInput(prev, canonicalEntry(content)));
      rows.push(
        COLS.map((c) =>
          c === 'prev_hash'
            ? prev
            : c === 'hash'
              ? hash
              : c === 'within_ref'
                ? draft.within
                : (content as unknown as Record<string, unknown>)[c],
        ),
      );
      prev = hash;
    }
    const chunk = 200;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const values = part.map((_, r) => `(${COLS.map((__, c) => `$${r * COLS.length + c + 1}`).join(',')})`).join(',');
      await tx.query(`INSERT INTO ledger_entries (${COLS.join(',')}) VALUES ${values}`, part.flat());
      onProgress?.(Math.min(i + chunk, rows.length), rows.length);
    }
    return { ok: true, appended: rows.length, head: { count: seq, head_hash: prev } };
  });
}

/** Number of entries and the hash of the last one. */
export async function ledgerHead(db: Queryable): Promise<LedgerHead> {
  const r = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1',
  );
  return r.rows[0]
    ? { count: Number(r.rows[0].seq), head_hash: r.rows[0].hash }
    : { count: 0, head_hash: GENESIS_HASH };
}

type Row = Omit<LedgerEntry, 'within'> & { within_ref: string | null };

function toEntry(r: Row): LedgerEntry {
  const { within_ref, ...rest } = r;
  return {
    ...rest,
    seq: Number(r.seq),
    quantity: r.quantity === null ? null : Number(r.quantity),
    within: within_ref,
    effective_type: r.effective_type as EffectiveType,
  };
}

export interface LedgerFilter {
  provider?: string;
  agreement?: string;
  type?: string;
}

/** One keyset page of entries after `afterSeq`, in sequence order. */
export async function ledgerPage(
  db: Queryable,
  afterSeq: number,
  limit: number,
  f: LedgerFilter = {},
): Promise<LedgerEntry[]> {
  const params: unknown[] = [afterSeq, limit];
  const where = ['seq > $1'];
  if (f.provider) where.push(`provider = $${params.push(f.provider)}`);
  if (f.agreement) where.push(`agreement_id = $${params.push(f.agreement)}`);
  if (f.type) where.push(`effective_type = $${params.push(f.type)}`);
  const r = await db.query<Row>(
    `SELECT ${SELECT} FROM ledger_entries WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $2`,
    params,
  );
  return r.rows.map(toEntry);
}

/** Streams every entry matching the filter in keyset pages of `pageSize`; memory stays bounded. */
export async function* streamLedger(
  db: Queryable,
  f: LedgerFilter = {},
  pageSize = 5000,
): AsyncGenerator<LedgerEntry[]> {
  let after = 0;
  for (;;) {
    const page = await ledgerPage(db, after, pageSize, f);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.seq;
  }
}

/** Every entry (for the pure views and the analysis engine). Use streamLedger for very large ledgers. */
export async function readLedger(db: Queryable, f: LedgerFilter = {}): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  for await (const page of streamLedger(db, f)) out.push(...page);
  return out;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  head: LedgerHead;
  /** The first entry whose stored hash, chain link or sequence does not match what its content gives. */
  first_bad: { seq: number; ref: string; reason: string } | null;
}

/**
 * Recomputes the chain from the first entry, page by page, and stops at the first entry that does not match:
 * a changed field (its hash differs), a broken link (prev_hash is not the previous hash) or a gap in sequence
 * (a deleted row). The append-only trigger stops ordinary writes; this is what catches writes around it.
 */
export async function verifyLedger(
  db: Queryable,
  opts: { pageSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectSeq = 1;
  let checked = 0;
  for await (const page of streamLedger(db, {}, opts.pageSize ?? 5000)) {
    for (const e of page) {
      const bad = (reason: string) => ({
        ok: false,
        checked,
        head: { count: checked, head_hash: prev },
        first_bad: { seq: e.seq, ref: e.ref, reason },
      });
      if (e.seq !== expectSeq)
        return bad(`sequence gap: expected entry ${expectSeq}, found ${e.seq} (an entry was removed)`);
      if (e.prev_hash !== prev) return bad("prev_hash does not match the previous entry's hash");
      const h = sha256Hex(chainInput(prev, canonicalEntry(e)));
      if (h !== e.hash)
        return bad(
          `content does not match its hash (stored ${e.hash.slice(0, 12)}…, recomputed ${h.slice(0, 12)}…): a field was changed`,
        );
      prev = e.hash;
      expectSeq++;
      checked++;
    }
    opts.onProgress?.(checked);
  }
  return { ok: true, checked, head: { count: checked, head_hash: prev }, first_bad: null };
}

/**
 * Effective entries summed in SQL by every dimension the views use, so views over 10^7 entries read a few
 * thousand rows: superseded entries and parts `within` larger ones are left out; amountless entries too.
 */
export async function ledgerBuckets(db: Queryable): Promise<LedgerBucket[]> {
  // The clause each line fulfils lends its capability to a line without one (inheritedCapability).
  const r = await db.query<LedgerBucket & { amount: string; count: number; clause: Capability[] | null }>(`
    SELECT e.effective_type, e.provider, e.agreement_id, e.kind, e.capability, e.status, e.channel, e.currency,
      extract(year FROM e.date)::int AS date_year, e.year_from, e.year_to, sum(e.amount)::text AS amount, count(*)::int AS count,
      p.capabilities AS clause
    FROM ledger_entries e
    LEFT JOIN provisions p ON p.record_id = e.agreement_id AND p.provision_id = e.provision_id
    WHERE e.within_ref IS NULL AND e.amount IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes)
    GROUP BY e.effective_type, e.provider, e.agreement_id, e.kind, e.capability, e.status, e.channel, e.currency, date_year, e.year_from, e.year_to, p.capabilities`);
  return r.rows.map(({ clause, ...b }) => ({
    ...b,
    capability: inheritedCapability(b.capability, clause),
    date_year: Number(b.date_year),
    count: Number(b.count),
  }));
}

/**
 * Fills an empty ledger from `<dataDir>/ledger/seed.csv` (the agreements' own pledges, each citing its source)
 * in one transaction. Does nothing when the ledger already has entries or there is no seed file.
 * Returns the number of entries appended, or the issues that stopped it (then nothing is written).
 */
export async function seedLedger(
  db: Db,
  dataDir: string,
  recordedAt = new Date().toISOString(),
): Promise<{ appended: number; issues: Issue[] }> {
  if ((await ledgerHead(db)).count > 0) return { appended: 0, issues: [] };
  const file = join(dataDir, 'ledger', 'seed.csv');
  if (!existsSync(file)) return { appended: 0, issues: [] };
  const { rows, issues } = await readLedgerCsv(file);
  if (issues.length) return { appended: 0, issues };
  const r = await appendEntries(db, rows, recordedAt);
  return r.ok ? { appended: r.appended, issues: [] } : { appended: 0, issues: r.issues.map((i) => ({ ...i, file })) };
}

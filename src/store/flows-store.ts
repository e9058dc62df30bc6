// Tracker releases in the store: import (one transaction: ledger entries, corrections, release facts), the
// current state of every cell, revisions, and the aggregates the flow views read.
import { createHash } from 'node:crypto';
import {
  type CellChange,
  type CellState,
  parseCitation,
  releaseCells,
  releaseMeasures,
  revisionDrafts,
} from '../core/flows/cells.js';
import type { ParsedRelease } from '../core/flows/parse.js';
import type { FlowMonth, FlowReleaseFacts } from '../core/flows/views.js';
import type { Issue } from '../core/issues.js';
import { fromMinor } from '../core/ledger/money.js';
import type { SupportKind } from '../core/ledger/types.js';
import type { Db, Queryable } from './db.js';
import { appendInTransaction, type LedgerHead } from './ledger-store.js';

const LOCK = 727008;

export type FlowImportResult =
  | {
      ok: true;
      /** Set when these exact files were imported before: nothing was written. */
      unchanged_since: { import_id: number; imported_at: string } | null;
      import_id: number | null;
      appended: number;
      corrected: number;
      new_cells: number;
      changes: CellChange[];
      head: LedgerHead | null;
    }
  | { ok: false; issues: Issue[] };

/** sha256 over the tracker files' names and checksums, in name order. */
export function fingerprint(r: ParsedRelease): string {
  const s = [...r.files]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((f) => `${f.name} ${f.sha256}`)
    .join('\n');
  return createHash('sha256').update(s).digest('hex');
}

/** The latest entry of every tracker cell (key = the ref of its first entry). */
export async function trackerState(tx: Queryable): Promise<Map<string, CellState>> {
  const r = await tx.query<{
    ref: string;
    amount: string | null;
    quantity: string | number | null;
    provider: string;
    date: string;
    kind: SupportKind;
    item: string | null;
    within_ref: string | null;
  }>(
    `SELECT ref, amount::text AS amount, quantity, provider, to_char(date, 'YYYY-MM-DD') AS date, kind, item, within_ref
     FROM ledger_entries WHERE starts_with(ref, 'kiel:') ORDER BY seq`,
  );
  const out = new Map<string, CellState>();
  for (const e of r.rows) {
    const key = e.ref.replace(/:v\d+$/, '');
    const prior = out.get(key);
    out.set(key, {
      ref: e.ref,
      amount: e.amount,
      quantity: e.quantity === null ? null : Number(e.quantity),
      provider: e.provider,
      date: e.date,
      kind: e.kind,
      item: e.item,
      within: e.within_ref,
      versions: (prior?.versions ?? 0) + 1,
    });
  }
  return out;
}

/**
 * Imports a parsed, identity-checked release in ONE transaction: new cells as entries, changed cells as
 * corrections (chained into the ledger), plus the release's files, donor GDP and EU shares. The same files a
 * second time write nothing.
 */
export async function importRelease(
  db: Db,
  r: ParsedRelease,
  recordedAt: string,
  onProgress?: (done: number, total: number) => void,
): Promise<FlowImportResult> {
  const fp = fingerprint(r);
  return db.transaction(async (tx): Promise<FlowImportResult> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    const seen = (
      await tx.query<{ id: number; imported_at: string }>(
        'SELECT id, imported_at FROM flow_imports WHERE fingerprint = $1',
        [fp],
      )
    ).rows[0];
    if (seen)
      return {
        ok: true,
        unchanged_since: { import_id: Number(seen.id), imported_at: seen.imported_at },
        import_id: null,
        appended: 0,
        corrected: 0,
        new_cells: 0,
        changes: [],
        head: null,
      };
    const state = await trackerState(tx);
    const { drafts, changes } = revisionDrafts(r.info, releaseCells(r), state, releaseMeasures(r));
    const res = await appendInTransaction(
      tx,
      drafts.map((draft) => ({ draft })),
      recordedAt,
      onProgress,
    );
    if (!res.ok) return res;
    const id =
      Number((await tx.query<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM flow_imports')).rows[0]!.n) + 1;
    const corrected = drafts.filter((d) => d.entry_type === 'correction').length;
    await tx.query(
      `INSERT INTO flow_imports (id, release, period, release_date, label, files, fingerprint, imported_at, appended,
         corrected, first_seq, last_seq) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        id,
        r.info.release,
        r.info.period,
        r.info.date,
        r.info.label,
        JSON.stringify(r.files),
        fp,
        recordedAt,
        drafts.length,
        corrected,
        drafts.length ? res.head.count - drafts.length + 1 : null,
        drafts.length ? res.head.count : null,
      ],
    );
    const donors = new Map<string, (typeof r.donorMonths)[number]>();
    for (const d of r.donorMonths) donors.set(d.party, d);
    const dv = [...donors.values()];
    if (dv.length)
      await tx.query(
        `INSERT INTO flow_donors (import_id, party, iso, country, gdp_2021_bn, line)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::int[])`,
        [
          id,
          dv.map((d) => d.party),
          dv.map((d) => d.iso),
          dv.map((d) => d.country),
          dv.map((d) => d.gdp),
          dv.map((d) => d.line),
        ],
      );
    if (r.euShares.length)
      await tx.query(
        `INSERT INTO flow_eu_shares (import_id, party, iso, country, bilateral_pct_gdp, eu_share_pct_gdp, total_pct_gdp,
           eu_share, line)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[],
           $8::numeric[], $9::int[])`,
        [
          id,
          r.euShares.map((e) => e.party),
          r.euShares.map((e) => e.iso),
          r.euShares.map((e) => e.country),
          r.euShares.map((e) => e.bilateral_pct_gdp),
          r.euShares.map((e) => e.eu_share_pct_gdp),
          r.euShares.map((e) => e.total_pct_gdp),
          r.euShares.map((e) => fromMinor(e.eu_share)),
          r.euShares.map((e) => e.line),
        ],
      );
    return {
      ok: true,
      unchanged_since: null,
      import_id: id,
      appended: drafts.length,
      corrected,
      new_cells: changes.filter((c) => c.change === 'new').length,
      changes,
      head: res.head,
    };
  });
}

export interface FlowImportRow {
  id: number;
  release: string;
  period: string;
  release_date: string;
  label: string;
  files: { name: string; sha256: string; form: string; rows: number }[];
  imported_at: string;
  appended: number;
  corrected: number;
  first_seq: number | null;
  last_seq: number | null;
}

export async function listImports(db: Queryable): Promise<FlowImportRow[]> {
  const r = await db.query<FlowImportRow>('SELECT * FROM flow_imports ORDER BY id');
  return r.rows.map((x) => ({
    ...x,
    id: Number(x.id),
    files: typeof x.files === 'string' ? JSON.parse(x.files) : x.files,
    first_seq: x.first_seq === null ? null : Number(x.first_seq),
    last_seq: x.last_seq === null ? null : Number(x.last_seq),
  }));
}

export interface FlowRevision {
  seq: number;
  ref: string;
  corrects: string;
  from_amount: string | null;
  to_amount: string | null;
  from_quantity: number | null;
  to_quantity: number | null;
  recorded_at: string;
  release: string | null;
  file: string | null;
  sha256: string | null;
  line: number | null;
}

/** Every correction the tracker imports made: which cell, from what to what, when, from which file and row. */
export async function listRevisions(db: Queryable): Promise<FlowRevision[]> {
  const r = await db.query<{
    seq: number;
    ref: string;
    corrects: string;
    to_amount: string | null;
    from_amount: string | null;
    to_quantity: number | null;
    from_quantity: number | null;
    recorded_at: string;
    note: string | null;
  }>(
    `SELECT c.seq, c.ref, c.corrects, c.amount::text AS to_amount, t.amount::text AS from_amount,
       c.quantity AS to_quantity, t.quantity AS from_quantity, c.recorded_at, c.note
     FROM ledger_entries c JOIN ledger_entries t ON t.ref = c.corrects
     WHERE starts_with(c.ref, 'kiel:') AND c.entry_type = 'correction' ORDER BY c.seq`,
  );
  return r.rows.map((x) => {
    const cite = parseCitation(x.note);
    return {
      seq: Number(x.seq),
      ref: x.ref,
      corrects: x.corrects,
      from_amount: x.from_amount,
      to_amount: x.to_amount,
      from_quantity: x.from_quantity === null ? null : Number(x.from_quantity),
      to_quantity: x.to_quantity === null ? null : Number(x.to_quantity),
      recorded_at: x.recorded_at,
      release: cite?.release ?? null,
      file: cite?.file ?? null,
      sha256: cite?.sha256 ?? null,
      line: cite?.line || null,
    };
  });
}

/**
 * The tracker's effective figures summed per donor, month, type and kind in SQL (superseded entries and the
 * systems within a weapons category left out), so the views read a few thousand rows at any ledger size.
 */
export async function flowMonths(db: Queryable): Promise<FlowMonth[]> {
  // The cells change only with the ledger: one read per ledger head, shared by every view until the next append.
  const head = (await db.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM ledger_entries')).rows[0]?.seq ?? '';
  const memo = monthsMemo.get(db);
  if (memo && memo.head === head) return memo.months;
  // Frozen: every caller shares the one array.
  const months = Object.freeze((await readFlowMonths(db)).map((m) => Object.freeze(m))) as FlowMonth[];
  monthsMemo.set(db, { head, months });
  return months;
}

const monthsMemo = new WeakMap<Queryable, { head: string; months: FlowMonth[] }>();

async function readFlowMonths(db: Queryable): Promise<FlowMonth[]> {
  // One row holding every cell as JSON text: the drivers pay per row and per field, and 10^4 cells as rows cost
  // several times what one JSON.parse of the same cells does.
  const r = await db.query<{ cells: string | null }>(`
    SELECT json_agg(json_build_array(provider, y, m, effective_type, kind, amount::text)
      ORDER BY provider, y, m, effective_type, kind)::text AS cells
    FROM flow_cells
    WHERE entries > 0 AND effective_type IN ('allocation', 'commitment')`);
  const cells = JSON.parse(r.rows[0]?.cells ?? '[]') as [string, number, number, string, string, string][];
  return cells.map(([provider, year, month, type, kind, amount]) => ({
    provider,
    year,
    month,
    type: type as FlowMonth['type'],
    kind: kind as SupportKind,
    amount,
  }));
}

/** The latest import's release, files, donor GDP and EU shares (what the views cite). Null before any import. */
export async function latestReleaseFacts(db: Queryable): Promise<FlowReleaseFacts | null> {
  const imp = (await listImports(db)).at(-1);
  if (!imp) return null;
  const donors = await db.query<{ party: string; iso: string; country: string; gdp: string; line: number; id: number }>(
    `SELECT DISTINCT ON (party) party, iso, country, gdp_2021_bn::text AS gdp, line, import_id AS id
     FROM flow_donors ORDER BY party, import_id DESC`,
  );
  const eu = await db.query<{
    party: string;
    country: string;
    bilateral_pct_gdp: string;
    eu_share_pct_gdp: string;
    total_pct_gdp: string;
    eu_share: string;
    line: number;
  }>(
    `SELECT DISTINCT ON (party) party, country, bilateral_pct_gdp::text, eu_share_pct_gdp::text, total_pct_gdp::text,
       eu_share::text, line FROM flow_eu_shares ORDER BY party, import_id DESC`,
  );
  return {
    release: { release: imp.release, period: imp.period, date: imp.release_date, label: imp.label },
    files: imp.files,
    imported_at: imp.imported_at,
    donors: donors.rows.map((d) => ({
      party: d.party,
      iso: d.iso,
      country: d.country,
      gdp_2021_bn: d.gdp,
      line: Number(d.line),
    })),
    eu_shares: eu.rows.map((e) => ({ ...e, line: Number(e.line) })),
  };
}

/** Heavy weapons per donor and category (count, EUR value) with the systems inside each, latest figures. */
export async function heavyWeapons(
  db: Queryable,
): Promise<
  { provider: string; item: string; quantity: number; amount: string | null; within: string | null; ref: string }[]
> {
  const r = await db.query<{
    provider: string;
    item: string;
    quantity: string;
    amount: string | null;
    within_ref: string | null;
    ref: string;
  }>(`
    SELECT provider, item, quantity, amount::text AS amount, within_ref, ref FROM ledger_entries e
    WHERE starts_with(ref, 'kiel:weapons:') AND effective_type = 'heavy_weapons'
      AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects = e.ref AND c.supersedes)
    ORDER BY seq`);
  return r.rows.map((x) => ({
    provider: x.provider,
    item: x.item,
    quantity: Number(x.quantity),
    amount: x.amount,
    within: x.within_ref,
    ref: x.ref,
  }));
}

// Writes the registry into the store (one transaction, idempotent, versioned) and reads it back.
import { createHash } from 'node:crypto';
import { type ForceDates, forceDates } from '../core/force-text.js';
import { forcePeriod } from '../core/in-force.js';
import type { Agreement, Framework, Party, Registry } from '../core/model.js';
import type { Db, Queryable } from './db.js';

export interface LoadReport {
  added: string[];
  changed: string[];
  unchanged: number;
  removed: string[];
}

/** Canonical JSON (sorted keys) so equal content always hashes equal. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function contentHash(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex');
}

/**
 * Replaces the registry with `reg` in one transaction. A record whose content changed gets a new version;
 * an unchanged one is left alone, so loading twice gives the same state.
 */
export async function saveRegistry(db: Db, reg: Registry, files: Map<string, string> = new Map()): Promise<LoadReport> {
  return db.transaction(async (tx) => {
    const report: LoadReport = { added: [], changed: [], unchanged: 0, removed: [] };
    const sourceOf = new Map(reg.partySources.map((s) => [s.id, s]));
    await tx.query('DELETE FROM parties');
    await tx.query(
      `INSERT INTO parties (code, name, kind, nato_member_since, eu_member_since, source)
       SELECT p.code, p.name, p.kind, p.nato::date, p.eu::date, p.source FROM jsonb_to_recordset($1::jsonb) AS p(code text, name text, kind text, nato text, eu text, source jsonb)`,
      [
        JSON.stringify(
          reg.parties.map((p) => ({
            code: p.code,
            name: p.name,
            kind: p.kind,
            nato: p.nato_member_since,
            eu: p.eu_member_since,
            source: sourceOf.get(p.source) ?? null,
          })),
        ),
      ],
    );
    const current = new Map(
      (
        await tx.query<{ id: string; version: number; content_hash: string }>(
          'SELECT id, version, content_hash FROM records',
        )
      ).rows.map((r) => [r.id, r]),
    );
    const keep = new Set<string>();
    const writes: RecordWrite[] = [];
    const records: (readonly ['agreement' | 'framework', Agreement | Framework])[] = [
      ...reg.agreements.map((a) => ['agreement', a] as const),
      ...reg.frameworks.map((f) => ['framework', f] as const),
    ];
    for (const [kind, rec] of records) {
      keep.add(rec.id);
      const hash = contentHash(rec);
      const have = current.get(rec.id);
      if (have && have.content_hash === hash) {
        report.unchanged++;
        continue;
      }
      (have ? report.changed : report.added).push(rec.id);
      writes.push({ kind, rec, version: have ? have.version + 1 : 1, hash, file: files.get(rec.id) ?? null });
    }
    // Changed records are written in batches: a handful of statements per batch, whatever the registry's size.
    for (let i = 0; i < writes.length; i += WRITE_BATCH) await writeBatch(tx, writes.slice(i, i + WRITE_BATCH));
    report.removed = [...current.keys()].filter((id) => !keep.has(id));
    if (report.removed.length) await tx.query('DELETE FROM records WHERE id = ANY($1::text[])', [report.removed]);
    // Parties are rewritten on every load, so every load advances the generation that caches key on.
    await tx.query('UPDATE registry_generation SET generation = generation + 1 WHERE id = 1');
    return report;
  });
}

const WRITE_BATCH = 250;

interface RecordWrite {
  kind: 'agreement' | 'framework';
  rec: Agreement | Framework;
  version: number;
  hash: string;
  file: string | null;
}

/** Replaces a batch of records and everything indexed from them. */
async function writeBatch(tx: Queryable, batch: RecordWrite[]) {
  const rows = (f: (w: RecordWrite) => object[]) => JSON.stringify(batch.flatMap(f));
  await tx.query('DELETE FROM records WHERE id = ANY($1::text[])', [batch.map((w) => w.rec.id)]);
  const recs = rows((w) => [
    { id: w.rec.id, kind: w.kind, version: w.version, hash: w.hash, body: w.rec, file: w.file },
  ]);
  await tx.query(
    `INSERT INTO records (id, kind, version, content_hash, body, file)
     SELECT r.id, r.kind, r.version, r.hash, r.body, r.file FROM jsonb_to_recordset($1::jsonb) AS r(id text, kind text, version int, hash text, body jsonb, file text)`,
    [recs],
  );
  await tx.query(
    `INSERT INTO record_versions (id, version, content_hash, body)
     SELECT r.id, r.version, r.hash, r.body FROM jsonb_to_recordset($1::jsonb) AS r(id text, version int, hash text, body jsonb) ON CONFLICT DO NOTHING`,
    [recs],
  );
  await tx.query(
    `INSERT INTO sources (record_id, source_id, url, title, publisher, date, quote)
     SELECT s.record_id, s.id, s.url, s.title, s.publisher, s.date::date, s.quote
     FROM jsonb_to_recordset($1::jsonb) AS s(record_id text, id text, url text, title text, publisher text, date text, quote text)`,
    [rows((w) => w.rec.sources.map((src) => ({ record_id: w.rec.id, ...src })))],
  );
  await tx.query(
    `INSERT INTO provisions (record_id, provision_id, area, capabilities, promisors, mechanism_kind, evidence, quote, where_ref, source_id)
     SELECT p.record_id, p.id, p.area, ARRAY(SELECT jsonb_array_elements_text(p.capabilities)), ARRAY(SELECT jsonb_array_elements_text(p.promisors)),
            p.mechanism_kind, p.evidence, p.quote, p.where_ref, p.source_id
     FROM jsonb_to_recordset($1::jsonb) AS p(record_id text, id text, area text, capabilities jsonb, promisors jsonb, mechanism_kind text, evidence text, quote text, where_ref text, source_id text)`,
    [
      rows((w) =>
        w.rec.provisions.map((p) => ({
          record_id: w.rec.id,
          id: p.id,
          area: p.area,
          capabilities: p.capabilities,
          promisors: p.promisors,
          mechanism_kind: p.mechanism?.kind ?? null,
          evidence: p.evidence,
          quote: p.quote,
          where_ref: p.where,
          source_id: p.source,
        })),
      ),
    ],
  );
  const agreements = batch.filter((w) => w.kind === 'agreement').map((w) => w.rec as Agreement);
  if (agreements.length === 0) return;
  await tx.query(
    `INSERT INTO agreements (id, partner, series, title, signed_on, in_force_from, in_force_until, legal_force, wording)
     SELECT a.id, a.partner, a.series, a.title, a.signed_on::date, a.start::date, a.end::date, a.legal_force, a.wording
     FROM jsonb_to_recordset($1::jsonb) AS a(id text, partner text, series text, title text, signed_on text, start text, "end" text, legal_force text, wording text)`,
    [
      JSON.stringify(
        agreements.map((a) => {
          const period = forcePeriod(a);
          return {
            id: a.id,
            partner: a.partner,
            series: a.series,
            title: a.title,
            signed_on: a.signed_on,
            start: period.start,
            end: period.end,
            legal_force: a.legal_force.class,
            wording: a.wording.class,
          };
        }),
      ),
    ],
  );
  await tx.query(
    `INSERT INTO agreement_parties (agreement_id, party) SELECT x.agreement_id, x.party FROM jsonb_to_recordset($1::jsonb) AS x(agreement_id text, party text)`,
    [JSON.stringify(agreements.flatMap((a) => a.parties.map((party) => ({ agreement_id: a.id, party }))))],
  );
}

export interface AgreementFilter {
  inForceOn?: string;
  /** Only agreements whose force ends before this day (last day in force earlier than it). */
  expiringBefore?: string;
  party?: string;
  area?: string;
  series?: string;
  limit?: number;
  offset?: number;
}

export interface AgreementRow extends ForceDates {
  id: string;
  partner: string;
  series: string;
  title: string;
  signed_on: string | null;
  in_force_from: string | null;
  /** Exclusive end day (the first day out of force), as stored; people read `in_force_last_day`. */
  in_force_until: string | null;
  legal_force: string;
  wording: string;
  version: number;
}

/** Columns (over `records r`) that the common wording of a period of force needs beyond its two dates. */
export const FORCE_FACT_COLUMNS = `r.body->'entry_into_force'->>'date' AS eif_date, r.body->'entry_into_force'->>'rule' AS eif_rule,
  (r.body->'term'->>'years')::int AS term_years, (r.body->'term'->>'open_ended')::boolean AS open_ended`;

interface ForceFactColumns {
  in_force_from: string | null;
  in_force_until: string | null;
  eif_date: string | null;
  eif_rule: string;
  term_years: number | null;
  open_ended: boolean;
}

/** A row with FORCE_FACT_COLUMNS, those columns replaced by the period's dates and text (force-text.ts). */
export function withForceDates<T extends ForceFactColumns>(
  row: T,
): Omit<T, 'eif_date' | 'eif_rule' | 'term_years' | 'open_ended'> & ForceDates {
  const { eif_date, eif_rule, term_years, open_ended, ...rest } = row;
  const facts = {
    start: row.in_force_from,
    end: row.in_force_until,
    startAssumed: row.in_force_from !== null && !eif_date && eif_rule !== 'on_signature',
    termYears: term_years,
    openEnded: open_ended,
  };
  return { ...rest, ...forceDates(facts) };
}

/** Lists agreements matching every given filter, ordered by signature date then id. */
export async function listAgreements(db: Queryable, f: AgreementFilter = {}): Promise<AgreementRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.inForceOn)
    where.push(
      `a.in_force_from <= ${p(f.inForceOn)}::date AND (a.in_force_until IS NULL OR a.in_force_until > $${params.length}::date)`,
    );
  if (f.expiringBefore) where.push(`a.in_force_until IS NOT NULL AND a.in_force_until <= ${p(f.expiringBefore)}::date`);
  if (f.party)
    where.push(`EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.party = ${p(f.party)})`);
  if (f.area) where.push(`EXISTS (SELECT 1 FROM provisions pr WHERE pr.record_id = a.id AND pr.area = ${p(f.area)})`);
  if (f.series) where.push(`a.series = ${p(f.series)}`);
  const sql = `SELECT a.id, a.partner, a.series, a.title, a.signed_on, a.in_force_from, a.in_force_until, a.legal_force, a.wording, r.version,
      ${FORCE_FACT_COLUMNS}
    FROM agreements a JOIN records r ON r.id = a.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.signed_on NULLS LAST, a.id LIMIT ${p(f.limit ?? 100000)} OFFSET ${p(f.offset ?? 0)}`;
  return (await db.query<AgreementRow & ForceFactColumns>(sql, params)).rows.map(withForceDates);
}

export async function getRecord<T = Agreement | Framework>(
  db: Queryable,
  id: string,
): Promise<{ kind: string; version: number; body: T; file: string | null; loaded_at: string } | null> {
  const r = await db.query<{ kind: string; version: number; body: T; file: string | null; loaded_at: string }>(
    'SELECT kind, version, body, file, loaded_at FROM records WHERE id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

export async function recordVersions(
  db: Queryable,
  id: string,
): Promise<{ version: number; content_hash: string; loaded_at: string }[]> {
  return (
    await db.query<{ version: number; content_hash: string; loaded_at: string }>(
      'SELECT version, content_hash, loaded_at FROM record_versions WHERE id = $1 ORDER BY version',
      [id],
    )
  ).rows;
}

export async function listParties(db: Queryable): Promise<(Party & { agreements: number })[]> {
  return (
    await db.query<Party & { agreements: number }>(
      `SELECT p.code, p.name, p.kind, p.nato_member_since, p.eu_member_since, p.source->>'id' AS source,
        (SELECT count(*)::int FROM agreement_parties ap WHERE ap.party = p.code) AS agreements FROM parties p ORDER BY p.code`,
    )
  ).rows;
}

export async function listFrameworks(db: Queryable): Promise<Framework[]> {
  return (
    await db.query<{ body: Framework }>(
      "SELECT body FROM records WHERE kind = 'framework' ORDER BY body->>'date' NULLS LAST, id",
    )
  ).rows.map((r) => r.body);
}

/**
 * The registry as plain data, for the pure core. Agreements can be limited to those in force on a day, and to
 * those with at least one provision that carries a mechanism (all the trigger engine can act on): the filters
 * run in SQL on indexed columns, so only the bodies needed are read.
 */
export async function readRegistry(
  db: Queryable,
  opts: { inForceOn?: string; withMechanisms?: boolean } = {},
): Promise<Registry> {
  const where = ["r.kind = 'agreement'"];
  const params: unknown[] = [];
  if (opts.inForceOn) {
    params.push(opts.inForceOn);
    where.push(
      `EXISTS (SELECT 1 FROM agreements a WHERE a.id = r.id AND a.in_force_from <= $${params.length}::date AND (a.in_force_until IS NULL OR a.in_force_until > $${params.length}::date))`,
    );
  }
  if (opts.withMechanisms)
    where.push('EXISTS (SELECT 1 FROM provisions p WHERE p.record_id = r.id AND p.mechanism_kind IS NOT NULL)');
  const agreements = (
    await db.query<{ id: string; body: Agreement }>(
      `SELECT r.id, r.body FROM records r WHERE ${where.join(' AND ')} ORDER BY r.id`,
      params,
    )
  ).rows.map((r) => r.body);
  const frameworks = await listFrameworks(db);
  const parties = (
    await db.query<Party & { src: Registry['partySources'][number] | null }>(
      "SELECT code, name, kind, nato_member_since, eu_member_since, source->>'id' AS source, source AS src FROM parties ORDER BY code",
    )
  ).rows;
  const partySources = [...new Map(parties.filter((p) => p.src).map((p) => [p.src!.id, p.src!])).values()];
  return { parties: parties.map(({ src: _s, ...p }) => p), partySources, agreements, frameworks };
}

export async function sourcesOf(db: Queryable, id: string) {
  return (
    await db.query(
      'SELECT source_id AS id, url, title, publisher, date, quote FROM sources WHERE record_id = $1 ORDER BY source_id',
      [id],
    )
  ).rows;
}

/** Why one record could not be saved: its id is taken (a new record) or unknown (a new version). */
export class RecordSaveError extends Error {
  constructor(
    readonly code: 'conflict' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Saves one agreement record in one transaction: a new id (version 1), or with `newVersion` the next version of
 * an existing one (earlier versions stay in record_versions). The same content again writes nothing. Every other
 * record and the parties are left alone; the generation advances so caches reload.
 */
export async function saveAgreement(
  db: Db,
  rec: Agreement,
  opts: { newVersion: boolean; file?: string | null },
): Promise<{ id: string; version: number; unchanged: boolean }> {
  return db.transaction(async (tx) => {
    const have = (
      await tx.query<{ version: number; content_hash: string; kind: string }>(
        'SELECT version, content_hash, kind FROM records WHERE id = $1 FOR UPDATE',
        [rec.id],
      )
    ).rows[0];
    if (have && !opts.newVersion)
      throw new RecordSaveError('conflict', `record ${rec.id} exists (version ${have.version}); save a new version`);
    if (!have && opts.newVersion) throw new RecordSaveError('not_found', `there is no record ${rec.id} to version`);
    if (have && have.kind !== 'agreement')
      throw new RecordSaveError('conflict', `record ${rec.id} is a ${have.kind}, not an agreement`);
    const hash = contentHash(rec);
    if (have?.content_hash === hash) return { id: rec.id, version: have.version, unchanged: true };
    const version = have ? have.version + 1 : 1;
    await writeBatch(tx, [{ kind: 'agreement', rec, version, hash, file: opts.file ?? null }]);
    await tx.query('UPDATE registry_generation SET generation = generation + 1 WHERE id = 1');
    return { id: rec.id, version, unchanged: false };
  });
}

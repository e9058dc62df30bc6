// Registry reads the API needs beyond the store's: keyset pages of agreements, per-guarantor figures, overview.

import { registryOverview } from '../core/overview.js';
import type { Queryable } from '../store/db.js';
import { type AgreementRow, FORCE_FACT_COLUMNS, readRegistry, withForceDates } from '../store/registry-store.js';
import { ApiError } from './errors.js';

export interface AgreementPageQuery {
  in_force_on?: string;
  expiring_before?: string;
  party?: string;
  area?: string;
  series?: string;
  limit: number;
  cursor?: string;
  offset?: number;
}

type Cursor = [string | null, string];

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (v[0] === null || typeof v[0] === 'string') && typeof v[1] === 'string')
      return v as Cursor;
  } catch {
    // fall through to the coded error
  }
  throw new ApiError('validation', 'the cursor is not one this API issued', [
    {
      path: 'query.cursor',
      message: 'invalid cursor',
      expected: 'the next_cursor of a previous page',
      found: s.slice(0, 60),
    },
  ]);
}

/**
 * One page of agreements ordered by (signed_on NULLS LAST, id). With a cursor the page starts strictly after it
 * (keyset: cost independent of depth); otherwise `offset` rows are skipped. Filtering and counting run in SQL.
 */
export async function agreementPage(
  db: Queryable,
  q: AgreementPageQuery,
): Promise<{ items: AgreementRow[]; next_cursor: string | null; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.in_force_on) {
    const d = p(q.in_force_on);
    where.push(`a.in_force_from <= ${d}::date AND (a.in_force_until IS NULL OR a.in_force_until > ${d}::date)`);
  }
  // Ends before day d: the exclusive end is on or before d, i.e. the last day is earlier than d.
  if (q.expiring_before)
    where.push(`a.in_force_until IS NOT NULL AND a.in_force_until <= ${p(q.expiring_before)}::date`);
  if (q.party)
    where.push(
      `EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.party = ${p(q.party.toUpperCase())})`,
    );
  if (q.area) where.push(`EXISTS (SELECT 1 FROM provisions pr WHERE pr.record_id = a.id AND pr.area = ${p(q.area)})`);
  if (q.series) where.push(`a.series = ${p(q.series)}`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total =
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agreements a ${filter}`, params)).rows[0]?.n ?? 0;
  const pageWhere = [...where];
  if (q.cursor) {
    const [signed, id] = decodeCursor(q.cursor);
    if (signed === null) pageWhere.push(`(a.signed_on IS NULL AND a.id > ${p(id)})`);
    else {
      const d = p(signed);
      pageWhere.push(
        `(a.signed_on > ${d}::date OR (a.signed_on = ${d}::date AND a.id > ${p(id)}) OR a.signed_on IS NULL)`,
      );
    }
  }
  const sql = `SELECT a.id, a.partner, a.series, a.title, to_char(a.signed_on, 'YYYY-MM-DD') AS signed_on,
      to_char(a.in_force_from, 'YYYY-MM-DD') AS in_force_from, to_char(a.in_force_until, 'YYYY-MM-DD') AS in_force_until,
      a.legal_force, a.wording, r.version, ${FORCE_FACT_COLUMNS}
    FROM agreements a JOIN records r ON r.id = a.id ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
    ORDER BY a.signed_on NULLS LAST, a.id LIMIT ${p(q.limit + 1)} ${q.cursor ? '' : `OFFSET ${p(q.offset ?? 0)}`}`;
  const rows = (await db.query<Parameters<typeof withForceDates>[0] & AgreementRow>(sql, params)).rows.map(
    withForceDates,
  );
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  const last = items[items.length - 1];
  return { items, next_cursor: more && last ? encodeCursor([last.signed_on, last.id]) : null, total };
}

/** Per agreement of the registry: its guarantor, force, provision count, areas and stated pledges per currency. */
export async function guarantorFigures(db: Queryable) {
  const rows = (
    await db.query<{
      agreement: string;
      partner: string;
      name: string | null;
      signed_on: string | null;
      in_force_from: string | null;
      in_force_until: string | null;
      legal_force: string;
      wording: string;
      provisions: number;
      areas: string[] | null;
      eif_date: string | null;
      eif_rule: string;
      term_years: number | null;
      open_ended: boolean;
    }>(
      `SELECT a.id AS agreement, a.partner, p.name, to_char(a.signed_on, 'YYYY-MM-DD') AS signed_on, to_char(a.in_force_from, 'YYYY-MM-DD') AS in_force_from, to_char(a.in_force_until, 'YYYY-MM-DD') AS in_force_until,
        a.legal_force, a.wording, ${FORCE_FACT_COLUMNS},
        (SELECT count(*)::int FROM provisions pr WHERE pr.record_id = a.id) AS provisions,
        (SELECT array_agg(DISTINCT pr.area ORDER BY pr.area) FROM provisions pr WHERE pr.record_id = a.id) AS areas
      FROM agreements a JOIN records r ON r.id = a.id LEFT JOIN parties p ON p.code = a.partner ORDER BY a.signed_on NULLS LAST, a.id`,
    )
  ).rows.map(withForceDates);
  const pledges = (
    await db.query<{ id: string; currency: string | null; amount: number }>(
      `SELECT r.id, pl->>'currency' AS currency, sum((pl->>'amount')::float8) AS amount
        FROM records r, jsonb_array_elements(r.body->'pledges') pl
        WHERE r.kind = 'agreement' AND pl->>'kind' = 'pledge' AND pl->>'amount' IS NOT NULL AND (pl->>'within') IS NULL
        GROUP BY r.id, pl->>'currency' ORDER BY r.id, 2`,
    )
  ).rows;
  const byId = new Map<string, { currency: string | null; amount: number }[]>();
  for (const r of pledges)
    byId.set(r.id, [...(byId.get(r.id) ?? []), { currency: r.currency, amount: Number(r.amount) }]);
  return rows.map((r) => ({ ...r, areas: r.areas ?? [], pledged: byId.get(r.agreement) ?? [] }));
}

/** Key figures of the registry (the same as `compact overview --json`, without as_of). */
export async function overview(db: Queryable) {
  return registryOverview(await readRegistry(db));
}

/** Which areas each record's provisions cover, with counts (one SQL aggregate). */
export async function areaMatrix(db: Queryable) {
  return (
    await db.query<{ record_id: string; area: string; n: number }>(
      'SELECT record_id, area, count(*)::int AS n FROM provisions GROUP BY record_id, area ORDER BY record_id, area',
    )
  ).rows;
}

/** Which capability coalitions each agreement's provisions name, with counts. */
export async function capabilityMatrix(db: Queryable) {
  return (
    await db.query<{ record_id: string; partner: string; capability: string; n: number }>(
      `SELECT pr.record_id, a.partner, c.capability, count(*)::int AS n
      FROM provisions pr JOIN agreements a ON a.id = pr.record_id, unnest(pr.capabilities) AS c(capability)
      GROUP BY pr.record_id, a.partner, c.capability ORDER BY pr.record_id, c.capability`,
    )
  ).rows;
}

/** Provisions that carry a mechanism (what the trigger engine acts on), across all records. */
export async function mechanismProvisions(db: Queryable) {
  return (
    await db.query<{
      record_id: string;
      provision_id: string;
      mechanism_kind: string;
      promisors: string[];
      quote: string;
      where_ref: string;
      source_id: string;
    }>(
      `SELECT record_id, provision_id, mechanism_kind, promisors, quote, where_ref, source_id FROM provisions
      WHERE mechanism_kind IS NOT NULL ORDER BY mechanism_kind, record_id, provision_id`,
    )
  ).rows;
}

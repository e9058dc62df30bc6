// Events and obligations in the store: record an event (one transaction, idempotent), list, transition, explain.
import type { Issue } from '../core/issues.js';
import type {
  EvaluateOptions,
  Evaluation,
  Obligation,
  ObligationState,
  PartnerSummary,
  RecordAccount,
  Skip,
  Transition,
  TriggerEvent,
  TriggerOption,
} from '../core/trigger/index.js';
import {
  checkTransition,
  evaluate,
  hostilitiesConcludedAt,
  noticeAction,
  stableHash,
  statusAsOf,
  withRecordedEvents,
} from '../core/trigger/index.js';
import type { Db, Queryable } from './db.js';
import { cancelReminders, notifyEventRecorded, notifyTransition } from './notify-outbox.js';
import { readRegistry } from './registry-store.js';

/** timestamptz as ISO 8601 UTC text, the same on PGlite and PostgreSQL. */
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface RecordResult {
  event: TriggerEvent;
  /** false when the event was already recorded (nothing written) or on a dry run. */
  created: boolean;
  evaluation: Evaluation;
  issues: Issue[];
}

/**
 * Evaluates `event` against the stored registry, as changed by earlier recorded events (termination notices end
 * agreements; the first ceasefire concludes the current hostilities unless options say otherwise), and writes the
 * event and its obligations in ONE transaction. Recording the same event id again writes nothing and returns the
 * stored obligations. With dryRun nothing is written. A termination notice that cannot be applied returns issues.
 */
export async function recordEvent(
  db: Db,
  event: TriggerEvent,
  options: EvaluateOptions & { dryRun?: boolean } = {},
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727002)');
    const have = (
      await tx.query<{
        body: TriggerEvent;
        evaluation: {
          skipped: Skip[];
          trigger_options?: TriggerOption[];
          records?: RecordAccount[];
          partners?: PartnerSummary[];
        };
      }>('SELECT body, evaluation FROM events WHERE id = $1', [event.id])
    ).rows[0];
    if (have) {
      const obligations = (
        await tx.query<{ body: Obligation }>('SELECT body FROM obligations WHERE event_id = $1 ORDER BY id', [event.id])
      ).rows.map((r) => r.body);
      return {
        event: have.body,
        created: false,
        evaluation: {
          event: have.body,
          obligations,
          options: have.evaluation.trigger_options ?? [],
          skipped: have.evaluation.skipped,
          records: have.evaluation.records ?? [],
          partners: have.evaluation.partners ?? [],
        },
        issues: [],
      };
    }
    const prior = await priorEvents(tx);
    // Every record: the result accounts for each one, including those with no clause that answers the event.
    const base = await readRegistry(tx);
    if (event.type === 'termination_notice') {
      const { issues } = noticeAction(base, event);
      if (issues.length)
        return {
          event,
          created: false,
          evaluation: { event, obligations: [], options: [], skipped: [], records: [], partners: [] },
          issues,
        };
    }
    const { evaluation, opts } = await evaluateStored(tx, event, options, prior, base);
    if (options.dryRun) {
      await rememberDryRun(tx, event, options, evaluation);
      return { event, created: false, evaluation, issues: [] };
    }
    await tx.query('INSERT INTO events (id, type, at, body, evaluation) VALUES ($1, $2, $3, $4, $5)', [
      event.id,
      event.type,
      event.at,
      JSON.stringify(event),
      JSON.stringify({
        options: opts,
        skipped: evaluation.skipped,
        trigger_options: evaluation.options,
        records: evaluation.records,
        partners: evaluation.partners,
      }),
    ]);
    if (evaluation.obligations.length) {
      // One statement for all of an event's obligations, however many records answer it.
      await tx.query(
        `INSERT INTO obligations (id, event_id, record_kind, record_id, provision_id, promisor, kind, due, body)
         SELECT o->>'id', o->>'event_id', o->>'record_kind', o->>'record_id', o->>'provision_id', o->>'promisor', o->>'kind', (o->>'due')::timestamptz, o
         FROM jsonb_array_elements($1::jsonb) AS o`,
        [JSON.stringify(evaluation.obligations)],
      );
    }
    await notifyEventRecorded(tx, event, evaluation.obligations);
    return { event, created: true, evaluation, issues: [] };
  });
}

/** Recorded events that change later evaluations: termination notices and ceasefires, in time order. */
async function priorEvents(db: Queryable): Promise<TriggerEvent[]> {
  return (
    await db.query<{ body: TriggerEvent }>(
      "SELECT body FROM events WHERE type IN ('termination_notice', 'ceasefire') ORDER BY at, id",
    )
  ).rows.map((r) => r.body);
}

/** Evaluates an event against the stored registry as changed by the recorded events before it. */
async function evaluateStored(
  db: Queryable,
  event: TriggerEvent,
  options: EvaluateOptions,
  prior?: TriggerEvent[],
  base?: Awaited<ReturnType<typeof readRegistry>>,
): Promise<{ evaluation: Evaluation; opts: EvaluateOptions }> {
  const before = prior ?? (await priorEvents(db));
  const reg = withRecordedEvents(base ?? (await readRegistry(db)), before, event.at);
  const opts: EvaluateOptions = {
    applyFrameworks: options.applyFrameworks ?? [],
    hostilitiesConcludedAt: options.hostilitiesConcludedAt ?? hostilitiesConcludedAt(before, event.at),
  };
  return { evaluation: evaluate(reg, event, opts), opts };
}

/** How many dry runs are remembered for explain; older ones are forgotten first. */
const DRY_RUNS_KEPT = 1000;

/**
 * Remembers a dry run's event and options (not its obligations) with the ids it printed, so `explain` can
 * evaluate the event again later. Bounded: only the latest DRY_RUNS_KEPT are kept.
 */
async function rememberDryRun(db: Queryable, event: TriggerEvent, options: EvaluateOptions, ev: Evaluation) {
  const given = {
    applyFrameworks: options.applyFrameworks ?? [],
    hostilitiesConcludedAt: options.hostilitiesConcludedAt ?? null,
  };
  const key = stableHash(`${event.id}|${JSON.stringify(given)}`);
  const ids = [...ev.obligations, ...ev.options].map((o) => o.id);
  await db.query(
    `INSERT INTO dry_runs (key, event, options, ids) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET ids = EXCLUDED.ids, simulated_at = now()`,
    [key, JSON.stringify(event), JSON.stringify(given), JSON.stringify(ids)],
  );
  await db.query(
    'DELETE FROM dry_runs WHERE key IN (SELECT key FROM dry_runs ORDER BY simulated_at DESC, key OFFSET $1)',
    [DRY_RUNS_KEPT],
  );
}

/**
 * An obligation or option that a dry run printed, explained by evaluating its event again (as of now's registry
 * and recorded events); null when no remembered dry run printed that id or the evaluation no longer yields it.
 */
async function explainDryRun(
  db: Queryable,
  id: string,
  asOf: string,
  opts: { breachGraceMs?: number | null },
): Promise<Explanation | null> {
  const run = (
    await db.query<{
      event: TriggerEvent;
      options: { applyFrameworks: string[]; hostilitiesConcludedAt: string | null };
    }>('SELECT event, options FROM dry_runs WHERE ids ? $1 ORDER BY simulated_at DESC LIMIT 1', [id])
  ).rows[0];
  if (!run) return null;
  const { evaluation } = await evaluateStored(db, run.event, {
    applyFrameworks: run.options.applyFrameworks,
    hostilitiesConcludedAt: run.options.hostilitiesConcludedAt ?? undefined,
  });
  const ob = [...evaluation.obligations, ...evaluation.options].find((o) => o.id === id);
  if (!ob) return null;
  return {
    obligation: ob,
    event: run.event,
    state: statusAsOf(ob, [], asOf, opts),
    transitions: [],
    evidence: [],
    recorded: false,
  };
}

export interface ObligationFilter {
  /** State as of `asOf` (pending, overdue, fulfilled, fulfilled_late, breached, waived). */
  status?: ObligationState;
  /** Promisor party code. */
  party?: string;
  event?: string;
  /** The clock for derived states; required (adapters pass the current time or --as-of). */
  asOf: string;
  /** See StatusOptions.breachGraceMs. */
  breachGraceMs?: number | null;
  /** Keyset cursor: only ids greater than this. */
  after?: string;
  limit?: number;
}

export interface ObligationRow extends Obligation {
  state: ObligationState;
  event_at: string;
}

/**
 * Obligations with their state as of `asOf`, computed in SQL from the first transition at or before asOf (the
 * same rule as statusAsOf in the core). Ordered by id; page with `after`.
 */
export async function listObligations(db: Queryable, f: ObligationFilter): Promise<ObligationRow[]> {
  const params: unknown[] = [f.asOf, f.breachGraceMs ?? null];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.party) where.push(`o.promisor = ${p(f.party)}`);
  if (f.event) where.push(`o.event_id = ${p(f.event)}`);
  if (f.after) where.push(`o.id > ${p(f.after)}`);
  const state = `CASE
      WHEN t.to_state = 'fulfilled' AND o.due IS NOT NULL AND t.at > o.due THEN 'fulfilled_late'
      WHEN t.to_state IS NOT NULL THEN t.to_state
      WHEN o.due IS NULL OR o.due >= $1::timestamptz THEN 'pending'
      WHEN $2::bigint IS NOT NULL AND o.due + $2::bigint * interval '1 millisecond' < $1::timestamptz THEN 'breached'
      ELSE 'overdue' END`;
  const sql = `SELECT * FROM (
      SELECT o.body, ${state} AS state, ${iso('e.at')} AS event_at, o.id
      FROM obligations o JOIN events e ON e.id = o.event_id
      LEFT JOIN LATERAL (SELECT to_state, at FROM obligation_transitions x WHERE x.obligation_id = o.id AND x.at <= $1::timestamptz ORDER BY x.at, x.id LIMIT 1) t ON true
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) q
    ${f.status ? `WHERE q.state = ${p(f.status)}` : ''}
    ORDER BY q.id LIMIT ${p(f.limit ?? 10000)}`;
  return (await db.query<{ body: Obligation; state: ObligationState; event_at: string }>(sql, params)).rows.map(
    (r) => ({ ...r.body, state: r.state, event_at: r.event_at }),
  );
}

export interface TransitionInput {
  to: Transition['to'];
  at: string;
  note?: string | null;
  evidence?: { url: string; note?: string | null } | null;
}

/**
 * Records a state change (and its evidence) in ONE transaction, after checking it against the state at its instant:
 * only pending or overdue obligations change, never before their event, never before a later recorded transition.
 */
export async function transition(
  db: Db,
  id: string,
  t: TransitionInput,
  opts: { breachGraceMs?: number | null } = {},
): Promise<{ state: ObligationState | null; issues: Issue[] }> {
  return db.transaction(async (tx) => {
    const ob = (
      await tx.query<{ due: string | null; event_at: string }>(
        `SELECT ${iso('o.due')} AS due, ${iso('e.at')} AS event_at FROM obligations o JOIN events e ON e.id = o.event_id WHERE o.id = $1 FOR UPDATE OF o`,
        [id],
      )
    ).rows[0];
    if (!ob)
      return {
        state: null,
        issues: [
          {
            code: 'not_found',
            path: ['id'],
            message: 'no such obligation; list them with `compact obligations`',
            expected: 'an obligation id (ob-...)',
            found: id,
          },
        ],
      };
    const existing = await transitionsOf(tx, id);
    const next: Transition = { obligation_id: id, to: t.to, at: t.at, note: t.note ?? null };
    const issues = checkTransition(ob, existing, next, opts);
    if (issues.length) return { state: null, issues };
    const row = await tx.query<{ id: number }>(
      'INSERT INTO obligation_transitions (obligation_id, to_state, at, note) VALUES ($1, $2, $3, $4) RETURNING id',
      [id, t.to, t.at, next.note],
    );
    if (t.evidence)
      await tx.query('INSERT INTO evidence (obligation_id, url, note, at) VALUES ($1, $2, $3, $4)', [
        id,
        t.evidence.url,
        t.evidence.note ?? null,
        t.at,
      ]);
    const state = statusAsOf(ob, [...existing, next], t.at, opts);
    await tx.query('UPDATE obligations SET status = $2 WHERE id = $1', [id, state === 'overdue' ? 'pending' : state]);
    // Every transition ends the obligation: its reminders stop, and its parties are told.
    await cancelReminders(tx, id);
    await notifyTransition(tx, {
      transitionId: Number(row.rows[0]!.id),
      obligationId: id,
      to: t.to,
      at: t.at,
      note: next.note,
      state,
    });
    return { state, issues: [] };
  });
}

async function transitionsOf(db: Queryable, id: string): Promise<Transition[]> {
  return (
    await db.query<Transition>(
      `SELECT obligation_id, to_state AS "to", ${iso('at')} AS at, note FROM obligation_transitions WHERE obligation_id = $1 ORDER BY at, id`,
      [id],
    )
  ).rows;
}

export interface Explanation {
  obligation: Obligation;
  event: TriggerEvent;
  state: ObligationState;
  transitions: Transition[];
  evidence: { url: string; note: string | null; at: string }[];
  /** false: not stored, re-evaluated from a remembered dry run (nothing can be recorded against it). */
  recorded: boolean;
}

/** An obligation with its event, trace, transitions, evidence and state as of `asOf`; null if unknown. */
export async function explain(
  db: Queryable,
  id: string,
  asOf: string,
  opts: { breachGraceMs?: number | null } = {},
): Promise<Explanation | null> {
  const row = (
    await db.query<{ body: Obligation; event: TriggerEvent }>(
      'SELECT o.body, e.body AS event FROM obligations o JOIN events e ON e.id = o.event_id WHERE o.id = $1',
      [id],
    )
  ).rows[0];
  // Not recorded: perhaps a dry run printed it; then the event is evaluated again.
  if (!row) return explainDryRun(db, id, asOf, opts);
  const transitions = await transitionsOf(db, id);
  const evidence = (
    await db.query<{ url: string; note: string | null; at: string }>(
      `SELECT url, note, ${iso('at')} AS at FROM evidence WHERE obligation_id = $1 ORDER BY at, id`,
      [id],
    )
  ).rows;
  return {
    obligation: row.body,
    event: row.event,
    state: statusAsOf(row.body, transitions, asOf, opts),
    transitions,
    evidence,
    recorded: true,
  };
}

/** A recorded event with the skips and options of its evaluation and its obligation count; null if unknown. */
export async function getEvent(
  db: Queryable,
  id: string,
): Promise<{ event: TriggerEvent; options: EvaluateOptions; skipped: Skip[]; obligations: number } | null> {
  const r = (
    await db.query<{ body: TriggerEvent; evaluation: { options: EvaluateOptions; skipped: Skip[] }; n: number }>(
      'SELECT body, evaluation, (SELECT count(*)::int FROM obligations o WHERE o.event_id = e.id) AS n FROM events e WHERE id = $1',
      [id],
    )
  ).rows[0];
  return r ? { event: r.body, options: r.evaluation.options, skipped: r.evaluation.skipped, obligations: r.n } : null;
}

/** Every recorded event in time order, with its obligation count. */
/**
 * Recorded events in time order with their obligation counts, one keyset page at a time: `after` is the
 * `cursor` of the last event of the previous page (its instant and id), so pages stay cheap however many exist.
 */
export async function listEvents(
  db: Queryable,
  page: { limit?: number; after?: string | null } = {},
): Promise<(TriggerEvent & { obligations: number; recorded_at: string; cursor: string })[]> {
  const limit = Math.min(Math.max(page.limit ?? 1000, 1), 10_000);
  const [afterAt, afterId] = page.after
    ? [page.after.slice(0, page.after.indexOf('|')), page.after.slice(page.after.indexOf('|') + 1)]
    : [null, null];
  const rows = (
    await db.query<{ body: TriggerEvent; n: number; recorded_at: string; at: string; id: string }>(
      `SELECT e.body, (SELECT count(*)::int FROM obligations o WHERE o.event_id = e.id) AS n, ${iso('e.recorded_at')} AS recorded_at, ${iso('e.at')} AS at, e.id
       FROM events e WHERE $1::timestamptz IS NULL OR (e.at, e.id) > ($1::timestamptz, $2::text) ORDER BY e.at, e.id LIMIT $3`,
      [afterAt, afterId, limit],
    )
  ).rows;
  return rows.map((r) => ({ ...r.body, obligations: r.n, recorded_at: r.recorded_at, cursor: `${r.at}|${r.id}` }));
}

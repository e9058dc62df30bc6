// Reminders around each deadline, kept as rows (one per obligation x offset): materialised for open obligations,
// then claimed when due and, in ONE transaction each batch, marked sent and enqueued as webhook deliveries, so a
// crash before the commit leaves them pending (sent after the restart) and one after it never sends them again.
import { offsetLabel } from '../core/notify/schedule.js';
import type { Obligation } from '../core/trigger/index.js';
import type { Db, Queryable } from './db.js';
import { obligationBrief } from './notify-outbox.js';
import { enqueueNotification } from './webhook-store.js';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Adds the reminder rows of every open obligation with a deadline (whose event was recorded at or after
 * `since`, when given) at each offset; existing rows are kept. A reminder whose time had passed when the
 * obligation was recorded is stored as skipped: the event's own notification already told its parties.
 */
export async function materialiseReminders(db: Queryable, offsets: readonly number[], since?: string | null) {
  const r = await db.query(
    `INSERT INTO reminders (obligation_id, offset_s, due_at, status)
     SELECT o.id, off, o.due + off * interval '1 second',
       CASE WHEN o.due + off * interval '1 second' < e.recorded_at THEN 'skipped' ELSE 'pending' END
     FROM obligations o JOIN events e ON e.id = o.event_id CROSS JOIN unnest($1::int[]) AS off
     WHERE o.status = 'pending' AND o.due IS NOT NULL AND ($2::timestamptz IS NULL OR e.recorded_at >= $2::timestamptz)
     ON CONFLICT (obligation_id, offset_s) DO NOTHING`,
    [[...offsets], since ?? null],
  );
  return r.rowCount ?? 0;
}

export interface SentReminder {
  obligation_id: string;
  offset_s: number;
  due_at: string;
  deliveries: number;
}

/**
 * Sends the reminders due at `now` (at most `limit`): in one transaction, claims them (SKIP LOCKED), cancels
 * those whose obligation is no longer open, and marks the rest sent while enqueueing their deliveries to the
 * promisor's webhooks. `hold` runs after the claim and before the commit (a test hook that widens the window).
 */
export async function sendDueReminders(
  db: Db,
  o: { now: Date; limit?: number; hold?: (claimed: number) => Promise<void> },
): Promise<{ sent: SentReminder[]; cancelled: number }> {
  return db.transaction(async (tx) => {
    const due = (
      await tx.query<{ obligation_id: string; offset_s: number; due_at: string; status: string; body: Obligation }>(
        `SELECT r.obligation_id, r.offset_s, ${iso('r.due_at')} AS due_at, o.status, o.body
         FROM reminders r JOIN obligations o ON o.id = r.obligation_id
         WHERE r.status = 'pending' AND r.due_at <= $1::timestamptz
         ORDER BY r.due_at, r.obligation_id, r.offset_s LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [o.now.toISOString(), o.limit ?? 200],
      )
    ).rows;
    if (due.length === 0) return { sent: [], cancelled: 0 };
    await o.hold?.(due.length);
    const sent: SentReminder[] = [];
    let cancelled = 0;
    for (const r of due) {
      if (r.status !== 'pending') {
        await tx.query("UPDATE reminders SET status = 'cancelled' WHERE obligation_id = $1 AND offset_s = $2", [
          r.obligation_id,
          r.offset_s,
        ]);
        cancelled++;
        continue;
      }
      const deliveries = await enqueueNotification(tx, {
        id: `reminder:${r.obligation_id}:${r.offset_s}`,
        type: 'reminder',
        parties: [r.body.promisor],
        at: o.now.toISOString(),
        data: () => ({
          reminder: {
            offset_s: r.offset_s,
            label: offsetLabel(r.offset_s),
            due_at: r.due_at,
            when: r.offset_s < 0 ? 'before' : r.offset_s === 0 ? 'due' : 'overdue',
          },
          obligation: obligationBrief(r.body),
        }),
      });
      await tx.query(
        "UPDATE reminders SET status = 'sent', sent_at = $3::timestamptz, deliveries = $4 WHERE obligation_id = $1 AND offset_s = $2",
        [r.obligation_id, r.offset_s, o.now.toISOString(), deliveries],
      );
      sent.push({ obligation_id: r.obligation_id, offset_s: r.offset_s, due_at: r.due_at, deliveries });
    }
    return { sent, cancelled };
  });
}

export interface ReminderRow {
  obligation_id: string;
  promisor: string;
  offset_s: number;
  label: string;
  due_at: string;
  status: 'pending' | 'sent' | 'cancelled' | 'skipped';
  sent_at: string | null;
  deliveries: number | null;
}

/** Reminders in due order, filtered by party (the promisor), obligation or status. */
export async function listReminders(
  db: Queryable,
  f: { party?: string | null; obligation?: string | null; status?: string | null; limit?: number } = {},
): Promise<ReminderRow[]> {
  const rows = (
    await db.query<Omit<ReminderRow, 'label'>>(
      `SELECT r.obligation_id, o.promisor, r.offset_s, ${iso('r.due_at')} AS due_at, r.status, ${iso('r.sent_at')} AS sent_at, r.deliveries
       FROM reminders r JOIN obligations o ON o.id = r.obligation_id
       WHERE ($1::text IS NULL OR o.promisor = $1) AND ($2::text IS NULL OR r.obligation_id = $2) AND ($3::text IS NULL OR r.status = $3)
       ORDER BY r.due_at, r.obligation_id, r.offset_s LIMIT $4`,
      [f.party ?? null, f.obligation ?? null, f.status ?? null, Math.min(Math.max(f.limit ?? 1000, 1), 10_000)],
    )
  ).rows;
  return rows.map((r) => ({ ...r, label: offsetLabel(r.offset_s) }));
}

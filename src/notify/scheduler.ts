// The reminder loop inside the server: materialises the reminder rows of newly recorded obligations, then sends
// the due ones (marked sent and enqueued in one transaction, see store/reminder-store.ts) and wakes the
// dispatcher. Stoppable, with an injectable clock.
import type { Db } from '../store/db.js';
import { materialiseReminders, sendDueReminders } from '../store/reminder-store.js';

export interface SchedulerOptions {
  db: Db;
  offsets: readonly number[];
  tickMs?: number;
  now?: () => Date;
  /** Called when reminders were enqueued (the dispatcher's wake). */
  onSent?: (n: number) => void;
  /** Test hook: ms to hold claimed reminders before their transaction commits. */
  holdMs?: number;
  log?: (o: Record<string, unknown>) => void;
}

export interface Scheduler {
  tick(): Promise<{ sent: number; cancelled: number }>;
  stop(): Promise<void>;
}

export function startScheduler(o: SchedulerOptions, opts: { start?: boolean } = {}): Scheduler {
  const now = o.now ?? (() => new Date());
  let running = opts.start !== false;
  let stopped = false;
  // Obligations recorded since this instant (less a margin for transactions that committed late) get their rows;
  // the first tick covers every obligation, so offsets changed in the configuration apply to all open ones.
  let since: string | null = null;
  let stopNow: (() => void) | null = null;

  const tick = async () => {
    const started = new Date(Date.now() - 5 * 60_000).toISOString();
    await materialiseReminders(o.db, o.offsets, since);
    since = started;
    let sent = 0;
    let cancelled = 0;
    for (;;) {
      const r = await sendDueReminders(o.db, {
        now: now(),
        hold: o.holdMs
          ? async (n) => {
              o.log?.({ event: 'reminders_claimed', count: n, hold_ms: o.holdMs });
              await new Promise((res) => setTimeout(res, o.holdMs));
            }
          : undefined,
      });
      sent += r.sent.length;
      cancelled += r.cancelled;
      for (const s of r.sent) o.log?.({ event: 'reminder_sent', ...s });
      if (r.sent.length + r.cancelled === 0 || stopped) break;
    }
    if (sent) o.onSent?.(sent);
    return { sent, cancelled };
  };

  const loop = (async () => {
    while (running) {
      try {
        await tick();
      } catch (e) {
        o.log?.({ event: 'reminder_tick_failed', error: String(e) });
      }
      if (!running) break;
      await new Promise<void>((r) => {
        const timer = setTimeout(r, o.tickMs ?? 1000);
        stopNow = () => {
          clearTimeout(timer);
          r();
        };
      });
      stopNow = null;
    }
  })();

  return {
    tick,
    stop: async () => {
      running = false;
      stopped = true;
      stopNow?.();
      await loop;
    },
  };
}

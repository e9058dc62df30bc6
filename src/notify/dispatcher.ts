// The delivery loop inside the server: takes due deliveries from the store's queue (with a lease), checks the
// target again, sends, and records each attempt with the next one's time (exponential backoff, full jitter).
// Stoppable; the clock and randomness are injectable for tests. A restart resumes from the queue.

import type { TargetRules } from '../core/notify/addresses.js';
import { backoffMs, type RetryPolicy } from '../core/notify/schedule.js';
import type { Db } from '../store/db.js';
import { type ClaimedDelivery, claimDeliveries, recordAttempt, releaseLeases } from '../store/webhook-store.js';
import { send } from './send.js';
import { checkTarget } from './target.js';

export interface DispatcherOptions {
  db: Db;
  retry: RetryPolicy;
  targets: TargetRules;
  concurrency?: number;
  pollMs?: number;
  now?: () => Date;
  random?: () => number;
  log?: (o: Record<string, unknown>) => void;
}

export interface Dispatcher {
  /** Sends what is due now once; resolves with the attempts made. */
  runOnce(): Promise<number>;
  /** Cuts the idle wait short (something was just enqueued). */
  wake(): void;
  /** Stops after the attempts in flight are recorded. */
  stop(): Promise<void>;
}

/** One attempt of one claimed delivery, recorded; returns whether it was delivered. */
async function attempt(d: ClaimedDelivery, o: DispatcherOptions, now: () => Date, random: () => number) {
  const started = now();
  const t0 = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const target = await checkTarget(new URL(d.url), o.targets);
    const r = await send(
      target,
      {
        body: d.body,
        secret: d.secret,
        idempotencyKey: d.idempotency_key,
        type: d.type,
        deliveryId: d.id,
        attempt: d.attempts + 1,
        timestamp: Math.floor(now().getTime() / 1000),
      },
      o.retry.timeoutMs,
    );
    statusCode = r.statusCode;
    error = r.error;
  } catch (e) {
    error = `refused: ${(e as Error).message}`;
  }
  const durationMs = performance.now() - t0;
  const made = d.attempts + 1;
  const outcome = error === null ? 'delivered' : made >= o.retry.maxAttempts ? 'failed' : 'retry';
  const nextAt = outcome === 'retry' ? new Date(now().getTime() + backoffMs(made, o.retry, random())) : undefined;
  await recordAttempt(o.db, d, { at: started, statusCode, error, durationMs, outcome, nextAt });
  o.log?.({
    event: 'webhook_attempt',
    delivery: d.id,
    webhook: d.webhook_id,
    attempt: made,
    status: statusCode,
    outcome,
    error,
  });
  return outcome === 'delivered';
}

export function startDispatcher(o: DispatcherOptions, opts: { start?: boolean } = {}): Dispatcher {
  const now = o.now ?? (() => new Date());
  const random = o.random ?? Math.random;
  const concurrency = o.concurrency ?? 8;
  // A lease outlives the attempt (resolution, connect, timeout) with room to record it.
  const leaseMs = o.retry.timeoutMs * 2 + 10_000;
  let running = opts.start !== false;
  let wake: (() => void) | null = null;
  let woken = false;

  const runOnce = async () => {
    const claimed = await claimDeliveries(o.db, { now: now(), limit: concurrency, leaseMs });
    await Promise.all(claimed.map((d) => attempt(d, o, now, random)));
    return claimed.length;
  };

  const loop = (async () => {
    // The embedded store has one dispatcher, the serving process: a lease left by an earlier one that died is
    // stale at once. (On PostgreSQL other servers may hold live leases; they run out on their own.)
    if (running && o.db.kind === 'pglite')
      await releaseLeases(o.db).catch((e) => o.log?.({ event: 'webhook_dispatch_failed', error: String(e) }));
    // A pool, not batches: a free slot takes the next due delivery at once, so one slow or silent receiver
    // (each attempt waiting out its timeout) holds one slot, never the whole queue.
    const inFlight = new Set<Promise<unknown>>();
    while (running) {
      let n = 0;
      const free = concurrency - inFlight.size;
      // Claims in batches of at least half the pool (each claim is a transaction), or whatever is free when idle.
      if (free > 0 && (free * 2 >= concurrency || inFlight.size === 0))
        try {
          const claimed = await claimDeliveries(o.db, { now: now(), limit: free, leaseMs });
          n = claimed.length;
          for (const d of claimed) {
            const p: Promise<unknown> = attempt(d, o, now, random)
              .catch((e) => o.log?.({ event: 'webhook_dispatch_failed', delivery: d.id, error: String(e) }))
              .finally(() => {
                inFlight.delete(p);
                signal();
              });
            inFlight.add(p);
          }
        } catch (e) {
          o.log?.({ event: 'webhook_dispatch_failed', error: String(e) });
        }
      if (!running) break;
      if (n > 0 && (concurrency - inFlight.size) * 2 >= concurrency) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise<void>((r) => {
        const timer = setTimeout(r, o.pollMs ?? 1000);
        wake = () => {
          clearTimeout(timer);
          r();
        };
      });
      wake = null;
    }
    await Promise.all(inFlight);
  })();

  function signal() {
    woken = true;
    wake?.();
  }

  return {
    runOnce,
    wake: signal,
    stop: async () => {
      running = false;
      wake?.();
      await loop;
    },
  };
}

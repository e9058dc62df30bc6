// Notification settings from the environment, checked once at start: which targets may be reached, the retry
// schedule, the reminder offsets and the loop intervals.
import type { TargetRules } from '../core/notify/addresses.js';
import { DEFAULT_REMINDER_OFFSETS, DEFAULT_RETRY, parseOffsets, type RetryPolicy } from '../core/notify/schedule.js';
import { ConfigError } from '../platform/config-error.js';

export interface NotifyConfig {
  targets: TargetRules;
  retry: RetryPolicy;
  /** Reminder offsets from each deadline, in seconds (negative = before). */
  offsets: number[];
  /** How often the dispatcher looks for due deliveries when idle, and the scheduler for due reminders. */
  pollMs: number;
  tickMs: number;
  /** Deliveries sent at once. */
  concurrency: number;
  /** Test hook: how long the scheduler holds claimed reminders before committing (0 = not at all). */
  holdMs: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, dflt: number, min: number, max: number): number {
  const v = env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(v)}`);
  return n;
}

/** Reads COMPACT_WEBHOOK_* and COMPACT_REMINDER* (docs/webhooks.md lists them); throws ConfigError on a bad value. */
export function notifyConfig(env: Env = process.env): NotifyConfig {
  const allowPrivate = env.COMPACT_WEBHOOK_ALLOW_PRIVATE ?? '';
  if (!['', '0', '1'].includes(allowPrivate))
    throw new ConfigError(`COMPACT_WEBHOOK_ALLOW_PRIVATE: expected 1 or 0, found ${JSON.stringify(allowPrivate)}`);
  let offsets = DEFAULT_REMINDER_OFFSETS;
  if (env.COMPACT_REMINDERS)
    try {
      offsets = parseOffsets(env.COMPACT_REMINDERS);
    } catch (e) {
      throw new ConfigError(`COMPACT_REMINDERS: ${(e as Error).message}`);
    }
  const baseMs = int(env, 'COMPACT_WEBHOOK_BACKOFF_MS', DEFAULT_RETRY.baseMs, 1, 86_400_000);
  return {
    targets: {
      allowPrivate: allowPrivate === '1',
      allowHosts: (env.COMPACT_WEBHOOK_ALLOW_HOSTS ?? '')
        .split(',')
        .map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ''),
        )
        .filter(Boolean),
    },
    retry: {
      maxAttempts: int(env, 'COMPACT_WEBHOOK_MAX_ATTEMPTS', DEFAULT_RETRY.maxAttempts, 1, 100),
      baseMs,
      capMs: int(env, 'COMPACT_WEBHOOK_BACKOFF_CAP_MS', Math.max(DEFAULT_RETRY.capMs, baseMs), baseMs, 7 * 86_400_000),
      timeoutMs: int(env, 'COMPACT_WEBHOOK_TIMEOUT_MS', DEFAULT_RETRY.timeoutMs, 10, 300_000),
    },
    offsets,
    pollMs: int(env, 'COMPACT_WEBHOOK_POLL_MS', 1000, 5, 600_000),
    tickMs: int(env, 'COMPACT_REMINDER_TICK_MS', 1000, 5, 600_000),
    concurrency: int(env, 'COMPACT_WEBHOOK_CONCURRENCY', 8, 1, 256),
    holdMs: int(env, 'COMPACT_TEST_REMINDER_HOLD_MS', 0, 0, 3_600_000),
  };
}

// The timing rules of notifications: the retry schedule of a webhook delivery (exponential backoff with full
// jitter) and the reminder offsets around a deadline. Pure: randomness and durations come in as arguments.

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is marked failed. */
  maxAttempts: number;
  /** The ceiling of the first retry's delay; it doubles with every attempt... */
  baseMs: number;
  /** ...up to this ceiling. */
  capMs: number;
  /** How long one attempt may take (connect, send, response headers). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 10, baseMs: 5_000, capMs: 3_600_000, timeoutMs: 10_000 };

/**
 * The wait before the next attempt after `attempts` failed ones (1 = the first failed): "full jitter", a uniform
 * draw from [0, min(cap, base * 2^(attempts-1))), so retries of many deliveries spread out instead of arriving
 * together. `random` is a draw from [0, 1).
 */
export function backoffMs(attempts: number, p: RetryPolicy, random: number): number {
  const ceiling = Math.min(p.capMs, p.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(Math.min(Math.max(random, 0), 0.999_999) * ceiling);
}

/** Default reminders: 12 h and 2 h before the deadline, at it, and 1 h after it (overdue). */
export const DEFAULT_REMINDER_OFFSETS = [-12 * 3600, -2 * 3600, 0, 3600];

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Parses reminder offsets relative to the deadline, e.g. `-12h,-2h,0,+1h` (s, m, h, d; negative = before),
 * into whole seconds, sorted and without duplicates. Throws with the offending item.
 */
export function parseOffsets(text: string): number[] {
  const out = new Set<number>();
  for (const raw of text.split(',')) {
    const item = raw.trim();
    const m = /^([+-]?)(\d{1,6})([smhd]?)$/.exec(item);
    if (!m || (m[2] !== '0' && !m[3]))
      throw new Error(`"${item}" is not an offset; write a signed duration such as -12h, -30m, 0 or +1h`);
    const n = Number(m[2]) * (UNIT[m[3] || 's'] ?? 1) * (m[1] === '-' ? -1 : 1);
    out.add(n === 0 ? 0 : n);
  }
  return [...out].sort((a, b) => a - b);
}

/** `12h before`, `due`, `1h overdue`: how a reminder names its offset. */
export function offsetLabel(offsetS: number): string {
  if (offsetS === 0) return 'due';
  const a = Math.abs(offsetS);
  const text =
    a % 86400 === 0 ? `${a / 86400}d` : a % 3600 === 0 ? `${a / 3600}h` : a % 60 === 0 ? `${a / 60}m` : `${a}s`;
  return offsetS < 0 ? `${text} before` : `${text} overdue`;
}

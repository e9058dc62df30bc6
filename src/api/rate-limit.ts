// In-memory token buckets: each key (API token id, else client address) may make `burst` requests at once and
// `ratePerSec` more every second.

export interface RateLimitConfig {
  /** Tokens added per second (sustained requests per second per key). */
  ratePerSec: number;
  /** Bucket size: the largest burst a key may send at once. */
  burst: number;
  /** Most keys remembered; the least recently seen are dropped first (bounds memory under address floods). */
  maxKeys?: number;
}

/**
 * Reads `COMPACT_RATE_LIMIT`: `off` (or `0`) disables limiting, `R` or `R,B` sets R requests per second with
 * bursts of B (default B = 2R). Unset: 50 per second, bursts of 200. Returns null when disabled.
 */
export function rateLimitFromEnv(value: string | undefined): RateLimitConfig | null {
  if (value === undefined || value.trim() === '') return { ratePerSec: 50, burst: 200 };
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return null;
  const m = /^(\d+(?:\.\d+)?)(?:\s*,\s*(\d+))?$/.exec(v);
  if (!m) throw new Error(`COMPACT_RATE_LIMIT: expected off, R or R,B (requests per second, burst), found ${value}`);
  const rate = Number(m[1]);
  return { ratePerSec: rate, burst: m[2] ? Number(m[2]) : Math.max(1, Math.ceil(rate * 2)) };
}

export interface RateLimiter {
  /** Takes one token for `key` at `nowMs`; when none is left, how many whole seconds until one is. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterSec: number };
}

export function tokenBuckets(cfg: RateLimitConfig): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = cfg.maxKeys ?? 10_000;
  return {
    take(key, nowMs) {
      const b = buckets.get(key) ?? { tokens: cfg.burst, at: nowMs };
      buckets.delete(key); // re-inserted last: the map's order is least recently seen first
      b.tokens = Math.min(cfg.burst, b.tokens + (Math.max(0, nowMs - b.at) / 1000) * cfg.ratePerSec);
      b.at = nowMs;
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / cfg.ratePerSec)) };
    },
  };
}

// Coded JSON errors for the HTTP API: one shape for every failure and one function from codes to statuses.
import type { Issue } from '../core/issues.js';
import { normalizeText } from '../core/ledger/text.js';

/** Every error code the API answers with. */
export type ApiErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'not_available'
  | 'unsupported_media_type'
  | 'internal';

/** One problem with a request: `path` names the field (`query.in_force_on`, `body.event.at`). */
export interface ApiIssue {
  path: string;
  message: string;
  expected?: string;
  found?: string;
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode | Issue['code']; message: string; issues: ApiIssue[] };
}

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 501;

const STATUS: Record<string, Status> = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_available: 501,
  internal: 500,
};

/**
 * The HTTP status for an error code. Codes from the core's `Issue` (schema, date_range, unknown_party, ...)
 * are problems with the input, so they map to 422 unless named above.
 */
export function httpStatus(code: string): Status {
  return STATUS[code] ?? 422;
}

/** An expected failure thrown inside a handler; the app's error handler renders it. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode | Issue['code'],
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorBody['error']['code'], message: string, issues: ApiIssue[] = []): ApiErrorBody {
  return { error: { code, message, issues } };
}

/** Converts the core's issues (record field paths) to API issues, prefixed with where they came in (e.g. `body`). */
export function fromCoreIssues(issues: Issue[], prefix: string): ApiIssue[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path].map((p, k) => (typeof p === 'number' ? `[${p}]` : k ? `.${p}` : p)).join(''),
    message: i.message,
    ...(i.expected !== undefined ? { expected: i.expected } : {}),
    ...(i.found !== undefined ? { found: i.found } : {}),
  }));
}

interface ZodLikeIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  expected?: unknown;
  input?: unknown;
  values?: unknown[];
}

/** Converts zod issues to API issues; `target` is the request part (query, param, json). */
export function fromZodIssues(issues: readonly ZodLikeIssue[], target: string): ApiIssue[] {
  const where = target === 'json' ? 'body' : target;
  return issues.map((i) => {
    const path = [where, ...i.path.map(String)]
      .map((p, k) => (/^\d+$/.test(p) && k ? `[${p}]` : k ? `.${p}` : p))
      .join('');
    const expected =
      i.expected !== undefined ? String(i.expected) : i.values ? i.values.map(String).join(' | ') : undefined;
    const found = i.input === undefined ? undefined : typeof i.input === 'string' ? i.input : JSON.stringify(i.input);
    return {
      path,
      message: i.message,
      ...(expected ? { expected } : {}),
      ...(found !== undefined ? { found: found.slice(0, 200) } : {}),
    };
  });
}

/**
 * A free-text request field as it will be stored: NFC, LF line ends, no NUL, other control characters (tab and
 * newline allowed) or lone surrogates; a 400 naming `path` otherwise. null and undefined pass through.
 */
export function storedText<T extends string | null | undefined>(value: T, path: string): T {
  if (typeof value !== 'string') return value;
  const r = normalizeText(value, true);
  if (r.ok) return r.value as T;
  throw new ApiError('validation', `invalid request: ${path}: contains ${r.problem}`, [
    {
      path,
      message: `contains ${r.problem} at character ${r.at + 1}`,
      expected: 'text without control characters (tab and newline allowed), well-formed UTF-16',
    },
  ]);
}

// Fetches from the API: JSON with coded errors, a small cache for reads, and what this build serves. The shapes
// come from the generated OpenAPI types (api-types.ts, `npm run gen:api-types`), never written by hand.
import type { components, paths } from './api-types.js';

/** A named schema of the OpenAPI document (components.schemas). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON a route answers with on success (200, or 201 for a write that creates), by its documented path. */
export type Answer<P extends keyof paths, M extends 'get' | 'post' = 'get'> =
  NonNullable<paths[P][M]> extends { responses: infer R }
    ? JsonOf<R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never>
    : never;

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const cache = new Map<string, Promise<unknown>>();

const TOKEN_KEY = 'compact-api-token';

/** The API token for writes, kept for this browser tab only (sessionStorage), never in the URL. */
export function token(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(t: string): void {
  try {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled: the token lasts for this request only */
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const t = token();
  const res = await fetch(path, {
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
      ...(t ? { Authorization: `Bearer ${t}` } : {}),
    },
  });
  const body = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; issues: { path: string; message: string }[] };
  } | null;
  if (!res.ok)
    throw new ApiFailure(
      res.status,
      body?.error?.code ?? 'http',
      body?.error?.message ?? `${res.status} ${res.statusText}`,
      body?.error?.issues ?? [],
    );
  return body as T;
}

/** GET, cached for the page's life (the registry does not change under a running dashboard). */
export function get<T>(path: string): Promise<T> {
  if (!cache.has(path))
    cache.set(
      path,
      request<T>(path).catch((e) => {
        cache.delete(path);
        throw e;
      }),
    );
  return cache.get(path) as Promise<T>;
}

/** GET without the cache, for data that changes under the page (obligations, their states). */
export function fresh<T>(path: string): Promise<T> {
  return request<T>(path);
}

export function post<T>(path: string, body: unknown): Promise<T> {
  return request<T>(path, { method: 'POST', body: JSON.stringify(body) });
}

export interface GroupStatus {
  available: boolean;
  routes: string[];
  missing: string[];
}

/** True when the named route group (trigger, ledger, analysis) is served by this build. */
export async function available(group: string): Promise<boolean> {
  const caps = await get<{ groups: Record<string, GroupStatus> }>('/api/capabilities');
  return caps.groups[group]?.available ?? false;
}

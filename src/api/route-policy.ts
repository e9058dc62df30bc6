// Who may call which API route: every route (method + OpenAPI path) mapped to an action and, for operational
// writes, the parties the write touches. A route missing here is denied (fail closed).
import type { Action } from '../core/auth/roles.js';
import { parseCsv } from '../core/ledger/csv-parse.js';
import type { Queryable } from '../store/db.js';

/**
 * `compute` is a POST that changes no state (a simulation, an analysis run): authorised as a read. A trigger
 * simulation remembers its event in a bounded cache (dry_runs, the latest 1,000) so its ids can be explained.
 */
export type PolicyAction = Action | 'compute';

/** Stands for "every party": a write that touches all guarantors (recording an attack) is never one party's. */
export const ALL_PARTIES = '*';

/** What the party extractor sees: the path parameters and the body, parsed leniently (undefined when unparseable). */
export interface WriteInput {
  params: Record<string, string>;
  /** The parsed JSON body, or the raw text for non-JSON bodies (CSV); undefined when there is no usable body. */
  body: unknown;
  db: Queryable;
}

export interface RoutePolicy {
  action: PolicyAction;
  /**
   * For write_operational: the party codes (upper case) the write touches. An empty list means "cannot tell",
   * which denies a party editor (authorize requires every touched party to be its own, and at least one).
   */
  parties?: (w: WriteInput) => Promise<string[]> | string[];
}

const up = (v: unknown): string[] => (typeof v === 'string' && v.trim() ? [v.trim().toUpperCase()] : []);

/** The ledger rows a JSON body carries: one entry, an array, or {entries|rows: [...]}. */
function jsonRows(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    for (const k of ['entries', 'rows', 'lines']) if (Array.isArray(o[k])) return o[k] as unknown[];
    if (typeof o.entry === 'object' && o.entry) return [o.entry];
    return [o];
  }
  return [];
}

/** Providers of every row; a row without a provider yields '' so a party editor is denied rather than waved through. */
function providersOf(rows: unknown[]): string[] {
  return rows.map((r) => (r && typeof r === 'object' ? (up((r as Record<string, unknown>).provider)[0] ?? '') : ''));
}

/**
 * Providers of a CSV text, read straight from the `provider` column so a party editor sees its own rows'
 * validation errors; a file without that column, or a row without a provider, yields ''.
 */
function csvProviders(text: string): string[] {
  const [head, ...rows] = parseCsv(text).records;
  const col = head ? head.fields.findIndex((h) => h.trim().toLowerCase() === 'provider') : -1;
  if (col < 0) return [''];
  return rows.filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => up(r.fields[col])[0] ?? '');
}

const ledgerEntryParties = (w: WriteInput): string[] =>
  typeof w.body === 'string' ? csvProviders(w.body) : providersOf(jsonRows(w.body));

function importParties(w: WriteInput): string[] {
  if (typeof w.body === 'string') return csvProviders(w.body);
  const o = w.body && typeof w.body === 'object' && !Array.isArray(w.body) ? (w.body as Record<string, unknown>) : null;
  if (o && typeof o.csv === 'string') return csvProviders(o.csv);
  return providersOf(jsonRows(w.body));
}

/** An obligation transition touches the obligation's promisor, looked up in the store. */
async function obligationParties(w: WriteInput): Promise<string[]> {
  const id = w.params.id;
  if (!id) return [];
  const row = (await w.db.query<{ promisor: string }>('SELECT promisor FROM obligations WHERE id = $1', [id])).rows[0];
  return row ? [row.promisor.toUpperCase()] : [];
}

const READ: RoutePolicy = { action: 'read' };
const COMPUTE: RoutePolicy = { action: 'compute' };

/**
 * The table. Keys are `METHOD /openapi/{path}`. Recording an event (an armed attack) touches every party's
 * obligations, so it is a coordinator or admin act ({@link ALL_PARTIES}).
 */
export const ROUTE_POLICY: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/agreements': READ,
  'GET /api/agreements/{id}': READ,
  'GET /api/agreements/{id}/provisions': READ,
  'GET /api/records/{id}/sources': READ,
  'GET /api/records/{id}/versions': READ,
  'GET /api/frameworks': READ,
  'GET /api/frameworks/{id}': READ,
  'GET /api/parties': READ,
  'GET /api/guarantors': READ,
  'GET /api/provisions/areas': READ,
  'GET /api/provisions/capabilities': READ,
  'GET /api/provisions/mechanisms': READ,
  'GET /api/overview': READ,
  'GET /api/capabilities': READ,
  'GET /api/docs': READ,
  'GET /api/docs.js': READ,
  'GET /api/docs.css': READ,
  'GET /api/openapi.json': READ,
  'GET /api/events': READ,
  'GET /api/events/{id}': READ,
  'GET /api/obligations': READ,
  'GET /api/obligations/{id}': READ,
  'GET /api/obligations/{id}/explain': READ,
  'POST /api/events': { action: 'write_operational', parties: () => [ALL_PARTIES] },
  'POST /api/events/simulate': COMPUTE,
  'POST /api/obligations/{id}/transitions': { action: 'write_operational', parties: obligationParties },
  'GET /api/ledger/lines': READ,
  'GET /api/ledger/entries': READ,
  'GET /api/ledger/totals': READ,
  'GET /api/ledger/verify': READ,
  'GET /api/ledger/coverage': READ,
  'GET /api/ledger/gaps': READ,
  'POST /api/ledger/gaps': COMPUTE,
  'POST /api/ledger/entries': { action: 'write_operational', parties: ledgerEntryParties },
  'POST /api/ledger/import': { action: 'write_operational', parties: importParties },
  'GET /api/analysis/scores': READ,
  'GET /api/analysis/compare': READ,
  'GET /api/analysis/scenarios': READ,
  'POST /api/analysis/scenarios/run': COMPUTE,
  'POST /api/analysis/simulate': COMPUTE,
  'POST /api/analysis/settlement-check': COMPUTE,
};

interface Compiled {
  key: string;
  method: string;
  re: RegExp;
  names: string[];
  policy: RoutePolicy;
}

const compiled: Compiled[] = Object.entries(ROUTE_POLICY).map(([key, policy]) => {
  const [method, path] = key.split(' ') as [string, string];
  const names: string[] = [];
  const src = path.split(/(\{[^}]+\})/).map((part) => {
    const m = /^\{([^}]+)\}$/.exec(part);
    if (m) {
      names.push(m[1]!);
      return '([^/]+)';
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return { key, method, re: new RegExp(`^${src.join('')}/?$`), names, policy };
});

/** The policy of a request (HEAD is a GET), its key and path parameters; null when the route is not in the table. */
export function findPolicy(
  method: string,
  pathname: string,
): { key: string; policy: RoutePolicy; params: Record<string, string> } | null {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  // Literal segments win over parameters (/api/events/simulate before /api/events/{id}).
  let best: { c: Compiled; match: RegExpExecArray } | null = null;
  for (const c of compiled) {
    if (c.method !== m) continue;
    const match = c.re.exec(pathname);
    if (match && (!best || c.names.length < best.c.names.length)) best = { c, match };
  }
  if (!best) return null;
  const params: Record<string, string> = {};
  best.c.names.forEach((n, i) => {
    try {
      params[n] = decodeURIComponent(best!.match[i + 1]!);
    } catch {
      params[n] = best!.match[i + 1]!;
    }
  });
  return { key: best.c.key, policy: best.c.policy, params };
}

/** Converts a Hono route path (`/api/x/:id`) to the OpenAPI form used as table key (`/api/x/{id}`). */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

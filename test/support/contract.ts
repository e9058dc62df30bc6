// The API's stated contract, checked: every JSON response a test receives is validated against the response
// schema its OpenAPI document states for that method, path and status (JSON Schema 2020-12, formats included).
// A status the document does not list for the operation is drift too.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { createApp } from '../../src/api/app.js';
import type { Db } from '../../src/store/db.js';

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
  components?: unknown;
}

export interface Contract {
  /** Why the response breaks the document (empty when it conforms, or when the route is not in the document). */
  check(method: string, url: string, status: number, body: unknown): string[];
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** A validator for the document's responses; compiled schemas are kept per operation and status. */
export function contractOf(doc: OpenApiDoc): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajvFormats.default(ajv); // CommonJS: the plugin is module.exports.default under ESM
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const templates = Object.keys(doc.paths).map((p) => ({
    path: p,
    re: new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  }));
  const compiled = new Map<string, ValidateFunction>();
  return {
    check(method, url, status, body) {
      const path = new URL(url, 'http://api.test').pathname;
      // A literal path wins over a template (/api/events/simulate over /api/events/{id}).
      const t = templates.find((x) => x.path === path) ?? templates.find((x) => x.re.test(path));
      const m = method.toLowerCase();
      const op = t && doc.paths[t.path]![m];
      if (!t || !op) return [];
      const res = op.responses?.[String(status)];
      if (!res)
        return [
          `${method} ${t.path}: status ${status} is not documented (documented: ${Object.keys(op.responses ?? {}).join(', ')})`,
        ];
      if (!res.content?.['application/json']) return [];
      const key = `${m} ${t.path} ${status}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile({
          $ref: `openapi.json#/${pointer('paths', t.path, m, 'responses', String(status), 'content', 'application/json', 'schema')}`,
        });
        compiled.set(key, validate);
      }
      if (validate(body)) return [];
      return (validate.errors ?? []).map(
        (e) =>
          `${method} ${t.path} ${status}: body${e.instancePath || ''} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''} (schema ${e.schemaPath})`,
      );
    },
  };
}

interface RequestingApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * The app, with `request` checking every JSON answer against the app's own /api/openapi.json: a response that
 * breaks its documented schema fails the test that received it, naming the field.
 */
export function contractChecked<A extends RequestingApp>(app: A): A {
  const original = app.request.bind(app);
  const request = async (input: string, init?: RequestInit) => {
    const res = await original(input, init);
    if (!input.startsWith('/api/') || !(res.headers.get('Content-Type') ?? '').includes('application/json')) return res;
    const problems = (await documentOf()).check(init?.method ?? 'GET', input, res.status, await res.clone().json());
    if (problems.length)
      throw new Error(`the response breaks the OpenAPI document:\n${problems.slice(0, 10).join('\n')}`);
    return res;
  };
  return new Proxy(app, {
    get: (target, prop, recv) => (prop === 'request' ? request : Reflect.get(target, prop, recv)),
  });
}

// The document is the same for every app the tests build; it is read once, from an app of its own (so reading
// it costs the app under test no rate-limit token and needs no token when its reads are private). Serving the
// document touches no table, so that app runs on a store that holds nothing.
let shared: Promise<Contract> | null = null;
function documentOf(): Promise<Contract> {
  const none = async () => ({ rows: [] });
  const db: Db = {
    kind: 'pglite',
    query: none,
    exec: async () => {},
    transaction: (fn) => fn(db),
    close: async () => {},
  };
  shared ??= Promise.resolve(createApp({ db, log: () => {} }).request('/api/openapi.json')).then(async (r) => {
    if (!r.ok) throw new Error(`cannot read /api/openapi.json (${r.status}) to check answers against it`);
    return contractOf(await r.json());
  });
  return shared;
}

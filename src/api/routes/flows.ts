// Tracker flow routes: fulfilment per pledge, donors, yearly totals, burden sharing, revisions, and the import of
// a release (coordinator or admin) as an upload of its CSV files.
import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { checkIdentities, type InputFile, parseRelease } from '../../core/flows/index.js';
import type { Issue } from '../../core/issues.js';
import { rateIndex } from '../../core/ledger/index.js';
import { loadDailyRates } from '../../data/load-daily-rates.js';
import { loadRates } from '../../data/load-ledger-data.js';
import { bundledDataDir } from '../../platform/paths.js';
import { heavyWeapons, importRelease, listImports, listRevisions } from '../../store/flows-store.js';
import {
  burdenReport,
  donorsReport,
  fulfilmentReport,
  NoReleaseError,
  type RateInputs,
  totalsReport,
} from '../../store/flows-views.js';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { policy, READ, WRITE_ALL_PARTIES } from '../route-policy.js';
import { errorResponses, errorSchema } from '../schemas.js';
import {
  burdenSchema,
  donorsSchema,
  fulfilmentSchema,
  importSchema,
  importUnchangedSchema,
  revisionsSchema,
  totalsSchema,
  weaponsSchema,
} from './flows-schemas.js';

const tags = ['flows'];
/** An upload holds one release: a handful of CSV files of at most 4 MB each. */
const MAX_FILES = 12;
const MAX_FILE_BYTES = 4 << 20;

const ok = (schema: z.ZodType, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});
const party = z
  .string()
  .regex(/^[A-Za-z]{2,8}$/, { message: 'expected a party code such as GB' })
  .transform((s) => s.toUpperCase())
  .optional();
const year = z.coerce.number().int().min(1990).max(2100).optional();

const routes = {
  fulfilment: createRoute({
    method: 'get',
    path: '/api/fulfilment',
    middleware: policy(READ),
    tags,
    summary: "Each agreement pledge with an amount and period against the tracker's allocations",
    description:
      "Pledged (EUR at the ECB rate of its date, or rates=annual for its year's average), committed (the donor's tracker commitments in the period, all kinds), allocated (same donor, kind and period), ratio and caveats. Needs an imported release.",
    request: { query: z.object({ party, year, rates: z.enum(['daily', 'annual']).default('daily') }) },
    responses: ok(fulfilmentSchema, 'pledges compared with allocations, with the tracker citation'),
  }),
  donors: createRoute({
    method: 'get',
    path: '/api/flows/donors',
    middleware: policy(READ),
    tags,
    summary: 'Per donor: allocations by kind, committed, still to be allocated, monthly series; EU share beside',
    request: {
      query: z.object({ party, year, monthly: z.enum(['true', 'false']).default('true') }),
    },
    responses: ok(donorsSchema, 'donors with their bilateral allocations; EU shares beside, never added'),
  }),
  totals: createRoute({
    method: 'get',
    path: '/api/flows/totals',
    middleware: policy(READ),
    tags,
    summary: 'Allocations per donor, calendar year and kind (provider ALL = every donor)',
    responses: ok(totalsSchema, 'yearly allocations by kind'),
  }),
  burden: createRoute({
    method: 'get',
    path: '/api/flows/burden',
    middleware: policy(READ),
    tags,
    summary: "Allocations per donor and year as a share of 2021 GDP (the tracker's gdp column)",
    responses: ok(burdenSchema, 'shares of GDP, with EU shares beside'),
  }),
  weapons: createRoute({
    method: 'get',
    path: '/api/flows/weapons',
    middleware: policy(READ),
    tags,
    summary: 'Heavy weapons per donor and category (count, EUR value) with the systems in each',
    responses: ok(weaponsSchema, 'heavy weapons delivered or promised'),
  }),
  revisions: createRoute({
    method: 'get',
    path: '/api/flows/revisions',
    middleware: policy(READ),
    tags,
    summary: 'Tracker imports and every figure a later file corrected (when, from which file and line)',
    responses: ok(revisionsSchema, 'imports and corrections'),
  }),
  import: createRoute({
    method: 'post',
    path: '/api/flows/import',
    // A release touches every donor's figures: a coordinator or admin act.
    middleware: policy(WRITE_ALL_PARTIES),
    tags,
    summary: 'Import a tracker release (its CSV files), all or nothing; coordinator or admin',
    description: `Send the release's files as multipart/form-data (one file field per CSV, named by its file name), or JSON {"files": [{"name": "data_explorer.csv", "content": "..."}]}. At most ${MAX_FILES} files of ${MAX_FILE_BYTES} bytes each, within the server's body limit. Unknown headers and broken identities answer 422 naming file, line and column; nothing is written. The same files again write nothing.`,
    request: {
      body: {
        required: false,
        content: {
          'multipart/form-data': { schema: z.object({}).loose() },
          'application/json': {
            schema: z
              .object({
                files: z
                  .array(z.object({ name: z.string().max(200), content: z.string().max(MAX_FILE_BYTES) }).strict())
                  .min(1)
                  .max(MAX_FILES),
              })
              .strict(),
          },
        },
      },
    },
    responses: {
      201: { description: 'Imported', content: { 'application/json': { schema: importSchema } } },
      200: {
        description: 'These files were imported before: nothing written',
        content: { 'application/json': { schema: importUnchangedSchema } },
      },
      ...errorResponses,
      422: {
        description: 'Unknown header, bad value or broken identity (file:line:column); nothing was written',
        content: { 'application/json': { schema: errorSchema } },
      },
    },
  }),
};

function refuse(issues: Issue[]): never {
  const api = issues.map((i) => ({
    path: `body.files.${i.file ?? '?'}${i.line ? `:${i.line}` : ''}${i.column ? `:${i.column}` : ''}`,
    message: i.message,
    ...(i.expected ? { expected: i.expected } : {}),
    ...(i.found !== undefined ? { found: i.found } : {}),
  }));
  throw new ApiError(
    issues[0]?.code === 'inconsistent' ? 'inconsistent' : 'schema',
    `the release was refused: ${api
      .slice(0, 10)
      .map((i) => `${i.path} ${i.message}`)
      .join('; ')}${api.length > 10 ? `; ${api.length - 10} more` : ''}; nothing was written`,
    api,
  );
}

async function rates(basis: 'daily' | 'annual'): Promise<RateInputs> {
  const [d, a] = await Promise.all([loadDailyRates(bundledDataDir), loadRates(bundledDataDir)]);
  if (!d.daily || !a.table) throw new ApiError('internal', 'the bundled ECB rate tables do not load');
  return { basis, daily: d.daily, annual: rateIndex(a.table) };
}

async function noRelease<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NoReleaseError)
      throw new ApiError('not_found', e.message.replace('`compact flows import DIR`', 'POST /api/flows/import'));
    throw e;
  }
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Registers the flow routes; returns what this build serves. */
export function flowsRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  app.openapi(routes.fulfilment, async (c) => {
    const q = c.req.valid('query');
    return c.json(await noRelease(async () => fulfilmentReport(deps.db, await rates(q.rates), q)), 200);
  });
  app.openapi(routes.donors, async (c) => {
    const q = c.req.valid('query');
    const r = await noRelease(() => donorsReport(deps.db, { party: q.party, year: q.year }));
    return c.json(q.monthly === 'false' ? { ...r, donors: r.donors.map(({ monthly: _, ...d }) => d) } : r, 200);
  });
  app.openapi(routes.totals, async (c) => c.json(await noRelease(() => totalsReport(deps.db)), 200));
  app.openapi(routes.burden, async (c) => c.json(await noRelease(() => burdenReport(deps.db)), 200));
  app.openapi(routes.weapons, async (c) => c.json({ items: await heavyWeapons(deps.db) }, 200));
  app.openapi(routes.revisions, async (c) =>
    c.json({ imports: await listImports(deps.db), revisions: await listRevisions(deps.db) }, 200),
  );
  app.openapi(routes.import, async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    let files: InputFile[];
    if (/multipart\/form-data/i.test(type)) {
      const body = await c.req.parseBody({ all: true });
      const list = Object.values(body)
        .flat()
        .filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v);
      if (list.length === 0 || list.length > MAX_FILES)
        throw new ApiError('validation', `send 1 to ${MAX_FILES} CSV files`, [
          { path: 'body', message: 'wrong number of files', expected: `1-${MAX_FILES}`, found: String(list.length) },
        ]);
      files = [];
      for (const f of list) {
        if (f.size > MAX_FILE_BYTES)
          throw new ApiError('payload_too_large', `${f.name} is larger than ${MAX_FILE_BYTES} bytes`);
        const bytes = Buffer.from(await f.arrayBuffer());
        files.push({
          name: f.name,
          text: bytes.toString('utf8'),
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });
      }
    } else if (/json/i.test(type)) {
      const b = c.req.valid('json') as { files: { name: string; content: string }[] };
      files = b.files.map((f) => ({ name: f.name, text: f.content, sha256: sha(f.content) }));
    } else
      throw new ApiError('unsupported_media_type', 'send multipart/form-data or application/json', [
        {
          path: 'header.content-type',
          message: 'unsupported',
          expected: 'multipart/form-data or application/json',
          found: type,
        },
      ]);
    const parsed = parseRelease(files);
    if (!parsed.release) refuse(parsed.issues);
    const broken = checkIdentities(parsed.release);
    if (broken.length) refuse(broken);
    const r = await importRelease(deps.db, parsed.release, deps.now().toISOString());
    if (!r.ok) refuse(r.issues);
    const body = { release: parsed.release.info, files: parsed.release.files, ...r, changes: r.changes.length };
    const { unchanged_since } = r;
    return unchanged_since ? c.json({ ...body, unchanged_since }, 200) : c.json({ ...body, unchanged_since }, 201);
  });
  return {
    available: true,
    routes: Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`),
    missing: [],
  };
}

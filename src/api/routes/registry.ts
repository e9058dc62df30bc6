// Registry routes: agreements (filtered, paginated), one agreement with its provisions, sources and versions,
// frameworks, parties, guarantor figures, the area matrix and the overview.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { completenessOf, completenessReport } from '../../core/completeness.js';
import { describedForce } from '../../core/force-text.js';
import type { Agreement } from '../../core/model.js';
import { packageDataDir, textsAtHand } from '../../data/texts-at-hand.js';
import { provisionSchema } from '../../schema/registry.js';
import { cachedRegistry, memoByGeneration } from '../../store/registry-cache.js';
import { getRecord, listFrameworks, listParties, recordVersions, sourcesOf } from '../../store/registry-store.js';
import type { ApiDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import {
  agreementPage,
  areaMatrix,
  capabilityMatrix,
  guarantorFigures,
  mechanismProvisions,
  overview,
} from '../registry-queries.js';
import { policy, READ } from '../route-policy.js';
import {
  agreementDetailSchema,
  agreementFilterQuery,
  agreementRowSchema,
  errorResponses,
  frameworkDetailSchema,
  guarantorSchema,
  idParam,
  overviewSchema,
  pageOf,
  partySchema,
  sourceListSchema,
  versionListSchema,
} from '../schemas.js';
import { completenessReportSchema, completenessSchema } from './completeness-schemas.js';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});
const tags = ['registry'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/agreements',
    middleware: policy(READ),
    tags,
    summary: 'List agreements',
    description:
      'Filter by day in force, party, area and series; keyset (`cursor`) or `offset` pagination, ordered by signature date then id.',
    request: { query: agreementFilterQuery },
    responses: json(pageOf(agreementRowSchema, 'AgreementPage'), 'A page of agreements'),
  }),
  one: createRoute({
    method: 'get',
    path: '/api/agreements/{id}',
    middleware: policy(READ),
    tags,
    summary: 'One agreement with its period of force, record version and completeness',
    request: { params: idParam },
    responses: json(
      agreementDetailSchema.extend({ completeness: completenessSchema }).meta({ id: 'Agreement' }),
      'The agreement',
    ),
  }),
  provisions: createRoute({
    method: 'get',
    path: '/api/agreements/{id}/provisions',
    middleware: policy(READ),
    tags,
    summary: "An agreement's provisions, each with quote, section and source",
    request: { params: idParam },
    responses: json(z.array(provisionSchema), 'Provisions'),
  }),
  sources: createRoute({
    method: 'get',
    path: '/api/records/{id}/sources',
    middleware: policy(READ),
    tags,
    summary: 'The sources a record (agreement or framework) cites',
    request: { params: idParam },
    responses: json(sourceListSchema, 'Sources'),
  }),
  versions: createRoute({
    method: 'get',
    path: '/api/records/{id}/versions',
    middleware: policy(READ),
    tags,
    summary: "A record's versions (a new one each time its content changed on load)",
    request: { params: idParam },
    responses: json(versionListSchema, 'Versions'),
  }),
  frameworks: createRoute({
    method: 'get',
    path: '/api/frameworks',
    middleware: policy(READ),
    tags,
    summary: 'Frameworks: the 2022 proposal, the G7 declaration, the Ukraine Compact, ...',
    responses: json(z.array(frameworkDetailSchema), 'Frameworks'),
  }),
  framework: createRoute({
    method: 'get',
    path: '/api/frameworks/{id}',
    middleware: policy(READ),
    tags,
    summary: 'One framework',
    request: { params: idParam },
    responses: json(frameworkDetailSchema, 'The framework'),
  }),
  parties: createRoute({
    method: 'get',
    path: '/api/parties',
    middleware: policy(READ),
    tags,
    summary: 'Parties with NATO and EU membership dates',
    responses: json(z.array(partySchema), 'Parties'),
  }),
  guarantors: createRoute({
    method: 'get',
    path: '/api/guarantors',
    middleware: policy(READ),
    tags,
    summary: 'Per agreement: guarantor, force, provisions, areas and stated pledges',
    responses: json(z.array(guarantorSchema), 'Guarantor figures'),
  }),
  areas: createRoute({
    method: 'get',
    path: '/api/provisions/areas',
    middleware: policy(READ),
    tags,
    summary: 'How many provisions of each area every record has',
    responses: json(z.array(z.object({ record_id: z.string(), area: z.string(), n: z.number().int() })), 'Area counts'),
  }),
  capabilities: createRoute({
    method: 'get',
    path: '/api/provisions/capabilities',
    middleware: policy(READ),
    tags,
    summary: 'Which capability coalitions each agreement names, with counts',
    responses: json(
      z.array(z.object({ record_id: z.string(), partner: z.string(), capability: z.string(), n: z.number().int() })),
      'Capability counts',
    ),
  }),
  mechanisms: createRoute({
    method: 'get',
    path: '/api/provisions/mechanisms',
    middleware: policy(READ),
    tags,
    summary: 'Provisions with a mechanism the trigger engine acts on',
    responses: json(
      z.array(
        z.object({
          record_id: z.string(),
          provision_id: z.string(),
          mechanism_kind: z.string(),
          promisors: z.array(z.string()),
          quote: z.string(),
          where_ref: z.string(),
          source_id: z.string(),
        }),
      ),
      'Provisions with mechanisms',
    ),
  }),
  completeness: createRoute({
    method: 'get',
    path: '/api/completeness',
    middleware: policy(READ),
    tags,
    summary: 'Per agreement: fields known and null, provisions from the text against those from reports, text at hand',
    responses: json(completenessReportSchema, 'Completeness of every agreement record'),
  }),
  overview: createRoute({
    method: 'get',
    path: '/api/overview',
    middleware: policy(READ),
    tags,
    summary: 'Key figures of the registry',
    responses: json(overviewSchema, 'Key figures'),
  }),
};

async function agreementOr404(
  deps: ApiDeps,
  id: string,
): Promise<{ body: Agreement; kind: string; version: number; file: string | null; loaded_at: string }> {
  const rec = await getRecord<Agreement>(deps.db, id);
  if (rec?.kind !== 'agreement')
    throw new ApiError('not_found', `no agreement ${id}; list them at /api/agreements`, [
      { path: 'param.id', message: 'unknown agreement id', found: id },
    ]);
  return rec;
}

/** Registers the registry routes on `app`. */
export function registryRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(routes.list, async (c) => c.json((await agreementPage(deps.db, c.req.valid('query'))) as never, 200));
  app.openapi(routes.one, async (c) => {
    const rec = await agreementOr404(deps, c.req.valid('param').id);
    const versions = await recordVersions(deps.db, rec.body.id);
    return c.json(
      {
        ...rec.body,
        force: describedForce(rec.body),
        completeness: completenessOf(rec.body, await textsAtHand(packageDataDir)),
        record: {
          kind: rec.kind,
          version: rec.version,
          file: rec.file,
          loaded_at: new Date(rec.loaded_at).toISOString(),
          versions: versions.length,
        },
      } as never,
      200,
    );
  });
  app.openapi(routes.provisions, async (c) =>
    c.json((await agreementOr404(deps, c.req.valid('param').id)).body.provisions as never, 200),
  );
  app.openapi(routes.sources, async (c) => {
    const id = c.req.valid('param').id;
    if (!(await getRecord(deps.db, id)))
      throw new ApiError('not_found', `no record ${id}`, [
        { path: 'param.id', message: 'unknown record id', found: id },
      ]);
    const rows = (await sourcesOf(deps.db, id)) as { date: unknown }[];
    return c.json(rows.map((s) => ({ ...s, date: s.date ? isoDay(s.date) : null })) as never, 200);
  });
  app.openapi(routes.versions, async (c) => {
    const id = c.req.valid('param').id;
    const v = await recordVersions(deps.db, id);
    if (v.length === 0)
      throw new ApiError('not_found', `no record ${id}`, [
        { path: 'param.id', message: 'unknown record id', found: id },
      ]);
    return c.json(v.map((x) => ({ ...x, loaded_at: new Date(x.loaded_at).toISOString() })) as never, 200);
  });
  app.openapi(routes.frameworks, async (c) => c.json((await listFrameworks(deps.db)) as never, 200));
  app.openapi(routes.framework, async (c) => {
    const id = c.req.valid('param').id;
    const rec = await getRecord(deps.db, id);
    if (rec?.kind !== 'framework')
      throw new ApiError('not_found', `no framework ${id}; list them at /api/frameworks`, [
        { path: 'param.id', message: 'unknown framework id', found: id },
      ]);
    return c.json(rec.body as never, 200);
  });
  app.openapi(routes.parties, async (c) => {
    const rows = await listParties(deps.db);
    return c.json(
      rows.map((p) => ({
        ...p,
        nato_member_since: p.nato_member_since ? isoDay(p.nato_member_since) : null,
        eu_member_since: p.eu_member_since ? isoDay(p.eu_member_since) : null,
      })) as never,
      200,
    );
  });
  // Figures derived from the whole registry are computed once per registry generation.
  const memo = <T>(f: (db: typeof deps.db) => Promise<T>) => memoByGeneration(deps.db, () => f(deps.db));
  const [guarantors, areas, capabilities, mechanisms, keyFigures] = [
    memo(guarantorFigures),
    memo(areaMatrix),
    memo(capabilityMatrix),
    memo(mechanismProvisions),
    memo(overview),
  ];
  app.openapi(routes.guarantors, async (c) => c.json((await guarantors()) as never, 200));
  app.openapi(routes.areas, async (c) => c.json((await areas()) as never, 200));
  app.openapi(routes.capabilities, async (c) => c.json((await capabilities()) as never, 200));
  app.openapi(routes.mechanisms, async (c) => c.json((await mechanisms()) as never, 200));
  app.openapi(routes.overview, async (c) => c.json((await keyFigures()) as never, 200));
  const registry = cachedRegistry(deps.db);
  app.openapi(routes.completeness, async (c) =>
    c.json(completenessReport((await registry()).agreements, await textsAtHand(packageDataDir)) as never, 200),
  );
}

/** Dates come back from the drivers as Date objects or strings; the wire carries YYYY-MM-DD. */
function isoDay(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

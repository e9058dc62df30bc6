// Ledger read routes: entries (filters + keyset pages), totals, chain verification, coverage and gaps. Reads
// only: the ledger seed is appended by `compact load` and the store's first fill, never by a GET.
import { join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { formatIssue } from '../../core/issues.js';
import {
  burdenShare,
  CHANNELS,
  coverage,
  ENTRY_STATUSES,
  ENTRY_TYPES,
  type ForceWindow,
  gaps,
  predictability,
  rateIndex,
  SUPPORT_KINDS,
  TOTAL_DIMENSIONS,
  type TotalDimension,
  totals,
} from '../../core/ledger/index.js';
import { CAPABILITIES } from '../../core/taxonomy.js';
import { loadGdp, loadNeeds, loadRates, parseNeeds } from '../../data/load-ledger-data.js';
import { bundledDataDir, packageRoot } from '../../platform/paths.js';
import type { Db } from '../../store/db.js';
import { ledgerBuckets, ledgerHead, ledgerPage, verifyLedger } from '../../store/ledger-store.js';
import { listAgreements } from '../../store/registry-store.js';
import type { ApiDeps } from '../deps.js';
import { ApiError, fromCoreIssues } from '../errors.js';
import { COMPUTE, policy, READ } from '../route-policy.js';
import { dateParam, day, errorResponses, instant } from '../schemas.js';

const tags = ['ledger'];
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});
const head = { count: z.number().int(), head_hash: z.string().regex(/^[0-9a-f]{64}$/) };
const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: 'exact decimal, as a string', example: '1340000000.00' });

const text = z.string().nullable();
const ledgerEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    ref: z.string(),
    entry_type: z.enum(ENTRY_TYPES),
    effective_type: z
      .enum(ENTRY_TYPES)
      .exclude(['correction'])
      .meta({ description: 'a correction counts as what it corrects' }),
    provider: z.string(),
    recipient: z.string(),
    agreement_id: text,
    provision_id: text,
    pledge_ref: text,
    amount: decimal.nullable(),
    currency: text,
    date: day(),
    year_from: z.number().int().nullable(),
    year_to: z.number().int().nullable(),
    kind: z.enum(SUPPORT_KINDS),
    capability: z.enum(CAPABILITIES).nullable(),
    item: text,
    quantity: z.number().int().nullable(),
    status: z.enum(ENTRY_STATUSES),
    channel: z.enum(CHANNELS),
    within: text,
    corrects: text,
    supersedes: z.boolean(),
    source_url: z.string(),
    source_quote: text,
    note: text,
    recorded_at: instant(),
    prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .meta({ id: 'LedgerEntry' });

const gapRowSchema = z.object({
  capability: z.string(),
  year: z.number().int(),
  need: decimal,
  committed: decimal,
  indicative: decimal,
  delivered: decimal.nullable().meta({ description: 'null: no delivery recorded (no data, not zero)' }),
  gap_committed: decimal.meta({ description: 'need - committed (positive = uncovered)' }),
  gap_with_indicative: decimal.meta({ description: 'need - committed - indicative' }),
  covered_share: z.string().nullable().meta({ description: 'committed / need, four decimals; null for a zero need' }),
});

const coverageSchema = z
  .object({
    as_of: day(),
    capabilities: z.array(z.string()),
    guarantors: z.array(z.string()),
    years: z.array(z.number().int()),
    cells: z.array(
      z.object({
        capability: z.string().meta({ example: 'air_force' }),
        guarantor: z.string().meta({ example: 'DK' }),
        year: z.number().int(),
        committed: decimal,
        indicative: decimal,
        expired: decimal.meta({ description: 'earmarked for a year wholly after the agreement ends' }),
        delivered: decimal.nullable().meta({ description: 'null: the ledger has no delivery for the cell (not zero)' }),
        delivery: z.enum(['recorded', 'no_data']),
      }),
    ),
    no_rate: z
      .array(z.object({ currency: z.string().nullable(), year: z.number().int(), entries: z.number().int() }))
      .meta({ description: 'buckets left out for want of an ECB rate' }),
    predictability: z.array(
      z.object({
        guarantor: z.string().meta({ description: 'party code, or * for all' }),
        year: z.number().int(),
        committed: decimal,
        indicative: decimal,
        committed_share: z.string().nullable(),
      }),
    ),
    burden_share: z.array(
      z.object({
        party: z.string(),
        year: z.number().int(),
        planned_eur: decimal,
        gdp_eur: decimal.nullable(),
        gdp_year: z.number().int().nullable(),
        percent_of_gdp: z.string().nullable(),
      }),
    ),
    allocated: z
      .array(z.object({ guarantor: z.string().meta({ example: 'GB' }), year: z.number().int(), eur: decimal }))
      .meta({ description: "the tracker's allocations per guarantor and year, EUR (no capability is coded there)" }),
    ledger: z.object(head),
  })
  .meta({ id: 'Coverage' });

const party = z.string().regex(/^[A-Za-z]{2,8}$/, { message: 'expected a party code such as GB' });
export const routes = {
  entries: createRoute({
    method: 'get',
    path: '/api/ledger/entries',
    middleware: policy(READ),
    tags,
    summary: 'Ledger entries in sequence order (filter by provider, agreement, type); keyset pages',
    request: {
      query: z.object({
        provider: party.optional(),
        agreement: z.string().max(200).optional(),
        type: z
          .enum(['pledge', 'allocation', 'delivery', 'commitment', 'heavy_weapons', 'correction'])
          .optional()
          .meta({ description: 'effective entry type' }),
        cursor: z
          .string()
          .regex(/^\d{1,15}$/, { message: 'expected the next_cursor of the previous page' })
          .optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
    },
    responses: ok(
      z
        .object({
          items: z.array(ledgerEntrySchema),
          next_cursor: z.string().nullable(),
          ...head,
        })
        .meta({ id: 'LedgerPage' }),
      'A page of entries with the head of the chain',
    ),
  }),
  totals: createRoute({
    method: 'get',
    path: '/api/ledger/totals',
    middleware: policy(READ),
    tags,
    summary: 'Ledger totals by party, year, kind, ... (type always included; optionally in EUR)',
    request: {
      query: z.object({
        by: z
          .string()
          .default('party,year')
          .meta({ description: `comma-separated: ${TOTAL_DIMENSIONS.join(', ')}` }),
        currency: z.enum(['EUR']).optional().meta({
          description:
            'convert at the ECB annual average of the entry year; entries without a rate are counted in no_rate',
        }),
        include_eu_channel: z.enum(['true', 'false']).default('false'),
      }),
    },
    responses: ok(
      z
        .object({
          by: z.array(z.string()),
          currency: z.string().nullable(),
          rows: z.array(
            z
              .object({
                currency: z.string(),
                amount: z.string(),
                entries: z.number().int(),
                no_rate: z.number().int(),
              })
              .loose(),
          ),
          ...head,
        })
        .meta({ id: 'LedgerTotals' }),
      'Totals (amounts as exact decimal strings)',
    ),
  }),
  verify: createRoute({
    method: 'get',
    path: '/api/ledger/verify',
    middleware: policy(READ),
    tags,
    summary: 'Recompute the hash chain; name the first entry that does not match',
    responses: ok(
      z
        .object({
          ok: z.boolean(),
          checked: z.number().int(),
          head: z.object(head),
          first_bad: z.object({ seq: z.number().int(), ref: z.string(), reason: z.string() }).nullable(),
        })
        .meta({ id: 'LedgerVerify' }),
      'The verification',
    ),
  }),
  coverage: createRoute({
    method: 'get',
    path: '/api/ledger/coverage',
    middleware: policy(READ),
    tags,
    summary:
      'Capability x guarantor x year: committed, indicative, expired, delivered (EUR), with predictability and % of GDP',
    request: {
      query: z.object({
        year: z.coerce.number().int().min(1990).max(2200).optional(),
        as_of: dateParam.optional().meta({ description: 'default: today' }),
      }),
    },
    responses: ok(coverageSchema, 'The coverage'),
  }),
  gapsFor: createRoute({
    method: 'post',
    path: '/api/ledger/gaps',
    middleware: policy(COMPUTE),
    tags,
    summary: 'Your needs per capability and year against committed and indicative support',
    description:
      'The body carries a needs document in the format of config/needs-example.yaml (YAML or JSON text, or the object itself). Nothing is written.',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                needs: z.union([z.string().max(1_000_000), z.object({}).loose()]),
                as_of: dateParam.optional(),
              })
              .strict(),
          },
        },
      },
    },
    responses: ok(
      z
        .object({
          as_of: z.string(),
          illustrative: z.boolean().nullable(),
          rows: z.array(gapRowSchema),
        })
        .meta({ id: 'GapsFor' }),
      'The gaps',
    ),
  }),
  gaps: createRoute({
    method: 'get',
    path: '/api/ledger/gaps',
    middleware: policy(READ),
    tags,
    summary:
      'Stated needs per capability and year against committed and indicative support (needs: config/needs-example.yaml, illustrative)',
    request: { query: z.object({ as_of: dateParam.optional() }) },
    responses: ok(
      z
        .object({
          as_of: z.string(),
          illustrative: z.boolean().nullable(),
          rows: z.array(gapRowSchema),
        })
        .meta({ id: 'Gaps' }),
      'The gaps',
    ),
  }),
};

async function rateIdx() {
  const r = await loadRates(bundledDataDir);
  if (!r.table)
    throw new ApiError('internal', `the exchange rates do not load: ${r.issues.map(formatIssue).join('; ')}`);
  return rateIndex(r.table);
}

async function coverageOf(db: Db, asOf: string) {
  const force = new Map<string, ForceWindow>(
    (await listAgreements(db)).map((a) => [a.id, { start: a.in_force_from, end: a.in_force_until }]),
  );
  return coverage(await ledgerBuckets(db), await rateIdx(), force, asOf);
}

/** Registers the ledger read routes. */
export function ledgerReadRoutes(app: OpenAPIHono, deps: ApiDeps): string[] {
  const today = () => deps.now().toISOString().slice(0, 10);
  app.openapi(routes.entries, async (c) => {
    const q = c.req.valid('query');
    const rows = await ledgerPage(deps.db, Number(q.cursor ?? 0), q.limit + 1, {
      provider: q.provider?.toUpperCase(),
      agreement: q.agreement,
      type: q.type,
    });
    const items = rows.slice(0, q.limit);
    return c.json(
      {
        items,
        next_cursor: rows.length > q.limit ? String(items[items.length - 1]!.seq) : null,
        ...(await ledgerHead(deps.db)),
      },
      200,
    );
  });
  app.openapi(routes.totals, async (c) => {
    const q = c.req.valid('query');
    const by = q.by
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = by.filter((d) => !(TOTAL_DIMENSIONS as readonly string[]).includes(d));
    if (bad.length || !by.length)
      throw new ApiError('validation', `unknown total dimension(s): ${bad.join(', ') || '(none given)'}`, [
        { path: 'query.by', message: 'unknown dimension', expected: TOTAL_DIMENSIONS.join(' | '), found: q.by },
      ]);
    const rows = totals(await ledgerBuckets(deps.db), by as TotalDimension[], {
      eur: q.currency === 'EUR',
      idx: await rateIdx(),
      includeEuChannel: q.include_eu_channel === 'true',
    });
    return c.json({ by, currency: q.currency ?? null, rows, ...(await ledgerHead(deps.db)) } as never, 200);
  });
  app.openapi(routes.verify, async (c) => c.json((await verifyLedger(deps.db)) as never, 200));
  app.openapi(routes.coverage, async (c) => {
    const q = c.req.valid('query');
    const cov = await coverageOf(deps.db, q.as_of ?? today());
    const gdp = await loadGdp(bundledDataDir);
    if (!gdp.values)
      throw new ApiError('internal', `the GDP values do not load: ${gdp.issues.map(formatIssue).join('; ')}`);
    const cells = q.year ? cov.cells.filter((x) => x.year === q.year) : cov.cells;
    return c.json(
      {
        ...cov,
        cells,
        years: q.year ? [q.year] : cov.years,
        predictability: predictability(cov),
        burden_share: burdenShare(cov, gdp.values),
        ledger: await ledgerHead(deps.db),
      },
      200,
    );
  });
  app.openapi(routes.gaps, async (c) => {
    const asOf = c.req.valid('query').as_of ?? today();
    const n = await loadNeeds(join(packageRoot, 'config', 'needs-example.yaml'));
    if (!n.needs)
      throw new ApiError('internal', `the needs file does not load: ${n.issues.map(formatIssue).join('; ')}`);
    return c.json(
      {
        as_of: asOf,
        illustrative: n.illustrative ?? null,
        rows: gaps(await coverageOf(deps.db, asOf), n.needs),
      },
      200,
    );
  });
  app.openapi(routes.gapsFor, async (c) => {
    const b = c.req.valid('json');
    const n = parseNeeds(typeof b.needs === 'string' ? b.needs : JSON.stringify(b.needs), 'body.needs');
    if (!n.needs)
      throw new ApiError(
        'validation',
        `the needs document is not valid: ${n.issues.map(formatIssue).join('; ')}`,
        fromCoreIssues(n.issues, 'body.needs'),
      );
    const asOf = b.as_of ?? today();
    return c.json(
      {
        as_of: asOf,
        illustrative: n.illustrative ?? null,
        rows: gaps(await coverageOf(deps.db, asOf), n.needs),
      },
      200,
    );
  });
  return Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`);
}

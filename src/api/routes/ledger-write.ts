// Ledger write routes: append one entry (JSON, ledger column names) or import a CSV, all or nothing. Each body
// names the acting provider per entry, which the access policy checks.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Issue } from '../../core/issues.js';
import {
  CHANNELS,
  draftFromColumns,
  ENTRY_STATUSES,
  ENTRY_TYPES,
  LEDGER_COLUMNS,
  LEDGER_FORMAT,
  mapRecords,
  parseCsv,
  SUPPORT_KINDS,
} from '../../core/ledger/index.js';
import { CAPABILITIES } from '../../core/taxonomy.js';
import { appendEntries } from '../../store/ledger-store.js';
import { authorizeParties } from '../auth.js';
import type { ApiDeps } from '../deps.js';
import { ApiError, fromCoreIssues } from '../errors.js';
import { policy, WRITE_CHECKED } from '../route-policy.js';
import { conflictResponse, errorResponses, errorSchema } from '../schemas.js';

const tags = ['ledger'];
const text = (max = 2_000) => z.string().max(max).nullish();
const year = z.number().int().min(1991).max(2100).nullish();
// One field per ledger column, typed as the server checks it (docs/ledger.md): enums for the coded columns,
// exact decimal strings for money, ISO dates, party and currency codes. Empty optional columns may be null.
const entryBody = z
  .object({
    ref: z.string().min(1).max(200).meta({ example: 'gb-2025-delivery-001' }),
    entry_type: z.enum(ENTRY_TYPES),
    provider: z
      .string()
      .regex(/^[A-Za-z]{2,8}$/, { message: 'expected the providing party code, e.g. GB' })
      .meta({ description: 'the acting party, checked against the token', example: 'GB' }),
    recipient: z
      .string()
      .regex(/^[A-Za-z]{2,8}$/)
      .nullish()
      .meta({ description: 'default UA', example: 'UA' }),
    agreement_id: text(200).meta({ example: 'ua-gb-2024' }),
    provision_id: text(200),
    pledge_ref: text(400),
    amount: z
      .string()
      .regex(/^-?[0-9][0-9_]*(\.[0-9]+)?$/, { message: 'expected a decimal amount such as 2500000000.00' })
      .nullish()
      .meta({ description: 'exact decimal, as a string (no floating point)', example: '2500000000.00' }),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, { message: 'expected an ISO 4217 code such as EUR' })
      .nullish()
      .meta({ example: 'GBP' }),
    date: z.iso.date().meta({ example: '2025-02-01' }),
    year_from: year,
    year_to: year,
    kind: z.enum(SUPPORT_KINDS),
    capability: z.enum(CAPABILITIES).nullish(),
    item: text(),
    quantity: z.number().int().min(0).nullish(),
    status: z.enum(ENTRY_STATUSES),
    channel: z.enum(CHANNELS).nullish().meta({ description: 'default bilateral' }),
    within: text(400),
    corrects: text(200),
    supersedes: z.boolean().nullish().meta({ description: 'default: true for a correction, else false' }),
    source_url: z.url().meta({ example: 'https://www.gov.uk/government/news/example' }),
    source_quote: text(20_000),
    note: text(20_000),
  })
  .strict()
  .meta({
    id: 'LedgerEntryInput',
    description: `one entry in the ledger columns (${LEDGER_COLUMNS.join(', ')}); docs/ledger.md gives the rules. \`provider\` is the acting party.`,
  });
const written = z
  .object({ appended: z.number().int(), count: z.number().int(), head_hash: z.string() })
  .meta({ id: 'LedgerWrite' });
const responses = {
  201: { description: 'Appended', content: { 'application/json': { schema: written } } },
  ...errorResponses,
  ...conflictResponse,
  415: {
    description: 'The body is neither JSON nor text/csv',
    content: { 'application/json': { schema: errorSchema } },
  },
  422: {
    description: 'Rows that do not check (each issue names the row and column); nothing was written',
    content: { 'application/json': { schema: errorSchema } },
  },
} as const;

const routes = {
  add: createRoute({
    method: 'post',
    path: '/api/ledger/entries',
    middleware: policy(WRITE_CHECKED),
    tags,
    summary: 'Append one entry (pledge, allocation, delivery or correction), checked against the registry',
    request: { body: { required: true, content: { 'application/json': { schema: entryBody } } } },
    responses,
  }),
  import: createRoute({
    method: 'post',
    path: '/api/ledger/import',
    middleware: policy(WRITE_CHECKED),
    tags,
    summary: 'Import ledger rows from CSV (ledger columns), all or nothing',
    description:
      'Send the CSV as text/csv, or as JSON {"csv": "..."}. One transaction: any bad row means nothing is written; issues name the CSV row and column.',
    request: {
      body: {
        required: false,
        content: {
          'text/csv': { schema: z.string() },
          'application/json': { schema: z.object({ csv: z.string().max(50_000_000) }).strict() },
        },
      },
    },
    responses,
  }),
};

function reject(issues: Issue[], prefix: string, what: string): never {
  const api = issues.map((i) => {
    const [x] = fromCoreIssues([i], prefix);
    return i.line ? { ...x!, path: `${prefix}.row[${i.line}]${i.path.length ? `.${i.path.join('.')}` : ''}` } : x!;
  });
  const first = issues.find((i) => i.code === 'forbidden') ?? issues[0];
  throw new ApiError(
    first?.code === 'not_found' ? 'validation' : (first?.code ?? 'validation'),
    `${what}: ${api
      .map((i) => `${i.path}: ${i.message}`)
      .slice(0, 20)
      .join('; ')}${api.length > 20 ? `; ${api.length - 20} more` : ''}; nothing was written`,
    api,
  );
}

/** The JSON media types, as the route validator reads them (application/json, application/x+json, ...). */
const JSON_TYPE = /^application\/([a-z-.]+\+)?json/i;

/** A body sent as text/csv that is a JSON document: its type and content disagree, so it is refused (415). */
function refuseJsonAsCsv(text: string): void {
  if (!/^\s*[[{"]/.test(text)) return;
  try {
    JSON.parse(text);
  } catch {
    return;
  }
  throw new ApiError(
    'unsupported_media_type',
    'the body is a JSON document but Content-Type says text/csv; send CSV as text/csv, or JSON {"csv": "..."} as application/json',
    [{ path: 'header.content-type', message: 'the body is JSON', expected: 'text/csv content', found: 'JSON' }],
  );
}

/** Registers the ledger write routes. */
export function ledgerWriteRoutes(app: OpenAPIHono, deps: ApiDeps): string[] {
  app.openapi(routes.add, async (c) => {
    const b = c.req.valid('json') as Record<string, unknown>;
    const draft = draftFromColumns((col) => {
      const v = b[col];
      const s = v === null || v === undefined ? '' : String(v).trim();
      return s ? (col === 'provider' ? s.toUpperCase() : s) : null;
    });
    authorizeParties(c, [draft.provider], 'body.provider');
    const r = await appendEntries(deps.db, [{ draft }], deps.now().toISOString(), undefined, {
      actor: c.get('principal'),
    });
    if (!r.ok) reject(r.issues, 'body', 'the entry was not appended');
    return c.json({ appended: 1, ...r.head }, 201);
  });
  app.openapi(routes.import, async (c) => {
    // One reading of the body, chosen by its declared type; a body that is another type than declared is refused.
    const json = JSON_TYPE.test(c.req.header('Content-Type') ?? '');
    const text = json ? (c.req.valid('json') as { csv?: unknown }).csv : await c.req.text();
    if (typeof text !== 'string')
      throw new ApiError('validation', 'the JSON body needs a csv field holding the CSV text', [
        { path: 'body.csv', message: 'missing', expected: '{"csv": "<the CSV text>"}' },
      ]);
    if (!json) refuseJsonAsCsv(text);
    const p = parseCsv(text);
    if (p.issues.length) reject(p.issues, 'body', 'the CSV does not parse');
    const m = mapRecords(p.records, LEDGER_FORMAT);
    // The rows authorised are the rows written (or refused): the same parse, whatever the content type.
    if (m.built.length)
      authorizeParties(
        c,
        m.built.map((r) => r.draft.provider),
        'body.provider',
      );
    if (m.issues.length) reject(m.issues, 'body', 'rows do not map to ledger entries');
    if (!m.built.length) authorizeParties(c, [], 'body');
    const r = await appendEntries(deps.db, m.rows, deps.now().toISOString(), undefined, {
      actor: c.get('principal'),
    });
    if (!r.ok) reject(r.issues, 'body', 'the import was refused');
    return c.json({ appended: r.appended, ...r.head }, 201);
  });
  return Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`);
}

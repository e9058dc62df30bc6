// The review desk's routes: draft an uploaded agreement text, check a reviewed draft as `compact validate` would,
// and save it as a registry record (new, or a new version) with the reviewer and the document's hash audited.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { DESK_FIELDS, deskDraft } from '../../ingest/desk.js';
import { buildDraft } from '../../ingest/draft.js';
import { ExtractError, ExtractLimitError, extractBytes, SUPPORTED } from '../../ingest/extract/index.js';
import { limitsFromEnv } from '../../ingest/extract/limits.js';
import { type CheckedRecord, checkReviewed, type ReviewedInput } from '../../ingest/reviewed-record.js';
import { cachedRegistry } from '../../store/registry-cache.js';
import { RecordSaveError, saveAgreement } from '../../store/registry-store.js';
import { noteAudit } from '../audit-context.js';
import type { GroupStatus } from '../capabilities.js';
import type { ApiDeps } from '../deps.js';
import { ApiError, errorBody } from '../errors.js';
import { INGEST_REVIEW, INGEST_SAVE, policy } from '../route-policy.js';
import { errorResponses, errorSchema } from '../schemas.js';

const tags = ['ingest'];
/** Uploads are bounded by the ingest limits (COMPACT_INGEST_MAX_*), not the API's 1 MiB body limit. */
export const UPLOAD_PATHS = new Set(['/api/ingest/draft']);
/** Room for the multipart envelope around the file. */
const ENVELOPE = 64 << 10;

const span = z
  .object({
    quote: z.string(),
    where: z.string().meta({ description: "the text's own locator (headings and numbering)" }),
    start: z.int().min(0).meta({ description: 'offset of the first character in `text`' }),
    end: z.int().min(0).meta({ description: 'offset after the last character in `text`' }),
    paragraph: z.int().min(1).meta({ description: 'the paragraph (1-based) it starts in' }),
  })
  .meta({ description: 'a stretch of `text`' });
const confidence = z.number().min(0).max(1);
/** The draft as drafted: sent back, with the reviewer's decisions and edits, to validate and save. */
const draftRecord = z
  .object({
    kind: z.literal('compact-ingest-draft'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    title: z.string().nullable(),
    partner: z.string().nullable(),
    signed_on: z.string().nullable(),
    signed_at: z.string().nullable(),
    term_years: z.number().nullable(),
    sunset_on_nato_accession: z.boolean().nullable(),
    consultation_on_attack_hours: z.number().nullable(),
    binding_language: z.object({ states_not_legally_binding: z.union([z.boolean(), z.literal('partial')]) }).loose(),
    pledges: z.array(
      z
        .object({
          amount: z.number().nullable(),
          currency: z.string().nullable(),
          kind: z.string(),
          period: z.string().nullable(),
          purpose: z.string().nullable(),
          accepted: z.boolean().nullish(),
        })
        .loose(),
    ),
    areas: z.record(z.string(), z.array(z.object({ quote: z.string(), accepted: z.boolean().nullable() }).loose())),
  })
  .loose()
  .meta({ id: 'IngestDraftRecord', description: 'the ingest draft (docs/ingest.md), as `compact ingest` writes it' });
const draftAnswer = z
  .object({
    file: z.string(),
    format: z.string().meta({ example: 'docx' }),
    sha256: z.string().meta({ description: "SHA-256 of the uploaded file's bytes" }),
    text: z.string().meta({ description: 'the extracted text, paragraphs joined by a newline' }),
    paragraphs: z.array(
      z.object({
        n: z.int().min(1),
        start: z.int().min(0),
        end: z.int().min(0),
        role: z.enum(['title', 'heading', 'body', 'signature']),
        where: z.string(),
        eid: z.string(),
      }),
    ),
    passages: z.array(
      span
        .extend({
          id: z.string().meta({ example: 'areas.sanctions[0]', description: 'the passage in `draft`' }),
          area: z.string(),
          confidence,
          doubt: z.string().nullable(),
        })
        .meta({ id: 'IngestPassage' }),
    ),
    fields: z.array(
      z
        .object({
          name: z.enum(DESK_FIELDS),
          value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
          source: span.nullable(),
          confidence: confidence.nullable().meta({ description: 'null when nothing was found' }),
        })
        .meta({ id: 'IngestField' }),
    ),
    pledges: z.array(
      z
        .object({
          id: z.string().meta({ example: 'pledges[0]' }),
          amount: z.number().nullable(),
          currency: z.string().nullable(),
          kind: z.string(),
          period: z.string().nullable(),
          purpose: z.string().nullable(),
          amount_text: z.string(),
          source: span,
          confidence,
        })
        .meta({ id: 'IngestPledge' }),
    ),
    draft: draftRecord,
  })
  .meta({ id: 'IngestDraft' });
const issue = z
  .object({
    code: z.string(),
    path: z.string().meta({ description: 'the record path, as `compact validate` names it', example: 'signed_on' }),
    field: z.string().meta({
      description:
        'the reviewed item: a draft path (`signed_on`, `pledges[0].amount`, `areas.x[0]`) or `record.<option>`',
    }),
    message: z.string(),
    text: z.string().meta({ description: 'the line `compact validate` prints for it' }),
  })
  .meta({ id: 'IngestIssue' });
const recordBody = z.object({ id: z.string() }).loose().meta({ description: 'the agreement record' });
const checkAnswer = z
  .object({
    ok: z.boolean(),
    file: z.string().nullable().meta({ example: 'data/agreements/ua-ee-2024.yaml' }),
    issues: z.array(issue),
    record: recordBody.nullable(),
    yaml: z.string().nullable().meta({ description: 'the data file `compact ingest review --out` writes' }),
  })
  .meta({ id: 'IngestCheck' });
const savedAnswer = z
  .object({
    id: z.string(),
    version: z.int().min(1),
    unchanged: z.boolean(),
    file: z.string().nullable(),
    document_sha256: z.string(),
    record: recordBody.nullable(),
    yaml: z.string().nullable(),
  })
  .meta({ id: 'IngestSaved' });

const reviewed = z
  .object({
    draft: z
      .object({})
      .loose()
      .meta({ description: 'the draft from POST /api/ingest/draft (IngestDraftRecord), with decisions and edits' }),
    source_url: z.string().max(2000).meta({ description: 'where the text is published (http or https)' }),
    partner: z.string().max(8).nullish().meta({ description: "the partner's party code; default from the title" }),
    id: z.string().max(100).nullish().meta({ description: 'record id; default ua-<partner>-<year signed>' }),
    new_version: z.boolean().optional().meta({ description: 'true: save a new version of an existing id' }),
  })
  .strict()
  .meta({ id: 'ReviewedDraft' });
const json = { required: true, content: { 'application/json': { schema: reviewed } } } as const;

const routes = {
  draft: createRoute({
    method: 'post',
    path: '/api/ingest/draft',
    middleware: policy(INGEST_REVIEW),
    tags,
    summary: 'Draft a coded record from an uploaded agreement text (PDF, DOCX, HTML or TXT); nothing is written',
    description: `Send multipart/form-data with one field \`file\` (${SUPPORTED.join(', ')}). Bounded by the ingest limits (COMPACT_INGEST_MAX_*: file size, inflated size, XML nodes, pages, paragraphs). Answers the extracted text with paragraph numbers, candidate passages by area with offsets, fields and amounts with the passage each came from and a confidence, the draft itself (send it back, reviewed, to validate and save) and the file's SHA-256.`,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({}).loose() } } } },
    responses: {
      200: { description: 'The draft', content: { 'application/json': { schema: draftAnswer } } },
      ...errorResponses,
      413: { description: 'Over an ingest limit', content: { 'application/json': { schema: errorSchema } } },
      415: { description: 'Not multipart/form-data', content: { 'application/json': { schema: errorSchema } } },
    },
  }),
  validate: createRoute({
    method: 'post',
    path: '/api/ingest/validate',
    middleware: policy(INGEST_REVIEW),
    tags,
    summary: 'Check a reviewed draft as the record `compact validate` would check; nothing is written',
    description:
      'Builds the record as `compact ingest review` does, then answers the issues `compact validate` would print for it as data/agreements/<id>.yaml (schema, then cross-record checks against the registry in the store). Each issue names the record path and the draft field it comes from.',
    request: { body: json },
    responses: {
      200: {
        description: 'Issues (ok when none)',
        content: { 'application/json': { schema: checkAnswer } },
      },
      ...errorResponses,
    },
  }),
  save: createRoute({
    method: 'post',
    path: '/api/ingest/save',
    middleware: policy(INGEST_SAVE),
    tags,
    summary: 'Save a reviewed draft as a registry record (new, or a new version); coordinator or admin',
    description:
      'Validates as /api/ingest/validate, then writes the record in one transaction; the audit row names the reviewer and the document SHA-256. Any issue: 400 naming the fields, nothing written.',
    request: { body: json },
    responses: {
      201: { description: 'Saved', content: { 'application/json': { schema: savedAnswer } } },
      200: {
        description: 'Same content as stored: nothing written',
        content: { 'application/json': { schema: savedAnswer } },
      },
      ...errorResponses,
      409: {
        description: 'The id is taken (or gone) at write time',
        content: { 'application/json': { schema: errorSchema } },
      },
    },
  }),
};

const sha256Of = (draft: unknown) => {
  const s = (draft as { sha256?: unknown })?.sha256;
  return typeof s === 'string' && /^[0-9a-f]{64}$/.test(s) ? s : null;
};

function refuse(checked: CheckedRecord): never {
  const issues = checked.issues.map((i) => ({ path: `body.${i.field}`, message: i.text, found: i.path }));
  throw new ApiError(
    'validation',
    `the record was not saved: ${checked.issues
      .slice(0, 10)
      .map((i) => i.text)
      .join('; ')}${checked.issues.length > 10 ? `; ${checked.issues.length - 10} more` : ''}; nothing was written`,
    issues,
  );
}

/** Registers the ingest routes; returns what this build serves. */
export function ingestRoutes(app: OpenAPIHono, deps: ApiDeps): GroupStatus {
  const limits = limitsFromEnv(process.env);
  const registry = cachedRegistry(deps.db);
  const upload = bodyLimit({
    maxSize: limits.fileBytes + ENVELOPE,
    onError: (c) =>
      c.json(
        errorBody('payload_too_large', `the upload is larger than the ingest limit of ${limits.fileBytes} bytes`, [
          {
            path: 'body.file',
            message: 'too large',
            expected: `at most ${limits.fileBytes} bytes (COMPACT_INGEST_MAX_FILE_BYTES)`,
          },
        ]),
        413,
      ),
  });
  // The media type is checked before the size: any other body may already have been read (auth.ts reads JSON).
  app.use(routes.draft.path, (c, next) => {
    if (c.req.method !== 'POST' || /^multipart\/form-data/i.test(c.req.header('Content-Type') ?? ''))
      return upload(c, next);
    throw new ApiError('unsupported_media_type', 'send the file as multipart/form-data with a field `file`', [
      {
        path: 'header.content-type',
        message: 'unsupported',
        expected: 'multipart/form-data',
        found: c.req.header('Content-Type') ?? '(none)',
      },
    ]);
  });
  app.openapi(routes.draft, async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!file || typeof file === 'string')
      throw new ApiError('validation', 'the form has no file: send it in the field `file`', [
        { path: 'body.file', message: 'missing', expected: `a ${SUPPORTED.join(', ')} file` },
      ]);
    let out: Awaited<ReturnType<typeof extractBytes>>;
    try {
      out = await extractBytes(Buffer.from(await file.arrayBuffer()), file.name || 'upload', limits);
    } catch (e) {
      if (e instanceof ExtractLimitError)
        throw new ApiError('payload_too_large', e.message, [{ path: 'body.file', message: e.message }]);
      if (e instanceof ExtractError)
        throw new ApiError('validation', e.message, [{ path: 'body.file', message: e.message }]);
      throw e;
    }
    const draft = buildDraft(out.text, { file: file.name, sha256: out.sha256 });
    return c.json(
      { file: file.name, format: out.text.format, sha256: out.sha256, ...deskDraft(out.text, draft), draft },
      200,
    );
  });
  app.openapi(routes.validate, async (c) => {
    const body = c.req.valid('json') as ReviewedInput;
    const checked = checkReviewed(body, await registry());
    return c.json(
      {
        ok: checked.issues.length === 0,
        file: checked.file,
        issues: checked.issues,
        record: checked.record ?? null,
        yaml: checked.yaml,
      },
      200,
    );
  });
  app.openapi(routes.save, async (c) => {
    const body = c.req.valid('json') as ReviewedInput;
    const sha = sha256Of(body.draft);
    const checked = checkReviewed(body, await registry());
    noteAudit({
      target: checked.record?.id ?? (typeof body.id === 'string' ? body.id : undefined),
      detail: { document_sha256: sha, new_version: body.new_version === true },
    });
    if (!checked.stored) refuse(checked);
    if (!sha)
      throw new ApiError(
        'validation',
        "the draft's sha256 is missing or malformed: send the draft as /api/ingest/draft answered it",
        [{ path: 'body.draft.sha256', message: 'expected 64 hex digits' }],
      );
    let saved: Awaited<ReturnType<typeof saveAgreement>>;
    try {
      saved = await saveAgreement(deps.db, checked.stored, {
        newVersion: body.new_version === true,
        file: checked.file,
      });
    } catch (e) {
      if (e instanceof RecordSaveError)
        throw new ApiError(e.code, `${e.message}; nothing was written`, [{ path: 'body.id', message: e.message }]);
      throw e;
    }
    const answer = {
      ...saved,
      file: checked.file,
      document_sha256: sha,
      record: checked.record ?? null,
      yaml: checked.yaml,
    };
    return saved.unchanged ? c.json(answer, 200) : c.json(answer, 201);
  });
  return {
    available: true,
    routes: Object.values(routes).map((r) => `${r.method.toUpperCase()} ${r.path}`),
    missing: [],
  };
}

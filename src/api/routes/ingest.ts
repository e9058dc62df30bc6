// The review desk's routes: draft an uploaded agreement text, check a reviewed draft as `compact validate` would,
// and save it as a registry record (new, or a new version) with the reviewer and the document's hash audited.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { deskDraft } from '../../ingest/desk.js';
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

const loose = (id: string, description: string) => z.object({}).loose().meta({ id, description });
const reviewed = z
  .object({
    draft: z
      .object({})
      .loose()
      .meta({ description: 'the draft from POST /api/ingest/draft, with decisions and edits' }),
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
      200: { description: 'The draft', content: { 'application/json': { schema: loose('IngestDraft', 'draft') } } },
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
        content: { 'application/json': { schema: loose('IngestCheck', 'check') } },
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
      201: { description: 'Saved', content: { 'application/json': { schema: loose('IngestSaved', 'saved') } } },
      200: {
        description: 'Same content as stored: nothing written',
        content: { 'application/json': { schema: loose('IngestUnchanged', 'unchanged') } },
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

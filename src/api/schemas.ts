// The wire schemas of the API: request parameters and response bodies, reusing the data-file schemas.
import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../core/dates.js';
import { AREAS, LEGAL_FORCE, PARTY_KINDS, WORDING } from '../core/taxonomy.js';
import { agreementSchema, frameworkSchema, sourceSchema } from '../schema/registry.js';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation' }),
      message: z.string(),
      issues: z.array(
        z.object({
          path: z.string().meta({ example: 'query.in_force_on' }),
          message: z.string(),
          expected: z.string().optional(),
          found: z.string().optional(),
        }),
      ),
    }),
  })
  .meta({ id: 'Error' });

const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

/** The error responses any operation may answer with (auth, body limit and rate limit apply to every route). */
export const errorResponses = {
  400: errorAnswer('Invalid request: each issue names the field'),
  401: errorAnswer('The Authorization header is missing (for a write) or its token is not valid'),
  403: errorAnswer("The token's role or party does not allow this route"),
  404: errorAnswer('No such resource'),
  413: errorAnswer('The request body is larger than the limit'),
  429: errorAnswer('Too many requests for this token or address; retry later'),
  500: errorAnswer('An internal failure (the message says what failed)'),
} as const;

/** Every route that reads a body answers 415 for a Content-Type it does not read (added in app.ts). */
export const unsupportedMediaResponse = errorAnswer('The Content-Type is not one this route reads');
export const payloadTooLargeResponse = errorAnswer('The request body is larger than the limit');

/** Added to the writes that can collide with the current state (a second final transition, a duplicate ref). */
export const conflictResponse = { 409: errorAnswer('Conflicts with the current state; nothing was written') } as const;

/** A calendar day in an answer (OpenAPI format `date`). */
export const day = () => z.iso.date().meta({ example: '2024-01-12' });
/** An instant in an answer, with its zone (OpenAPI format `date-time`). */
export const instant = () => z.iso.datetime({ offset: true }).meta({ example: '2027-03-01T04:00:00.000Z' });
/** An absolute URL (OpenAPI format `uri`). */
export const url = () => z.url().meta({ example: 'https://www.gov.uk/government/publications/uk-ukraine-agreement' });
/** A party code such as GB, UA or EU. */
export const partyCode = () =>
  z
    .string()
    .regex(/^[A-Z]{2,8}$/)
    .meta({ example: 'GB' });

export const dateParam = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' })
  .meta({ format: 'date', example: '2034-06-01' });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'page size (1-500)' }),
  cursor: z.string().optional().meta({ description: 'keyset cursor from `next_cursor` of the previous page' }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'offset pagination; ignored when a cursor is given' }),
};

export const agreementFilterQuery = z.object({
  in_force_on: dateParam.optional().meta({ description: 'only agreements in force on that day' }),
  expiring_before: dateParam.optional().meta({
    description: 'only agreements whose force ends before that day (last day in force earlier than it)',
    example: '2034-06-01',
  }),
  party: z
    .string()
    .regex(/^[A-Za-z]{2,8}$/)
    .optional()
    .meta({ description: 'party code, e.g. GB' }),
  area: z.enum(AREAS).optional(),
  series: z.enum(['g7_joint_declaration_bilateral', 'related']).optional(),
  ...pageQuery,
});

/** The one date convention (src/core/force-text.ts): last day for people, the exclusive end as an instant. */
export const forceDateFields = {
  in_force_last_day: day().nullable().meta({ description: 'last day in force (inclusive); null = no end known' }),
  in_force_ends_at: instant().nullable().meta({
    description: 'exclusive: the first instant no longer in force (00:00Z of the day after the last day)',
    example: '2034-01-12T00:00:00Z',
  }),
  in_force_text: z.string().meta({
    description: 'the period in words, the same in CLI, API and dashboard',
    example: 'in force from 2024-01-12 through 2034-01-11 (last day)',
  }),
};

export const agreementRowSchema = z
  .object({
    id: z.string().meta({ example: 'ua-gb-2024' }),
    partner: partyCode(),
    series: z.enum(['g7_joint_declaration_bilateral', 'related']),
    title: z.string(),
    signed_on: day().nullable(),
    in_force_from: day().nullable(),
    in_force_until: day()
      .nullable()
      .meta({ description: 'exclusive end day (first day out of force); null = open-ended or unknown' }),
    ...forceDateFields,
    legal_force: z.enum(LEGAL_FORCE),
    wording: z.enum(WORDING),
    version: z.number().int(),
  })
  .meta({ id: 'AgreementRow' });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      next_cursor: z.string().nullable(),
      total: z.number().int().nullable().meta({ description: 'rows matching the filters' }),
    })
    .meta({ id });
}

export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' }, example: 'ua-gb-2024' }),
});

export const agreementDetailSchema = agreementSchema.extend({
  force: z
    .object({
      start: day().nullable(),
      end: day().nullable().meta({ description: 'exclusive end day; people read in_force_last_day' }),
      startAssumed: z.boolean(),
      endReason: z.enum(['term', 'termination', 'termination_notice', 'open_ended', 'unknown_term']),
      steps: z.array(z.string()).meta({ description: 'how the period was worked out, in words' }),
      ...forceDateFields,
    })
    .meta({ description: 'the period of force: from start (inclusive) to end (exclusive); null = unknown or open' }),
  record: z.object({
    kind: z.enum(['agreement', 'framework']),
    version: z.number().int().min(1),
    file: z.string().nullable(),
    loaded_at: instant(),
  }),
});

export const frameworkDetailSchema = frameworkSchema.meta({ id: 'Framework' });
export const sourceListSchema = z.array(sourceSchema).meta({ id: 'SourceList' });
export const versionListSchema = z
  .array(
    z.object({
      version: z.number().int().min(1),
      content_hash: z.string().regex(/^[0-9a-f]{64}$/),
      loaded_at: instant(),
    }),
  )
  .meta({ id: 'VersionList' });

export const partySchema = z
  .object({
    code: partyCode(),
    name: z.string(),
    kind: z.enum(PARTY_KINDS),
    nato_member_since: day().nullable(),
    eu_member_since: day().nullable(),
    source: z.string().nullable(),
    agreements: z.number().int(),
  })
  .meta({ id: 'Party' });

export const overviewSchema = z
  .object({
    agreements: z.number().int(),
    series: z.number().int(),
    related: z.number().int(),
    frameworks: z.number().int(),
    provisions: z.number().int(),
    legal_force: z.record(z.string(), z.number()),
    wording: z.record(z.string(), z.number()),
    with_24h_consultation: z.number().int(),
    term_ends: z.record(z.string(), z.number()),
  })
  .meta({ id: 'Overview' });

export const guarantorSchema = z
  .object({
    agreement: z.string(),
    partner: partyCode(),
    name: z.string().nullable(),
    signed_on: day().nullable(),
    in_force_from: day().nullable(),
    in_force_until: day().nullable().meta({ description: 'exclusive end day (first day out of force)' }),
    ...forceDateFields,
    legal_force: z.enum(LEGAL_FORCE),
    wording: z.enum(WORDING),
    provisions: z.number().int(),
    areas: z.array(z.enum(AREAS)),
    pledged: z
      .array(
        z.object({
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .nullable(),
          amount: z.number(),
        }),
      )
      .meta({ description: 'stated pledge amounts summed per currency (amounts within another are left out)' }),
  })
  .meta({ id: 'Guarantor' });

export const capabilitiesSchema = z
  .object({
    groups: z.record(
      z.string(),
      z.object({ available: z.boolean(), routes: z.array(z.string()), missing: z.array(z.string()) }),
    ),
  })
  .meta({ id: 'Capabilities' });

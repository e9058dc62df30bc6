// Zod schemas for the registry's data files (parties, agreements, frameworks). Shared by the YAML loader and
// the HTTP API, so a record means the same thing on disk and on the wire.
import { z } from 'zod';
import { isDuration, isIsoDate } from '../core/dates.js';
import type { Agreement, Framework, Party, Source } from '../core/model.js';
import { SCHEMA_VERSION } from '../core/model.js';
import {
  AREAS,
  CAPABILITIES,
  EVIDENCE_GRADES,
  FRAMEWORK_TYPES,
  LEGAL_FORCE,
  MODALITIES,
  NATO_ACCESSION_EFFECT,
  PARTY_KINDS,
  TREATY_ACTION_TYPES,
  WORDING,
} from '../core/taxonomy.js';

export { SCHEMA_VERSION };

export const isoDate = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });
const nstr = z.string().min(1).nullable().default(null);
const sourceId = z.string().min(1, 'every fact needs a source: give the id of an entry in `sources`');

export const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected a lower-case id such as `text` or `ecfr-2024`'),
  url: z.url({ message: 'expected an absolute URL' }),
  title: nstr,
  publisher: nstr,
  date: isoDate.nullable().default(null),
  quote: nstr,
});

export const citationSchema = z.strictObject({ source: sourceId, quote: nstr, where: nstr });

const amountFields = {
  amount: z.number().nonnegative().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR')
    .nullable(),
  amount_text: nstr,
};

export const mechanismSchema = z.strictObject({
  kind: z.string().regex(/^[a-z_]+$/),
  params: z.record(z.string(), z.unknown()).default({}),
});

export const translationSchema = z
  .strictObject({
    text: z.string().min(1, 'a translation needs its text'),
    by: z.enum(['project', 'official']),
    language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code such as en'),
    source: sourceId.nullable().default(null),
  })
  .refine((t) => t.by !== 'official' || t.source !== null, {
    message: 'an official translation names its source',
    path: ['source'],
  });

export const provisionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'expected an id of lower-case letters, digits, _ . -'),
  area: z.enum(AREAS),
  capabilities: z.array(z.enum(CAPABILITIES)).default([]),
  capability_origin: z.partialRecord(z.enum(CAPABILITIES), z.enum(['coded', 'lexicon', 'both'])).optional(),
  polarity: z.enum(['positive', 'negative']).default('positive'),
  promisors: z.array(z.string()).min(1),
  promisees: z.array(z.string()).min(1),
  mechanism: mechanismSchema.nullable().default(null),
  qualifiers: z.array(z.string()).default([]),
  modality: z.enum(MODALITIES).optional(),
  amounts: z.array(z.strictObject(amountFields)).default([]),
  quote: z.string().min(1, 'every provision needs its quote'),
  translation: translationSchema.optional(),
  where: z.string().min(1, 'every provision needs its section reference'),
  source: sourceId,
  evidence: z.enum(EVIDENCE_GRADES),
  doubt: nstr,
});

export const pledgeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  ...amountFields,
  kind: z.enum(['pledge', 'past']),
  category: z.enum(['military', 'financial', 'humanitarian', 'other']),
  period: nstr,
  years: z
    .tuple([z.number().int().min(1990).max(2100), z.number().int().min(1990).max(2100)])
    .nullable()
    .default(null),
  purpose: nstr,
  capability: z.enum(CAPABILITIES).nullable().default(null),
  where: nstr,
  source: sourceId,
  within: nstr,
  note: nstr,
});

export const treatyActionSchema = z.strictObject({
  type: z.enum(TREATY_ACTION_TYPES),
  date: isoDate,
  party: nstr,
  notice_months: z.number().int().nonnegative().nullable().default(null),
  extends_years: z.number().int().positive().nullable().default(null),
  note: nstr,
  source: sourceId,
});

export const disagreementSchema = z.strictObject({
  field: z.string().min(1),
  claims: z
    .array(z.strictObject({ value: z.string(), source: sourceId, quote: nstr }))
    .min(2, 'a disagreement needs at least two claims'),
  note: nstr,
});

export const agreementSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[a-z]{2}-[a-z]{2}-\d{4}(-[a-z0-9]+)?$/, 'expected an id such as ua-gb-2024'),
  series: z.enum(['g7_joint_declaration_bilateral', 'related', 'atop']),
  title: z.string().min(1),
  parties: z.array(z.string()).min(2),
  partner: z.string(),
  signed_on: isoDate.nullable(),
  signed_at: nstr,
  signatories: z.array(z.strictObject({ name: z.string(), office: nstr, party: nstr })).default([]),
  entry_into_force: z.strictObject({
    date: isoDate.nullable(),
    rule: z.enum(['on_signature', 'on_ratification', 'unknown']),
    citation: citationSchema,
  }),
  term: z.strictObject({
    years: z.number().int().positive().nullable(),
    open_ended: z.boolean(),
    extension: nstr,
    citation: citationSchema,
  }),
  termination: z
    .strictObject({ notice_months: z.number().int().nonnegative().nullable(), citation: citationSchema })
    .nullable(),
  nato_accession: z.strictObject({ effect: z.enum(NATO_ACCESSION_EFFECT), citation: citationSchema.nullable() }),
  legal_force: z.strictObject({
    class: z.enum(LEGAL_FORCE),
    ratified: z.boolean().nullable(),
    states_not_legally_binding: z.union([z.boolean(), z.literal('partial')]).nullable(),
    evidence: z.array(citationSchema).min(1, 'legal force needs evidence'),
  }),
  wording: z.strictObject({ class: z.enum(WORDING), citation: citationSchema.nullable() }),
  frameworks: z.array(z.string()).default([]),
  text: z.strictObject({ available: z.boolean(), language: nstr, evidence: z.enum(EVIDENCE_GRADES), file: nstr }),
  official_text_urls: z.array(z.url()).default([]),
  sources: z.array(sourceSchema).min(1, 'a record needs at least one source'),
  provisions: z.array(provisionSchema).default([]),
  pledges: z.array(pledgeSchema).default([]),
  treaty_actions: z.array(treatyActionSchema).default([]),
  disagreements: z.array(disagreementSchema).default([]),
  notes: nstr,
});

export const frameworkSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9-]+-\d{4}(-[a-z0-9-]+)?$/, 'expected an id such as ukraine-compact-2024'),
  name: z.string().min(1),
  type: z.enum(FRAMEWORK_TYPES),
  date: isoDate.nullable(),
  place: nstr,
  members: z
    .array(
      z.strictObject({
        party: z.string(),
        role: z.enum(['signatory', 'endorser', 'joiner', 'guarantor', 'proposed_guarantor', 'participant']),
        date: isoDate.nullable().default(null),
        source: sourceId,
      }),
    )
    .default([]),
  elements: z
    .array(
      z.strictObject({
        id: z.string(),
        text: z.string(),
        status: z.enum(['confirmed', 'partially_confirmed', 'stated_in_secondary_source', 'not_found']),
        sources: z.array(sourceId),
      }),
    )
    .default([]),
  provisions: z.array(provisionSchema).default([]),
  sources: z.array(sourceSchema).min(1),
  disagreements: z.array(disagreementSchema).default([]),
  notes: nstr,
});

export const partiesFileSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  sources: z.array(sourceSchema).min(1),
  parties: z.array(
    z.strictObject({
      code: z.string().regex(/^[A-Z]{2,8}$/, 'expected an upper-case code such as GB or EU'),
      name: z.string(),
      kind: z.enum(PARTY_KINDS),
      nato_member_since: isoDate.nullable().default(null),
      eu_member_since: isoDate.nullable().default(null),
      source: sourceId,
    }),
  ),
});

export { isDuration };

// Compile-time guarantees that parsed data has exactly the core's shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _agreement: Same<z.output<typeof agreementSchema>, Agreement> = true;
const _framework: Same<z.output<typeof frameworkSchema>, Framework> = true;
const _party: Same<z.output<typeof partiesFileSchema>['parties'][number], Party> = true;
const _source: Same<z.output<typeof sourceSchema>, Source> = true;
void [_agreement, _framework, _party, _source];

// Wire schemas of the trigger routes: event bodies, obligation filters, transitions, and the answers.
import { z } from '@hono/zod-openapi';
import { isInstant } from '../../core/dates.js';
import { EVIDENCE_GRADES, MODALITIES } from '../../core/taxonomy.js';
import { EVENT_TYPES, HEADINGS, OBLIGATION_STATES } from '../../core/trigger/index.js';
import { pageQuery } from '../schemas.js';

/** An instant with an explicit zone (Z or ±hh:mm). */
export const instant = z
  .string()
  .refine(isInstant, {
    message: 'expected an instant with a zone, e.g. 2027-03-01T04:00:00Z or 2027-03-01T06:00:00+02:00',
  })
  .meta({ format: 'date-time', example: '2027-03-01T04:00:00Z' });
/** An instant in an answer: always UTC, as ISO 8601. */
const at = () => z.iso.datetime({ offset: true }).meta({ example: '2027-03-01T04:00:00.000Z' });
const code = z.string().regex(/^[A-Z]{2,8}$/);
const party = z.string().regex(/^[A-Za-z]{2,8}$/, { message: 'expected a party code such as RU or GB' });

export const eventBodySchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    at: instant,
    aggressor: party
      .nullish()
      .meta({ description: 'who attacked, threatened or breached (needed for those types)', example: 'RU' }),
    target: party.nullish().meta({ description: 'who was attacked; defaults to UA for attacks and threats' }),
    party: party.nullish().meta({ description: 'termination notice: the party giving it' }),
    agreement: z.string().max(200).nullish().meta({ description: 'termination notice: the agreement it ends' }),
    notice_months: z.number().int().min(0).max(600).nullish(),
    scope: z.string().max(2000).nullish(),
    note: z.string().max(2000).nullish(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,99}$/)
      .nullish()
      .meta({
        description: 'optional id; by default derived from the content, so the same event recorded twice counts once',
      }),
    apply_frameworks: z
      .array(z.string().max(200))
      .max(50)
      .optional()
      .meta({ description: 'also apply these frameworks (e.g. kyiv-security-compact-2022)' }),
    hostilities_ended_at: instant
      .optional()
      .meta({ description: 'when the current hostilities concluded (default: the first recorded ceasefire)' }),
  })
  .strict()
  .meta({ id: 'EventInput' });

const traceStep = z.object({ step: z.enum(['event', 'record', 'condition', 'clause', 'source']), text: z.string() });
export const eventSchema = z
  .object({
    id: z.string(),
    type: z.enum(EVENT_TYPES),
    at: at(),
    aggressor: code.nullable(),
    target: code.nullable(),
    party: code.nullable(),
    agreement: z.string().nullable(),
    notice_months: z.number().int().nullable(),
    scope: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Event' });
export const obligationSchema = z
  .object({
    id: z.string(),
    event_id: z.string(),
    record_kind: z.enum(['agreement', 'framework']),
    record_id: z.string(),
    provision_id: z.string(),
    mechanism: z.string(),
    promisor: code,
    promisees: z.array(code),
    kind: z.string(),
    due: at().nullable().meta({ description: 'deadline, UTC instant; null when the clause sets none' }),
    qualifier: z.string().nullable(),
    wording: z.string().meta({ description: "the clause's own words for the pace or manner, or the kind's summary" }),
    modality: z
      .enum(MODALITIES)
      .nullable()
      .optional()
      .meta({ description: "the clause's strength of commitment; null when the quote states none (a paraphrase)" }),
    modality_origin: z.enum(['coded', 'derived']).nullable().optional(),
    evidence: z.enum(EVIDENCE_GRADES).optional().meta({ description: 'primary = from the text; secondary = a report' }),
    quote: z.string(),
    where: z.string(),
    source_url: z.url().nullable(),
    trace: z.array(traceStep),
  })
  .meta({ id: 'Obligation' });
export const skipSchema = z
  .object({ record_id: z.string(), provision_id: z.string().nullable(), reason: z.string(), detail: z.string() })
  .meta({ id: 'Skip' });

const heading = z.enum(HEADINGS);
export const recordAccountSchema = z
  .object({
    record_kind: z.enum(['agreement', 'framework']),
    record_id: z.string(),
    partner: z.string().nullable(),
    heading: heading.meta({
      description:
        'obligations | in_force_assumed (start taken from signature) | clause_not_coded (the note knows a clause no quote codes) | no_obligation | not_in_force',
    }),
    why: z.string(),
    obligations: z.array(z.string()),
    options: z.array(z.string()),
    evidence: z.array(z.enum(EVIDENCE_GRADES)),
    uncoded: z.array(z.string()).meta({ description: 'note sentences: a clause exists in the text but is not coded' }),
  })
  .meta({ id: 'RecordAccount' });
export const partnerSummarySchema = z
  .object({
    partner: z.string(),
    records: z.array(z.object({ record_id: z.string(), heading })),
    obligations: z.number().int(),
    duties: z.array(z.string()),
    options: z.number().int(),
    evidence: z.array(z.enum(EVIDENCE_GRADES)),
    first_due: z.string().nullable(),
    uncoded: z.boolean(),
  })
  .meta({ id: 'PartnerSummary' });

export const evaluationSchema = z
  .object({
    status: z.enum(['recorded', 'already_recorded', 'dry_run']),
    created: z.boolean(),
    event: eventSchema,
    obligations: z.array(obligationSchema),
    options: z.array(obligationSchema).meta({
      description:
        'what discretionary clauses (may, may mutually decide, recitals) allow: ids opt-..., never owed, never stored as obligations',
    }),
    skipped: z.array(skipSchema),
    records: z.array(recordAccountSchema).meta({
      description: 'every agreement and framework, each under exactly one heading, with why and its evidence grades',
    }),
    partners: z.array(partnerSummarySchema).meta({ description: 'one row per partner, in partner-code order' }),
  })
  .meta({ id: 'Evaluation' });

export const eventListSchema = z
  .object({
    items: z.array(eventSchema.extend({ obligations: z.number().int(), recorded_at: at(), cursor: z.string() })),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'EventList' });
export const eventListQuery = z.object({ limit: pageQuery.limit, cursor: pageQuery.cursor });
export const eventDetailSchema = z
  .object({
    event: eventSchema,
    options: z
      .object({
        applyFrameworks: z.array(z.string()).optional(),
        hostilitiesConcludedAt: at().nullable().optional(),
      })
      .meta({ description: 'the evaluation options the event was recorded with' }),
    skipped: z.array(skipSchema),
    obligations: z.number().int(),
  })
  .meta({ id: 'EventDetail' });

export const obligationRowSchema = obligationSchema
  .extend({ state: z.enum(OBLIGATION_STATES), event_at: at() })
  .meta({ id: 'ObligationRow' });

export const obligationQuery = z.object({
  status: z.enum(OBLIGATION_STATES).optional().meta({ description: 'state as of `as_of`' }),
  party: party.optional().meta({ description: 'promisor party code' }),
  event: z.string().max(200).optional().meta({ description: 'event id' }),
  as_of: instant.optional().meta({ description: 'the clock for states and countdowns (default: now)' }),
  grace_hours: z.coerce
    .number()
    .min(0)
    .max(1e6)
    .optional()
    .meta({ description: 'count an unfulfilled obligation as breached this long after its deadline' }),
  limit: pageQuery.limit,
  cursor: pageQuery.cursor,
});
export const asOfQuery = z.object({
  as_of: instant.optional().meta({ description: 'the clock for the state (default: now)' }),
  grace_hours: obligationQuery.shape.grace_hours,
});

export const explanationSchema = z
  .object({
    obligation: obligationSchema,
    event: eventSchema,
    state: z.enum(OBLIGATION_STATES),
    as_of: at(),
    transitions: z.array(
      z.object({
        obligation_id: z.string(),
        to: z.enum(['fulfilled', 'waived', 'breached']),
        at: at(),
        note: z.string().nullable(),
      }),
    ),
    evidence: z.array(z.object({ url: z.url(), note: z.string().nullable(), at: at() })),
    recorded: z.boolean().meta({
      description:
        'false: the id came from a dry run (POST /api/events/simulate) and was explained by evaluating its event again',
    }),
  })
  .meta({ id: 'Explanation' });

export const transitionBodySchema = z
  .object({
    to: z.enum(['fulfilled', 'waived', 'breached']),
    at: instant,
    evidence_url: z
      .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
      .max(2000)
      .optional(),
    note: z.string().min(1).max(2000).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.to === 'fulfilled' && !b.evidence_url)
      ctx.addIssue({ code: 'custom', path: ['evidence_url'], message: 'a fulfilment needs a URL that shows it' });
    if (b.to !== 'fulfilled' && !b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: `say why the obligation is ${b.to}` });
  })
  .meta({ id: 'TransitionInput' });

export const transitionResultSchema = z
  .object({ id: z.string(), state: z.enum(OBLIGATION_STATES), at: z.string() })
  .meta({ id: 'TransitionResult' });

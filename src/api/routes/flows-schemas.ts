// Wire schemas of the tracker flow routes (src/api/routes/flows.ts): amounts are exact EUR decimal strings, as
// the store keeps them; every figure carries the tracker release and file it comes from.
import { z } from '@hono/zod-openapi';
import { CAVEAT_CODES } from '../../core/flows/fulfilment.js';
import { day, instant, partyCode, url } from '../schemas.js';

const eur = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: 'exact decimal (EUR unless stated), as a string', example: '977000000.00' });
const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .meta({ example: '2026-04' });
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .meta({ example: '4769d78ddb5af2b015d65ee9061efb462b06a8fa86e11e036ac33b8541a6d638' });
const release = z.string().meta({ description: 'tracker release number', example: '29' });

export const trackerCitationSchema = z
  .object({
    text: z.string(),
    url: url(),
    release,
    period: z.string().meta({ example: '04/2026' }),
    date: day(),
    file: z.string().meta({ example: 'data_explorer.csv' }),
    sha256: sha256.nullable(),
  })
  .meta({ id: 'TrackerCitation' });

const kindAmounts = { military: eur, financial: eur, humanitarian: eur };
const kindTotals = z.object({ ...kindAmounts, total: eur });

export const fulfilmentSchema = z
  .object({
    citation: trackerCitationSchema,
    rates: z.object({ basis: z.enum(['daily', 'annual']), last_fixing: day(), source: url() }),
    rows: z.array(
      z.object({
        pledge_ref: z.string().nullable(),
        entry_ref: z.string(),
        agreement_id: z.string().nullable(),
        provision_id: z.string().nullable(),
        party: partyCode(),
        kind: z.string().meta({ example: 'military' }),
        period: z.object({ from: z.number().int(), to: z.number().int() }),
        pledged: z.object({ amount: eur, currency: z.string().regex(/^[A-Z]{3}$/) }),
        pledged_eur: eur.nullable().meta({ description: 'the pledge in EUR; null without a rate' }),
        rate: z.object({ value: z.string().nullable(), fixing_date: day().nullable(), basis: z.string() }).nullable(),
        committed: eur.meta({ description: "the donor's tracker commitments in the period (all kinds)" }),
        allocated: eur.meta({ description: "the donor's allocations of that kind in the period" }),
        ratio: z.string().nullable().meta({ description: 'allocated / pledged_eur, four decimals', example: '1.2797' }),
        months_covered: z.number().int(),
        months_in_period: z.number().int(),
        clause: z.object({ quote: z.string().nullable(), url: url() }),
        tracker: trackerCitationSchema,
        caveats: z.array(z.object({ code: z.enum(CAVEAT_CODES), text: z.string() })),
      }),
    ),
    not_comparable: z.array(
      z.object({ entry_ref: z.string(), pledge_ref: z.string().nullable(), party: partyCode(), reason: z.string() }),
    ),
    tracker_last_month: month.nullable(),
  })
  .meta({ id: 'Fulfilment' });

export const donorFlowSchema = z
  .object({
    party: partyCode(),
    country: z.string().nullable(),
    has_agreement: z.boolean().meta({ description: 'false: party to no agreement in the registry' }),
    allocated: kindTotals,
    committed: eur.nullable().meta({ description: 'all kinds: the tracker does not split commitments by kind' }),
    still_to_be_allocated: eur.nullable(),
    first_month: month.nullable(),
    last_month: month.nullable(),
    eu_share: eur.nullable().meta({ description: "an EU member's share of EU-level aid, beside, never added" }),
    allocated_with_eu_share: eur.nullable(),
    monthly: z
      .array(z.object({ month, ...kindAmounts, committed: eur.nullable() }))
      .optional()
      .meta({ description: 'left out with monthly=false' }),
  })
  .meta({ id: 'DonorFlow' });

export const donorsSchema = z
  .object({ citation: trackerCitationSchema, eu_boundary: z.string(), donors: z.array(donorFlowSchema) })
  .meta({ id: 'FlowDonors' });

export const totalsSchema = z
  .object({
    citation: trackerCitationSchema,
    rows: z.array(
      kindTotals.extend({
        provider: z.string().meta({ description: 'party code, or ALL for every donor', example: 'ALL' }),
        year: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'FlowTotals' });

export const burdenSchema = z
  .object({
    citation: trackerCitationSchema,
    rows: z.array(
      z.object({
        party: partyCode(),
        year: z.number().int(),
        allocated: eur,
        gdp_2021_bn: z.string().meta({ description: "2021 GDP in EUR billion (the tracker's gdp column)" }),
        pct_gdp: z.string().nullable().meta({ description: 'allocations as % of 2021 GDP, six decimals' }),
        source: z.object({ text: z.string(), file: z.string(), line: z.number().int() }),
      }),
    ),
    eu_shares: z.array(
      z
        .object({
          party: partyCode(),
          country: z.string(),
          bilateral_pct_gdp: z.string(),
          eu_share_pct_gdp: z.string(),
          total_pct_gdp: z.string(),
          eu_share: eur,
          line: z.number().int(),
          source: z.string(),
        })
        .loose(),
    ),
  })
  .meta({ id: 'FlowBurden' });

export const weaponsSchema = z
  .object({
    items: z.array(
      z.object({
        provider: partyCode(),
        item: z.string().meta({ example: 'Howitzers' }),
        quantity: z.number().int(),
        amount: eur.nullable(),
        within: z.string().nullable().meta({ description: 'the category a system belongs to' }),
        ref: z.string(),
      }),
    ),
  })
  .meta({ id: 'FlowWeapons' });

const importFile = z.object({ name: z.string(), sha256, form: z.string(), rows: z.number().int() });

export const revisionsSchema = z
  .object({
    imports: z.array(
      z.object({
        id: z.number().int(),
        release,
        period: z.string(),
        release_date: day(),
        label: z.string(),
        files: z.array(importFile),
        fingerprint: sha256.optional(),
        imported_at: instant(),
        appended: z.number().int(),
        corrected: z.number().int(),
        first_seq: z.number().int().nullable(),
        last_seq: z.number().int().nullable(),
      }),
    ),
    revisions: z.array(
      z.object({
        seq: z.number().int(),
        ref: z.string(),
        corrects: z.string(),
        from_amount: eur.nullable(),
        to_amount: eur.nullable(),
        from_quantity: z.number().int().nullable(),
        to_quantity: z.number().int().nullable(),
        recorded_at: instant(),
        release: z.string().nullable(),
        file: z.string().nullable(),
        sha256: sha256.nullable(),
        line: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'FlowRevisions' });

const importBody = {
  release: z.object({ release, period: z.string(), date: day(), label: z.string() }),
  files: z.array(importFile),
  ok: z.literal(true),
  import_id: z.number().int().nullable(),
  appended: z.number().int(),
  corrected: z.number().int(),
  new_cells: z.number().int(),
  changes: z.number().int().meta({ description: 'cells new or changed by this release' }),
  head: z.object({ count: z.number().int(), head_hash: sha256 }).nullable(),
};

export const importSchema = z.object({ ...importBody, unchanged_since: z.null() }).meta({ id: 'FlowImport' });
export const importUnchangedSchema = z
  .object({
    ...importBody,
    unchanged_since: z.object({ import_id: z.number().int(), imported_at: instant() }),
  })
  .meta({ id: 'FlowImportUnchanged' });

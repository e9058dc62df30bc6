// Wire schema of a record's completeness (GET /api/completeness and the `completeness` of GET /api/agreements/{id}).
import { z } from '@hono/zod-openapi';

export const completenessSchema = z
  .object({
    id: z.string(),
    partner: z.string(),
    fields: z.object({
      known: z.number().int(),
      null: z.number().int(),
      total: z.number().int(),
      nulls: z.array(z.string()).meta({ description: "fields that are null or 'unknown'" }),
      states: z.array(
        z.object({
          field: z.string(),
          known: z.boolean(),
          value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
        }),
      ),
    }),
    provisions: z.object({
      total: z.number().int(),
      primary: z.number().int().meta({ description: 'coded from the text itself' }),
      secondary: z.number().int().meta({ description: 'taken from reports about it' }),
      primary_share: z.number().nullable(),
    }),
    text: z.object({
      available: z.boolean(),
      evidence: z.string(),
      language: z.string().nullable(),
      file: z.string().nullable(),
      at_hand: z.boolean().meta({ description: 'a text file for the record is in data/texts' }),
      at_hand_file: z.string().nullable(),
    }),
    disagreements: z.number().int(),
    score: z
      .number()
      .meta({ description: '0..1: known fields, primary provisions and the text at hand, equally weighted' }),
    grade: z.enum(['complete', 'partial', 'thin']),
  })
  .meta({ id: 'Completeness' });

export const completenessReportSchema = z
  .object({
    agreements: z.array(completenessSchema),
    totals: z.object({
      agreements: z.number().int(),
      fields_known: z.number().int(),
      fields_null: z.number().int(),
      provisions_primary: z.number().int(),
      provisions_secondary: z.number().int(),
      texts_at_hand: z.number().int(),
      by_grade: z.object({ complete: z.number().int(), partial: z.number().int(), thin: z.number().int() }),
    }),
  })
  .meta({ id: 'CompletenessReport' });

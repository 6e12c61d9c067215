import { z } from 'zod';
import { confidentialityLevels, countryCodeSchema, incidentStatuses, isoDateSchema, recordIdSchema } from './records.ts';
import { termCodeSchema } from './vocabulary.ts';

/** Full-text query plus filters; every filter narrows the result (AND), codes within one filter widen it (OR). */
export const incidentQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    violationTypes: z.array(termCodeSchema).max(30).optional(),
    characteristics: z.array(termCodeSchema).max(20).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    placeId: recordIdSchema.optional(),
    country: countryCodeSchema.optional(),
    statuses: z.array(z.enum(incidentStatuses)).optional(),
    confidentiality: z.array(z.enum(confidentialityLevels)).optional(),
    /** Without a sort: newest first, or for text most recently recorded first. */
    sort: z.enum(['startDate', 'title', 'status']).optional(),
    direction: z.enum(['asc', 'desc']).default('asc'),
    limit: z.number().int().min(1).max(100_000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type IncidentQuery = z.input<typeof incidentQuerySchema>;

export const incidentHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(incidentStatuses),
  placeName: z.string().nullable(),
  peopleAffected: z.number().int(),
});
export type IncidentHit = z.infer<typeof incidentHitSchema>;

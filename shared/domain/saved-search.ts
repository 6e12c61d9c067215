import { z } from 'zod';
import { incidentQuerySchema } from './search.ts';

/** A named query staff run again ("Border detentions 2024"); filters only, paging is the list's business. */
export const savedQuerySchema = incidentQuerySchema.omit({ limit: true, offset: true, sort: true, direction: true });
export const savedSearchSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    query: savedQuerySchema,
  })
  .strict();
export type SavedSearch = z.infer<typeof savedSearchSchema>;

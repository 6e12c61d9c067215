import { z } from 'zod';
import { recordIdSchema } from './ids.ts';
import { incidentQuerySchema } from './search.ts';
import { lineText } from './text.ts';

/** A named query staff run again ("Border detentions 2024"); filters only, paging is the list's business. */
export const savedQuerySchema = incidentQuerySchema.omit({ limit: true, offset: true, sort: true, direction: true });
export const savedSearchSchema = z
  .object({
    id: recordIdSchema,
    name: lineText(200).trim().min(1),
    query: savedQuerySchema,
  })
  .strict();
export type SavedSearch = z.infer<typeof savedSearchSchema>;

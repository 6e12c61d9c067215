import { z } from 'zod';
import { counterpartSchema, letterSchema } from './correspondence.ts';
import { incidentSchema, personSchema, placeSchema } from './records.ts';

export const INTERCHANGE_FORMAT = 'ombuds-dossier/1';

/** The interchange file, version 1, as published in shared/interchange/ombuds-dossier-1.schema.json. */
export const interchangeFileSchema = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT),
    places: z.array(placeSchema).default([]),
    persons: z.array(personSchema).default([]),
    counterparts: z.array(counterpartSchema).default([]),
    incidents: z.array(incidentSchema).default([]),
    letters: z.array(letterSchema).default([]),
  })
  .strict();

export function interchangeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://ombuds-dossier.invalid/schema/ombuds-dossier-1.schema.json',
    title: 'Ombuds Dossier interchange file, format 1',
    ...z.toJSONSchema(interchangeFileSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}

import { z } from 'zod';
import { incidentSchema, personSchema, placeSchema } from './records.ts';

export const INTERCHANGE_FORMAT = 'ombuds-dossier/1';

/**
 * The interchange file, version 1, as published in shared/interchange/ombuds-dossier-1.schema.json.
 * Counterparts and letters join with the correspondence registry; until then they must be empty.
 */
export const interchangeFileSchema = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT),
    places: z.array(placeSchema).default([]),
    persons: z.array(personSchema).default([]),
    counterparts: z.array(z.never()).max(0).default([]),
    incidents: z.array(incidentSchema).default([]),
    letters: z.array(z.never()).max(0).default([]),
  })
  .strict();

export function interchangeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://ombuds-dossier.invalid/schema/ombuds-dossier-1.schema.json',
    title: 'Ombuds Dossier interchange file, format 1',
    ...z.toJSONSchema(interchangeFileSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}

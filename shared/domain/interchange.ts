import { z } from 'zod';
import { counterpartSchema, counterpartSchemaV1, letterSchema } from './correspondence.ts';
import { incidentSchema, incidentSchemaV1, personSchema, personSchemaV1, placeSchema, placeSchemaV1 } from './records.ts';

/** What export writes: format 2, records with their original language and translations. */
export const INTERCHANGE_FORMAT = 'ombuds-dossier/2';
/** Files written before records had translations; imported unchanged (their texts are Russian originals). */
export const INTERCHANGE_FORMAT_V1 = 'ombuds-dossier/1';
export const interchangeFormats = [INTERCHANGE_FORMAT_V1, INTERCHANGE_FORMAT] as const;
export type InterchangeFormat = (typeof interchangeFormats)[number];

/** The interchange file, version 1, as published in shared/interchange/ombuds-dossier-1.schema.json. */
export const interchangeFileSchemaV1 = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT_V1),
    places: z.array(placeSchemaV1).default([]),
    persons: z.array(personSchemaV1).default([]),
    counterparts: z.array(counterpartSchemaV1).default([]),
    incidents: z.array(incidentSchemaV1).default([]),
    letters: z.array(letterSchema).default([]),
  })
  .strict();

/**
 * The interchange file, version 2, as published in shared/interchange/ombuds-dossier-2.schema.json: version 1 plus
 * each record's `originalLanguage` and `translations` (shared/domain/translations.ts) and a person's `gender`.
 */
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

/** The record schemas a file of each format is checked against. */
export const recordSchemasOf = (format: InterchangeFormat) =>
  format === INTERCHANGE_FORMAT_V1
    ? { places: placeSchemaV1, persons: personSchemaV1, counterparts: counterpartSchemaV1, incidents: incidentSchemaV1 }
    : { places: placeSchema, persons: personSchema, counterparts: counterpartSchema, incidents: incidentSchema };

/** The published JSON Schema of a format (`npm run schema` writes both; a unit test keeps them equal to these). */
export function interchangeJsonSchema(version: 1 | 2 = 1): Record<string, unknown> {
  return {
    $id: `https://ombuds-dossier.invalid/schema/ombuds-dossier-${version}.schema.json`,
    title: `Ombuds Dossier interchange file, format ${version}`,
    ...z.toJSONSchema(version === 1 ? interchangeFileSchemaV1 : interchangeFileSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}

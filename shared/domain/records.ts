import { z } from 'zod';
import { countryCodeSchema } from './countries.ts';
import { birthDateSchema, eventDateSchema, isoDateSchema } from './dates.ts';
import { recordIdSchema } from './ids.ts';
import { lineText, safeText } from './text.ts';
import { translationsSchema } from './translations.ts';
import { languageSchema, type Language } from './vault.ts';
import { termCodeSchema } from './vocabulary.ts';

// Where these live now; re-exported because most of the app imports them from the records.
export { countryCodeSchema, isoDateSchema, recordIdSchema };

/** A record's texts in other languages than its original (shared/domain/translations.ts). */
const originalLanguage = languageSchema.default('ru');

/**
 * A translation into the record's own original language would be a second original: refused with its path
 * (`translations.ru` of a Russian record). `path` leads to the record inside a larger one (a source of an incident).
 */
export function refuseOwnLanguage(
  ctx: z.RefinementCtx,
  language: Language,
  translations: Partial<Record<Language, unknown>> | undefined,
  path: PropertyKey[] = [],
): void {
  if (translations?.[language] !== undefined) ctx.addIssue({ code: 'custom', path: [...path, 'translations', language], message: 'a translation into the original language' });
}

export const placeKinds = ['border-crossing', 'detention-facility', 'city', 'other'] as const;
const placeName = () => lineText(300).trim().min(1);
const placeFields = z.object({
  id: recordIdSchema,
  name: placeName(),
  kind: z.enum(placeKinds).default('other'),
  country: countryCodeSchema,
});
/** A place as interchange format 1 carried it: one name, no language. */
export const placeSchemaV1 = placeFields.strict();
export const placeSchema = placeFields
  .extend({ originalLanguage, translations: translationsSchema({ name: placeName() }).optional() })
  .strict()
  .superRefine((place, ctx) => refuseOwnLanguage(ctx, place.originalLanguage, place.translations));
export type Place = z.infer<typeof placeSchema>;

export const disclosures = ['consented', 'withheld'] as const;
export const genders = ['male', 'female'] as const;
const personFields = z.object({
    id: recordIdSchema,
    kind: z.enum(['individual', 'group']),
    /** As staff write it, usually Cyrillic; a group's description ("40 migrant workers"). */
    name: lineText(300).trim().min(1),
    /** The Latin spelling, as in a passport. */
    nameLatin: lineText(300).trim().min(1).optional(),
    /** How many people a group counts; individuals count one. */
    count: z.number().int().min(1).max(1_000_000).optional(),
    birthDate: birthDateSchema.optional(),
    citizenship: countryCodeSchema.optional(),
    characteristics: z.array(termCodeSchema).max(20).default([]),
    contact: safeText(500).optional(),
    disclosure: z.enum(disclosures).default('withheld'),
});
function checkPerson(person: z.infer<typeof personFields>, ctx: z.RefinementCtx): void {
  if (person.kind === 'group' && person.count === undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: 'a group needs a count' });
  if (person.kind === 'individual' && person.count !== undefined && person.count !== 1) {
    ctx.addIssue({ code: 'custom', path: ['count'], message: 'an individual counts one' });
  }
}
/** A person as interchange format 1 carried it: no gender. */
export const personSchemaV1 = personFields.strict().superRefine(checkPerson);
export const personSchema = personFields
  .extend({
    /** For the forms a letter uses of a masked identity («гражданин Р.» / «гражданка Р.»); unknown when absent. */
    gender: z.enum(genders).optional(),
  })
  .strict()
  .superRefine(checkPerson);
export type Person = z.infer<typeof personSchema>;

export const datePrecisions = ['day', 'month', 'year', 'estimate'] as const;
export const incidentStatuses = ['documented', 'raised', 'answered', 'closed'] as const;
export const confidentialityLevels = ['public', 'internal', 'confidential'] as const;
export const reliabilityLevels = ['confirmed', 'probable', 'unverified'] as const;

const sourceReference = () => safeText(2000).trim().min(1);
const sourceFields = z.object({
  type: termCodeSchema,
  reference: sourceReference(),
  date: eventDateSchema.optional(),
  reliability: z.enum(reliabilityLevels).default('unverified'),
});
/** A source's reference is in its incident's original language; its translations likewise per language. */
export const sourceSchema = sourceFields.extend({ translations: translationsSchema({ reference: sourceReference() }).optional() }).strict();
export type Source = z.infer<typeof sourceSchema>;

/** A source's reference that is a web address: the same in every language, so never translated. */
export const isUrlReference = (reference: string) => /^(https?|ftp):\/\/\S+$/i.test(reference.trim());

const incidentTitle = () => lineText(500).trim().min(1);
const incidentDescription = () => safeText(50_000);
const incidentFields = z.object({
    id: recordIdSchema,
    title: incidentTitle(),
    description: incidentDescription().default(''),
    startDate: eventDateSchema,
    endDate: eventDateSchema.optional(),
    datePrecision: z.enum(datePrecisions).default('day'),
    placeId: recordIdSchema.optional(),
    violationTypes: z.array(termCodeSchema).max(30).default([]),
    methods: z.array(termCodeSchema).max(30).default([]),
    perpetratorType: termCodeSchema.optional(),
    victimIds: z.array(recordIdSchema).max(10_000).default([]),
    sources: z.array(sourceSchema).max(200).default([]),
    confidentiality: z.enum(confidentialityLevels).default('confidential'),
    status: z.enum(incidentStatuses).default('documented'),
});
function checkDates(incident: { startDate: string; endDate?: string | undefined }, ctx: z.RefinementCtx): void {
  if (incident.endDate && incident.endDate < incident.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'ends before it starts' });
  }
}
/** An incident as interchange format 1 carried it: one language, sources without translations. */
export const incidentSchemaV1 = incidentFields
  .extend({ sources: z.array(sourceFields.strict()).max(200).default([]) })
  .strict()
  .superRefine(checkDates);
export const incidentSchema = incidentFields
  .extend({ originalLanguage, translations: translationsSchema({ title: incidentTitle(), description: incidentDescription().trim().min(1) }).optional() })
  .strict()
  .superRefine((incident, ctx) => {
    checkDates(incident, ctx);
    refuseOwnLanguage(ctx, incident.originalLanguage, incident.translations);
    incident.sources.forEach((source, index) => refuseOwnLanguage(ctx, incident.originalLanguage, source.translations, ['sources', index]));
  });
export type Incident = z.infer<typeof incidentSchema>;

/** Facts computed from an incident and its victims, for lists, letters and dossiers. */
export interface IncidentFacts {
  /** Calendar days from start to end inclusive, when both are known to the day. */
  durationDays: number | null;
  /** Individuals count one, groups their count. */
  peopleAffected: number;
}

export function incidentFacts(incident: Pick<Incident, 'startDate' | 'endDate' | 'datePrecision'>, victims: readonly Pick<Person, 'kind' | 'count'>[]): IncidentFacts {
  const durationDays =
    incident.endDate && incident.datePrecision === 'day'
      ? Math.round((Date.parse(`${incident.endDate}T00:00:00Z`) - Date.parse(`${incident.startDate}T00:00:00Z`)) / 86_400_000) + 1
      : null;
  const peopleAffected = victims.reduce((sum, victim) => sum + (victim.kind === 'group' ? (victim.count ?? 1) : 1), 0);
  return { durationDays, peopleAffected };
}

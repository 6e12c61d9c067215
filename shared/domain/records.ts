import { z } from 'zod';
import { countryCodeSchema } from './countries.ts';
import { birthDateSchema, eventDateSchema, isoDateSchema } from './dates.ts';
import { recordIdSchema } from './ids.ts';
import { lineText, safeText } from './text.ts';
import { termCodeSchema } from './vocabulary.ts';

// Where these live now; re-exported because most of the app imports them from the records.
export { countryCodeSchema, isoDateSchema, recordIdSchema };

export const placeKinds = ['border-crossing', 'detention-facility', 'city', 'other'] as const;
export const placeSchema = z
  .object({
    id: recordIdSchema,
    name: lineText(300).trim().min(1),
    kind: z.enum(placeKinds).default('other'),
    country: countryCodeSchema,
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;

export const disclosures = ['consented', 'withheld'] as const;
export const personSchema = z
  .object({
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
  })
  .strict()
  .superRefine((person, ctx) => {
    if (person.kind === 'group' && person.count === undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: 'a group needs a count' });
    if (person.kind === 'individual' && person.count !== undefined && person.count !== 1) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'an individual counts one' });
    }
  });
export type Person = z.infer<typeof personSchema>;

export const datePrecisions = ['day', 'month', 'year', 'estimate'] as const;
export const incidentStatuses = ['documented', 'raised', 'answered', 'closed'] as const;
export const confidentialityLevels = ['public', 'internal', 'confidential'] as const;
export const reliabilityLevels = ['confirmed', 'probable', 'unverified'] as const;

export const sourceSchema = z
  .object({
    type: termCodeSchema,
    reference: safeText(2000).trim().min(1),
    date: eventDateSchema.optional(),
    reliability: z.enum(reliabilityLevels).default('unverified'),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const incidentSchema = z
  .object({
    id: recordIdSchema,
    title: lineText(500).trim().min(1),
    description: safeText(50_000).default(''),
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
  })
  .strict()
  .superRefine((incident, ctx) => {
    if (incident.endDate && incident.endDate < incident.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'ends before it starts' });
    }
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

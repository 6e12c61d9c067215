import { z } from 'zod';
import { termCodeSchema } from './vocabulary.ts';

/** ISO date `YYYY-MM-DD` that exists in the calendar (no 2024-02-30). */
export const isoDateSchema = z.iso.date();

/** A record id: chosen by an interchange file or generated; kept across import and export. */
export const recordIdSchema = z.string().trim().min(1).max(100);

/** ISO 3166-1 alpha-2, upper case. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

/** Free text from staff: any script, control characters other than tab/newline refused. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/);

export const placeKinds = ['border-crossing', 'detention-facility', 'city', 'other'] as const;
export const placeSchema = z
  .object({
    id: recordIdSchema,
    name: text(300).trim().min(1),
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
    name: text(300).trim().min(1),
    /** The Latin spelling, as in a passport. */
    nameLatin: text(300).trim().min(1).optional(),
    /** How many people a group counts; individuals count one. */
    count: z.number().int().min(1).max(1_000_000).optional(),
    birthDate: isoDateSchema.optional(),
    citizenship: countryCodeSchema.optional(),
    characteristics: z.array(termCodeSchema).max(20).default([]),
    contact: text(500).optional(),
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
    reference: text(2000).trim().min(1),
    date: isoDateSchema.optional(),
    reliability: z.enum(reliabilityLevels).default('unverified'),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const incidentSchema = z
  .object({
    id: recordIdSchema,
    title: text(500).trim().min(1),
    description: text(50_000).default(''),
    startDate: isoDateSchema,
    endDate: isoDateSchema.optional(),
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

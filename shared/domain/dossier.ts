import { z } from 'zod';
import { isoDateSchema, recordIdSchema } from './records.ts';
import { incidentQuerySchema } from './search.ts';
import { lineText, safeText } from './text.ts';
import { languageSchema } from './vault.ts';

/**
 * The meeting dossier (issue 13): a saved composition — not a file — that is built into a Doc from the current
 * records, and issued as frozen editions (the Doc with its SHA-256, its PDF and DOCX kept encrypted, never changed).
 */

/** The sections a dossier may hold, in their default order. */
export const dossierSections = ['cover', 'contents', 'summary', 'ledger', 'incidents', 'evidence', 'letters'] as const;
export type DossierSection = (typeof dossierSections)[number];

/**
 * The most incidents one dossier may hold; a composition naming more, or a saved search finding more, is refused
 * up front (`dossier-too-large`) before any fact is gathered. Why 2,000: the bench measures a build's peak memory
 * growing linearly with the incidents, and the 500 MB target for the PDF holds to about 2,000 sheets; beyond that a
 * build would swap or stop halfway, and a meeting pack of more sheets is not read anyway (split it by period or place).
 */
export const DOSSIER_INCIDENT_LIMIT = 2_000;

/** Which incidents: an explicit list (bounded for parsing; `DOSSIER_INCIDENT_LIMIT` is what a dossier holds), or a saved search run again at every build. */
export const dossierSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incidents'), incidentIds: z.array(recordIdSchema).max(10_000) }).strict(),
  z.object({ kind: z.literal('search'), query: incidentQuerySchema }).strict(),
]);
export type DossierSelection = z.infer<typeof dossierSelectionSchema>;

/** Free text staff write for the meeting, placed in its own section after the summary. */
export const dossierNotesSchema = z
  .object({
    foreword: safeText(20_000).default(''),
    talkingPoints: safeText(20_000).default(''),
    requests: safeText(20_000).default(''),
  })
  .strict();

export const dossierCompositionSchema = z
  .object({
    id: recordIdSchema,
    title: lineText(300).trim().min(1),
    meeting: z
      .object({
        /** With whom, as it reads on the cover («Встреча с Уполномоченным по правам человека в Российской Федерации»). */
        with: lineText(500).trim().default(''),
        place: lineText(300).trim().default(''),
        date: isoDateSchema.optional(),
      })
      .strict(),
    counterpartIds: z.array(recordIdSchema).max(50).default([]),
    language: languageSchema,
    /** «Для служебного пользования» and the like; printed on every page. Empty: no mark. */
    classification: lineText(200).trim().default(''),
    selection: dossierSelectionSchema,
    /** The sections to include, in their order; each at most once. */
    sections: z
      .array(z.enum(dossierSections))
      .min(1)
      .max(dossierSections.length)
      .refine((list) => new Set(list).size === list.length, 'a section appears once')
      .default([...dossierSections.filter((section) => section !== 'letters')]),
    notes: dossierNotesSchema.default({ foreword: '', talkingPoints: '', requests: '' }),
    /** Keys (translations.ts missingTextKey) of texts staff chose to print in their original language. */
    keepOriginal: z.array(z.string().max(400)).max(10_000).default([]),
  })
  .strict();
export type DossierComposition = z.infer<typeof dossierCompositionSchema>;
export type DossierCompositionInput = z.input<typeof dossierCompositionSchema>;

/** A saved dossier as listed: its composition and when it was last saved, with its editions' count. */
export interface DossierSummary {
  id: string;
  title: string;
  language: 'tg' | 'ru' | 'en';
  meetingDate: string | null;
  updatedAt: string;
  editions: number;
}

/** An issued edition: numbered per dossier from 1, frozen. */
export interface DossierEdition {
  dossierId: string;
  edition: number;
  issuedAt: string;
  issuedBy: string;
  /** SHA-256 of the frozen Doc's canonical JSON. */
  sha256: string;
  pages: number;
  files: { role: 'pdf' | 'docx'; size: number; sha256: string }[];
}

/**
 * What a build noticed and went on with, each naming the record by id (never its text): an incident chosen when the
 * composition was saved and deleted since (skipped), an incident changed since it was saved (built as it is now, so staff can check it before issuing), an
 * evidence file whose stored bytes are damaged or missing (marked as damaged in the annex, never skipped).
 */
export const dossierWarningCodes = ['incident-deleted', 'incident-changed', 'evidence-damaged'] as const;
export type DossierWarningCode = (typeof dossierWarningCodes)[number];
export const dossierWarningSchema = z.object({ code: z.enum(dossierWarningCodes), id: z.string().max(200) }).strict();
export type DossierWarning = z.infer<typeof dossierWarningSchema>;

export const dossierSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: languageSchema,
  meetingDate: z.string().nullable(),
  updatedAt: z.string(),
  editions: z.number().int(),
}) satisfies z.ZodType<DossierSummary>;

export const dossierEditionSchema = z.object({
  dossierId: z.string(),
  edition: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  files: z.array(z.object({ role: z.enum(['pdf', 'docx']), size: z.number().int(), sha256: z.string() })),
}) satisfies z.ZodType<DossierEdition>;

/** A build's state as the window polls it: progress in incidents, then the result or the error. */
export const dossierBuildStates = ['running', 'done', 'failed', 'cancelled'] as const;

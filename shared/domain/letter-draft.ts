import { z } from 'zod';
import { docSchema } from '../document/model.ts';
import { letterKinds } from '../templates/letters/input.ts';
import { isoDateSchema, recordIdSchema } from './records.ts';
import { languageSchema } from './vault.ts';

export const LETTER_DRAFT_FORMAT = 'ombuds-dossier/letter-draft-1';

/** Something a clerk should check before registering: the draft is still made, and says why. */
export const draftWarnings = ['addressee-derived', 'no-executor', 'identities-revealed', 'no-unanswered-letters'] as const;

/** What to draft: the kind of letter, to whom, in which language, about which incidents. */
export const draftRequestSchema = z
  .object({
    kind: z.enum(letterKinds),
    counterpartId: recordIdSchema,
    language: languageSchema,
    incidentIds: z.array(recordIdSchema).max(1000).default([]),
    /** Their letter this one answers. */
    inReplyTo: recordIdSchema.optional(),
    signatoryId: recordIdSchema.optional(),
    /** Show withheld identities in full: deliberate, and audited. */
    revealWithheld: z.boolean().default(false),
  })
  .strict();
export type DraftRequest = z.input<typeof draftRequestSchema>;

/**
 * A letter before registration, as the CLI writes it to a file and the window edits it: the request it came from
 * and the Doc, whose text staff may change. Its id becomes the letter's id, so registering it twice gives one number.
 */
export const letterDraftSchema = z
  .object({
    format: z.literal(LETTER_DRAFT_FORMAT),
    id: recordIdSchema,
    request: draftRequestSchema,
    doc: docSchema,
    warnings: z.array(z.enum(draftWarnings)),
    /** The day the figures in the text (days waiting) were counted. */
    asOf: isoDateSchema,
  })
  .strict();
export type LetterDraft = z.infer<typeof letterDraftSchema>;

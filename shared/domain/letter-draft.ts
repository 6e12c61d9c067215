import { z } from 'zod';
import { docSchema } from '../document/model.ts';
import { letterKinds } from '../templates/letters/input.ts';
import { isoDateSchema, recordIdSchema } from './records.ts';
import { missingTextSchema } from './translations.ts';
import { languageSchema } from './vault.ts';
import { instrumentCodes, instrumentCodeSchema } from './ratification.ts';

export const LETTER_DRAFT_FORMAT = 'ombuds-dossier/letter-draft-1';

/** Something a clerk should check before registering: the draft is still made, and says why. */
export const draftWarnings = ['addressee-derived', 'no-executor', 'identities-revealed', 'no-unanswered-letters', 'instrument-not-party', 'instrument-cited-non-party', 'place-outside-counterpart-country'] as const;

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
    /** Treaties to cite although the counterpart's state is not a party to them (ratification table): deliberate, and audited. */
    citeDespiteNonParty: z.array(instrumentCodeSchema).max(instrumentCodes.length).default([]),
    /**
     * Texts missing in the letter's language that staff chose to print in their original language, quoted as they
     * are (keys from `missingTextKey`): deliberate, and audited. Any other missing text blocks registration.
     */
    keepOriginal: z.array(z.string().min(1).max(500)).max(10_000).default([]),
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
    /**
     * Every text the letter needs in its language that the records lack (shown as a placeholder in the Doc, or
     * quoted in the original when kept). Informative only: registration recomputes it from the records.
     */
    missing: z.array(missingTextSchema).max(10_000).default([]),
    /** The day the figures in the text (days waiting) were counted. */
    asOf: isoDateSchema,
  })
  .strict();
export type LetterDraft = z.infer<typeof letterDraftSchema>;

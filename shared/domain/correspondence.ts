import { z } from 'zod';
import { replyTermSchema } from './calendar.ts';
import { countryCodeSchema } from './countries.ts';
import { deadlineDateSchema, eventDateSchema } from './dates.ts';
import { recordIdSchema } from './ids.ts';
import { lineText, safeText } from './text.ts';
import { refuseOwnLanguage } from './records.ts';
import { translationsSchema } from './translations.ts';
import { languageSchema } from './vault.ts';

export const deliveryChannels = ['post', 'diplomatic', 'email', 'hand'] as const;
/** How an incoming letter answered (DOMAIN.md). */
export const responseCodes = ['no-response', 'request-for-information', 'token-response', 'pledged-action', 'action-taken', 'denial'] as const;

const institution = () => safeText(500).trim().min(1);
const position = () => safeText(300).trim().min(1);
const personName = () => lineText(300).trim().min(1);
const addressee = () => safeText(600).trim().min(1);
const salutation = () => lineText(300).trim().min(1);

const counterpartFields = z.object({
  id: recordIdSchema,
  institution: institution(),
  position: position(),
  name: personName(),
  /** The addressee line in the dative («Министру внутренних дел … Иванову И. И.»), in the original language; derived when absent. */
  addresseeDative: addressee().optional(),
  /** «Уважаемый Иван Иванович!», in the original language; derived when absent. */
  salutation: salutation().optional(),
  gender: z.enum(['male', 'female']).optional(),
  /** The language letters to this counterpart are written in. */
  language: languageSchema.default('ru'),
  address: safeText(1000).default(''),
  country: countryCodeSchema,
  deliveryChannel: z.enum(deliveryChannels).default('diplomatic'),
  replyTerm: replyTermSchema.default({ days: 30, kind: 'calendar' }),
});

/** A counterpart as interchange format 1 carried it: its texts in its correspondence language only. */
export const counterpartSchemaV1 = counterpartFields.strict();

/** The language a counterpart's card is written in: its own, else the language letters to it are written in. */
export const counterpartOriginal = (counterpart: Pick<Counterpart, 'originalLanguage' | 'language'>) => counterpart.originalLanguage ?? counterpart.language;

/**
 * The foreign institution and its official, with the forms the letters need: written in `originalLanguage` (absent:
 * its correspondence `language`), the other languages in `translations`, where `addressee` and `salutation` are the
 * card's forms in that language (derived defaults until staff write them).
 */
export const counterpartSchema = counterpartFields
  .extend({
    originalLanguage: languageSchema.optional(),
    translations: translationsSchema({ institution: institution(), position: position(), name: personName(), address: safeText(1000).trim().min(1), addressee: addressee(), salutation: salutation() }).optional(),
  })
  .strict()
  .superRefine((counterpart, ctx) => refuseOwnLanguage(ctx, counterpart.originalLanguage ?? counterpart.language, counterpart.translations));
export type Counterpart = z.infer<typeof counterpartSchema>;

/** A registered letter, outgoing or incoming. Numbers of outgoing letters are assigned by the registry. */
export const letterSchema = z
  .object({
    id: recordIdSchema,
    direction: z.enum(['outgoing', 'incoming']),
    number: lineText(100).trim().min(1),
    date: eventDateSchema,
    counterpartId: recordIdSchema,
    subject: safeText(1000).trim().min(1),
    incidentIds: z.array(recordIdSchema).max(1000).default([]),
    inReplyTo: recordIdSchema.optional(),
    deliveryChannel: z.enum(deliveryChannels).optional(),
    expectedReplyBy: deadlineDateSchema.optional(),
    response: z.enum(responseCodes).optional(),
    /** Registered letters are never deleted; a wrong one is annulled with a reason. */
    annulled: z.object({ reason: safeText(1000).trim().min(1), date: eventDateSchema }).strict().optional(),
  })
  .strict()
  .superRefine((letter, ctx) => {
    if (letter.direction === 'outgoing' && letter.response) ctx.addIssue({ code: 'custom', path: ['response'], message: 'only incoming letters carry a response code' });
    if (letter.direction === 'incoming' && letter.expectedReplyBy) ctx.addIssue({ code: 'custom', path: ['expectedReplyBy'], message: 'only outgoing letters expect a reply' });
    if (letter.inReplyTo === letter.id) ctx.addIssue({ code: 'custom', path: ['inReplyTo'], message: 'a letter cannot answer itself' });
  });
export type Letter = z.infer<typeof letterSchema>;

/**
 * True when the letter `id`, answering `inReplyTo`, would close a loop of replies (A answers B, B answers A, with
 * equal dates passing the date check): following the letters answered from `inReplyTo` leads back to `id`.
 * `answeredBy` gives the letter a stored or incoming letter answers. Stops at a loop that does not include `id`.
 */
export function closesReplyCycle(id: string, inReplyTo: string | undefined, answeredBy: (letterId: string) => string | undefined): boolean {
  const seen = new Set<string>();
  for (let at = inReplyTo; at !== undefined && !seen.has(at); at = answeredBy(at)) {
    if (at === id) return true;
    seen.add(at);
  }
  return false;
}

/** A file kept with a registered letter: its scan, or the DOCX/PDF drafted here as registered. */
export const letterFileSchema = z.object({
  id: z.string(),
  letterId: z.string(),
  role: z.enum(['scan', 'pdf', 'docx']),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type LetterFile = z.infer<typeof letterFileSchema>;

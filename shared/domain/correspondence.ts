import { z } from 'zod';
import { replyTermSchema } from './calendar.ts';
import { countryCodeSchema } from './countries.ts';
import { deadlineDateSchema, eventDateSchema } from './dates.ts';
import { recordIdSchema } from './ids.ts';
import { lineText, safeText } from './text.ts';
import { languageSchema } from './vault.ts';

export const deliveryChannels = ['post', 'diplomatic', 'email', 'hand'] as const;
/** How an incoming letter answered (DOMAIN.md). */
export const responseCodes = ['no-response', 'request-for-information', 'token-response', 'pledged-action', 'action-taken', 'denial'] as const;

/** The foreign institution and its official, with the forms the letters need. */
export const counterpartSchema = z
  .object({
    id: recordIdSchema,
    institution: safeText(500).trim().min(1),
    position: safeText(300).trim().min(1),
    name: lineText(300).trim().min(1),
    /** The addressee line in the dative («Министру внутренних дел … Иванову И. И.»); derived when absent. */
    addresseeDative: safeText(600).trim().min(1).optional(),
    /** «Уважаемый Иван Иванович!»; derived when absent. */
    salutation: lineText(300).trim().min(1).optional(),
    gender: z.enum(['male', 'female']).optional(),
    language: languageSchema.default('ru'),
    address: safeText(1000).default(''),
    country: countryCodeSchema,
    deliveryChannel: z.enum(deliveryChannels).default('diplomatic'),
    replyTerm: replyTermSchema.default({ days: 30, kind: 'calendar' }),
  })
  .strict();
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

import { z } from 'zod';
import { replyTermSchema } from './calendar.ts';
import { isoDateSchema, recordIdSchema } from './records.ts';
import { languageSchema } from './vault.ts';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/);

export const deliveryChannels = ['post', 'diplomatic', 'email', 'hand'] as const;
/** How an incoming letter answered (DOMAIN.md). */
export const responseCodes = ['no-response', 'request-for-information', 'token-response', 'pledged-action', 'action-taken', 'denial'] as const;

/** The foreign institution and its official, with the forms the letters need. */
export const counterpartSchema = z
  .object({
    id: recordIdSchema,
    institution: text(500).trim().min(1),
    position: text(300).trim().min(1),
    name: text(300).trim().min(1),
    /** The addressee line in the dative («Министру внутренних дел … Иванову И. И.»); derived when absent. */
    addresseeDative: text(600).trim().min(1).optional(),
    /** «Уважаемый Иван Иванович!»; derived when absent. */
    salutation: text(300).trim().min(1).optional(),
    gender: z.enum(['male', 'female']).optional(),
    language: languageSchema.default('ru'),
    address: text(1000).default(''),
    country: z.string().regex(/^[A-Z]{2}$/),
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
    number: text(100).trim().min(1),
    date: isoDateSchema,
    counterpartId: recordIdSchema,
    subject: text(1000).trim().min(1),
    incidentIds: z.array(recordIdSchema).max(1000).default([]),
    inReplyTo: recordIdSchema.optional(),
    deliveryChannel: z.enum(deliveryChannels).optional(),
    expectedReplyBy: isoDateSchema.optional(),
    response: z.enum(responseCodes).optional(),
    /** Registered letters are never deleted; a wrong one is annulled with a reason. */
    annulled: z.object({ reason: text(1000).trim().min(1), date: isoDateSchema }).strict().optional(),
  })
  .strict()
  .superRefine((letter, ctx) => {
    if (letter.direction === 'outgoing' && letter.response) ctx.addIssue({ code: 'custom', path: ['response'], message: 'only incoming letters carry a response code' });
    if (letter.direction === 'incoming' && letter.expectedReplyBy) ctx.addIssue({ code: 'custom', path: ['expectedReplyBy'], message: 'only outgoing letters expect a reply' });
  });
export type Letter = z.infer<typeof letterSchema>;

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

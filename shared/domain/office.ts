import { z } from 'zod';
import { recordIdSchema } from './records.ts';
import { safeText } from './text.ts';
import type { Language } from './vault.ts';

/** The app's one rule for free text (shared/domain/text.ts): several lines allowed, no other control characters. */
const text = safeText;
const inEachLanguage = (max: number) => z.object({ tg: text(max).trim(), ru: text(max).trim(), en: text(max).trim() }).strict();

/** The emblem on the letterhead: a PNG or JPEG of at most 512 KiB, checked by its bytes, not its name. */
export const EMBLEM_MAX_BYTES = 512 * 1024;
export const emblemSchema = z
  .object({ mediaType: z.enum(['image/png', 'image/jpeg']), base64: z.string().max(Math.ceil(EMBLEM_MAX_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/) })
  .strict();

export const signatorySchema = z
  .object({
    id: recordIdSchema,
    /** The position as it stands under the letter, per language; several lines allowed. */
    position: inEachLanguage(300),
    /** «У. Ш. Салимзода»: initials, then the surname, as signatures are printed. */
    name: inEachLanguage(200),
  })
  .strict();
export type Signatory = z.infer<typeof signatorySchema>;

/** What every letter carries about the office: letterhead, who signs, who prepared it. */
export const officeSchema = z
  .object({
    name: inEachLanguage(300),
    /** Postal address, phone, e-mail: one line each. */
    address: inEachLanguage(600),
    emblem: emblemSchema.nullable(),
    signatories: z.array(signatorySchema).max(20),
    /**
     * Who prepared the letter: the name per language (a Russian letter prints it in Russian, an English one in Latin
     * script). Settings saved before names were per language hold one string: it is the Russian name.
     */
    executor: z
      .object({ name: z.preprocess((name) => (typeof name === 'string' ? { tg: '', ru: name, en: '' } : name), inEachLanguage(200)), phone: text(60).trim() })
      .strict()
      .nullable(),
  })
  .strict();
export type Office = z.infer<typeof officeSchema>;

/** Until the office fills in its settings: its name, and nothing else that a letter could wrongly carry. */
export const DEFAULT_OFFICE: Office = {
  name: {
    tg: 'Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон',
    ru: 'Уполномоченный по правам человека в Республике Таджикистан',
    en: 'Commissioner for Human Rights in the Republic of Tajikistan',
  },
  address: { tg: '', ru: '', en: '' },
  emblem: null,
  signatories: [],
  executor: null,
};

/** A per-language value, falling back to Russian, then to any language that has one. */
export function inLanguage(value: Record<Language, string>, language: Language): string {
  return value[language] || value.ru || value.tg || value.en;
}

/** The bytes really are a PNG or JPEG (signature check), not just named so. */
export function emblemBytesMatch(mediaType: 'image/png' | 'image/jpeg', bytes: Uint8Array): boolean {
  if (mediaType === 'image/png') return bytes.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

import { z } from 'zod';
import { languageSchema, type Language } from './vault.ts';

/**
 * Records in several languages (issue 12). Staff write a record in the language its source used — its
 * `originalLanguage` — and add the other languages they have as `translations`. A document in language X uses only
 * X: the original when X is the original, else the translation; where neither exists the draft lists the field as
 * missing (below) instead of mixing languages.
 *
 * Shape in a record (and in the interchange file, format 2): `originalLanguage: "ru"` and
 * `translations: { "tg": { "title": "…", "description": "…" }, "en": { "title": "…" } }` — only the fields listed in
 * `translatableFields` for that record, never the original language itself. Files of format 1 carry neither and
 * import unchanged (original language: Russian, except a counterpart: its correspondence `language`).
 */

/** Which texts of which records reach documents and so exist per language. */
export const translatableFields = {
  incident: ['title', 'description'],
  /** A source's reference when it is a description (a URL needs no translation). */
  source: ['reference'],
  place: ['name'],
  /** `addressee` and `salutation` are the card's forms per language: derived defaults until staff write them. */
  counterpart: ['institution', 'position', 'name', 'address', 'addressee', 'salutation'],
} as const;
export type TranslatableEntity = keyof typeof translatableFields;
export type TranslatableField<E extends TranslatableEntity> = (typeof translatableFields)[E][number];

/** `{ tg?: { title?: … }, ru?: …, en?: … }` for one kind of record, each text with the record field's own rule. */
export function translationsSchema<F extends string>(fields: Record<F, z.ZodType<string>>) {
  const perLanguage = z.object(Object.fromEntries(Object.entries(fields).map(([field, schema]) => [field, (schema as z.ZodType<string>).optional()])) as { [K in F]: z.ZodOptional<z.ZodType<string>> }).strict();
  return z.object({ tg: perLanguage.optional(), ru: perLanguage.optional(), en: perLanguage.optional() }).strict();
}
export type Translations<F extends string> = Partial<Record<Language, Partial<Record<F, string>>>>;

/** The text of a field in a language: the original, a translation, or nothing (missing). */
export function textIn<F extends string>(
  record: { originalLanguage: Language; translations?: Translations<F> } & Partial<Record<F, string>>,
  field: F,
  language: Language,
): string | undefined {
  if (record.originalLanguage === language) return record[field];
  const translated = record.translations?.[language]?.[field]?.trim();
  return translated ? translated : undefined;
}

/** Everything whose text can be missing from a document: the translatable records, a person's Latin name, the office. */
export const textEntities = ['incident', 'source', 'place', 'person', 'counterpart', 'office'] as const;
export type TextEntity = (typeof textEntities)[number];

/**
 * A text a document needs in its language and the record lacks. `id` is the record's id — for a source
 * `<incidentId>/<index>`, for the office `office` — and `field` its field (`nameLatin` for a person in an English
 * document; `name`, `address`, `signatory:<id>:position`, `executor` for the office). `context` tells staff which
 * record it is (the incident's title as they know it); `original` is the text to translate, in `originalLanguage`.
 */
export const missingTextSchema = z
  .object({
    entity: z.enum(textEntities),
    id: z.string().min(1).max(300),
    field: z.string().min(1).max(100),
    context: z.string().max(1000),
    original: z.string().max(50_000),
    originalLanguage: languageSchema,
  })
  .strict();
export type MissingText = z.infer<typeof missingTextSchema>;

/** The key a draft's `keepOriginal` list names a missing text by. */
export const missingTextKey = (missing: Pick<MissingText, 'entity' | 'id' | 'field'>) => `${missing.entity}:${missing.id}:${missing.field}`;

/** A translation staff type where a draft lists a missing text: saved back to the record, audited. */
export const translationInputSchema = z
  .object({
    entity: z.enum(textEntities),
    id: z.string().min(1).max(300),
    field: z.string().min(1).max(100),
    language: languageSchema,
    text: z.string().trim().min(1).max(50_000),
  })
  .strict();
export type TranslationInput = z.infer<typeof translationInputSchema>;

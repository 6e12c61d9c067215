import { missingTextKey, textIn, type MissingText, type Translations } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';

/** What the Doc shows where a text is missing in its language: visible, never the other language silently. */
export const MISSING_PLACEHOLDER: Record<Language, string> = { ru: '[нет перевода]', tg: '[тарҷума нест]', en: '[translation missing]' };

/** An original kept deliberately is quoted as it is, with the letter's quotation marks. */
const quoted = (text: string, language: Language) => (language === 'en' ? `“${text}”` : `«${text}»`);

/** Which record a text belongs to, as a missing text names it. */
export type TextRef = Pick<MissingText, 'entity' | 'id' | 'field' | 'context'>;

/**
 * The texts one letter takes from the records, all in its language. Each is the record's text in that language;
 * where there is none, the text is listed as missing and the Doc gets either the original quoted (when staff chose
 * to keep it, by its missingTextKey) or a visible placeholder. A text needed twice is listed once.
 */
export class LetterTexts {
  readonly language: Language;
  private readonly keep: ReadonlySet<string>;
  private readonly listed = new Map<string, MissingText>();

  constructor(language: Language, keepOriginal: Iterable<string> = []) {
    this.language = language;
    this.keep = new Set(keepOriginal);
  }

  get missing(): MissingText[] {
    return [...this.listed.values()];
  }

  /** `found` in the letter's language, else the original handled as missing; an empty original is no text at all. */
  pick(ref: TextRef, found: string | undefined, original: string, originalLanguage: Language): string {
    if (found !== undefined && found.trim() !== '') return found;
    if (original.trim() === '') return '';
    return this.absent(ref, original, originalLanguage);
  }

  /** A translatable record's field (shared/domain/translations.ts's textIn). */
  field<F extends string>(ref: Omit<TextRef, 'field'>, record: { originalLanguage: Language; translations?: Translations<F> } & Partial<Record<F, string>>, field: F): string {
    return this.pick({ ...ref, field }, textIn(record, field, this.language), record[field] ?? '', record.originalLanguage);
  }

  /** Lists a text the letter cannot have in its language; returns what the Doc shows instead. */
  absent(ref: TextRef, original: string, originalLanguage: Language): string {
    const missing: MissingText = { ...ref, context: ref.context.slice(0, 1000), original: original.slice(0, 50_000), originalLanguage };
    const key = missingTextKey(missing);
    if (!this.listed.has(key)) this.listed.set(key, missing);
    return this.keep.has(key) && original.trim() !== '' ? quoted(original, this.language) : MISSING_PLACEHOLDER[this.language];
  }

  /** The keys of the listed texts that staff have not chosen to keep: what blocks registration. */
  unresolved(): string[] {
    return this.missing.map(missingTextKey).filter((key) => !this.keep.has(key));
  }

  /** The listed texts kept in their original, for the audit. */
  kept(): string[] {
    return this.missing.map(missingTextKey).filter((key) => this.keep.has(key));
  }
}

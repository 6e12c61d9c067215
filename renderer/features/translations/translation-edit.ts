import type { Translations } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';

/** The app's languages in the order the window lists them. */
export const recordLanguages: readonly Language[] = ['tg', 'ru', 'en'];

/**
 * Translations with one text set (or removed when blank): a blank box means "not translated", never an empty
 * translation, so the draft lists it as missing instead of printing nothing.
 */
export function withTranslation<F extends string>(translations: Translations<F> | undefined, language: Language, field: F, text: string): Translations<F> {
  const next: Translations<F> = { ...translations };
  const forLanguage: Partial<Record<F, string>> = { ...next[language] };
  if (text.trim()) forLanguage[field] = text;
  else delete forLanguage[field];
  if (Object.keys(forLanguage).length > 0) next[language] = forLanguage;
  else delete next[language];
  return next;
}

/** A record whose texts exist per language: the original's fields plus the translations of the others. */
type Multilingual<F extends string> = { originalLanguage: Language; translations?: Translations<F> } & Partial<Record<F, string>>;

/**
 * Makes `next` the record's original language. Where a field has a translation in `next`, that text becomes the
 * original and the former original becomes the translation in the former language (nothing typed is lost); where
 * it has none, the text typed is taken to be in `next` (staff correcting which language they wrote in).
 */
export function withOriginalLanguage<R extends Multilingual<F>, F extends string>(record: R, fields: readonly F[], next: Language): R {
  const previous = record.originalLanguage;
  if (previous === next) return record;
  let translations: Translations<F> = { ...record.translations };
  const patch: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const translated = translations[next]?.[field];
    if (!translated?.trim()) continue;
    patch[field] = translated;
    translations = withTranslation(translations, next, field, '');
    translations = withTranslation(translations, previous, field, record[field] ?? '');
  }
  return { ...record, ...patch, originalLanguage: next, translations };
}

/** The languages other than the original in which a field has no text yet. */
export function missingLanguages<F extends string>(original: Language, translations: Translations<F> | undefined, field: F): Language[] {
  return recordLanguages.filter((language) => language !== original && !translations?.[language]?.[field]?.trim());
}

import type { Translations } from '../../../shared/domain/translations.ts';

/**
 * A record's translations as the store keeps them: one JSON object per row (`{"tg": {"title": "…"}}`, '{}' when
 * none), written and read only through these two, so an untranslated record reads back without a `translations` key
 * exactly as it was saved.
 */
export const translationsJson = (translations: Translations<string> | undefined): string => JSON.stringify(translations ?? {});

export function translationsFrom<F extends string>(json: string | undefined): Translations<F> | undefined {
  // Undefined only for a row of a store before migration 7, which the migration tests read with these repositories.
  if (json === undefined) return undefined;
  const value = JSON.parse(json) as Translations<F>;
  return Object.keys(value).length > 0 ? value : undefined;
}

/** Every translated text of a record, for the search index (which matches any language). */
export const translatedTexts = (translations: Translations<string> | undefined, field: string): string[] =>
  Object.values(translations ?? {}).flatMap((texts) => (texts?.[field] ? [texts[field]] : []));

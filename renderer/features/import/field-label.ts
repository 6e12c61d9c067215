import type { TFunction } from 'i18next';

/**
 * A sheet field as staff read it: `title` → «Название», a field in a language (`title@tg`) → «Название
 * (по-таджикски)», `originalLanguage` → «Язык оригинала».
 */
export function importFieldLabel(t: TFunction, field: string): string {
  if (field === 'originalLanguage') return t('translations.original');
  const [base, language] = field.split('@');
  return language ? t('translations.fieldIn', { field: t(`import.f_${base}`), language: t(`translations.in_${language}`) }) : t(`import.f_${field}`);
}

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/vault.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { tg } from './tg.ts';

export const languages: readonly Language[] = ['tg', 'ru', 'en'];
/** Each language named in itself, for the switcher. */
export const languageNames: Record<Language, string> = { tg: 'Тоҷикӣ', ru: 'Русский', en: 'English' };
export const resources = { tg: { translation: tg }, ru: { translation: ru }, en: { translation: en } };

/** The first of the system's preferred languages we have; Russian otherwise (the office's working language). */
export function initialLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (languages.includes(base)) return base;
  }
  return 'ru';
}

/** The language choice lives in memory only: nothing is written to the renderer's storage. */
export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; user text is never rendered as HTML
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  return i18next;
}

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en.ts';
import { initialLanguage, resources } from '../../../renderer/i18n/index.ts';
import { ru } from '../../../renderer/i18n/ru.ts';
import { tg } from '../../../renderer/i18n/tg.ts';
import { errorCodes } from '../../../shared/ipc/result.ts';

/** Every key path of a nested message table, plural suffixes folded away. */
function keys(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|few|many|other)$/, '')}`],
  );
}
const keySet = (table: object) => [...new Set(keys(table))].sort();

describe('translations', () => {
  it('tg, ru and en have the same keys', () => {
    expect(keySet(ru)).toEqual(keySet(en));
    expect(keySet(tg)).toEqual(keySet(en));
  });

  it('every error code has a message in every language', () => {
    for (const table of [en, ru, tg]) {
      const errorKeys = keySet(table.errors);
      for (const code of errorCodes) expect(errorKeys).toContain(code);
    }
  });

  it('Russian has all four plural forms where counts are shown', () => {
    const forms = Object.keys(ru.errors).filter((key) => key.startsWith('too-many-attempts_'));
    expect(forms.sort()).toEqual(['too-many-attempts_few', 'too-many-attempts_many', 'too-many-attempts_one', 'too-many-attempts_other']);
  });

  it('no Tajik string was left in Russian or English', () => {
    const values = (table: object): string[] => Object.values(table).flatMap((v) => (typeof v === 'object' ? values(v as object) : [String(v)]));
    // Tajik-only letters; their presence in Tajik shows the table is really Tajik, their absence elsewhere that nothing was copied.
    const tajikLetters = /[ғӣқӯҳҷҒӢҚӮҲҶ]/;
    expect(values(tg).filter((v) => tajikLetters.test(v)).length).toBeGreaterThan(50);
    expect(values(ru).some((v) => tajikLetters.test(v))).toBe(false);
  });

  it('picks the first supported system language, else Russian', () => {
    expect(initialLanguage(['tg-TJ', 'ru'])).toBe('tg');
    expect(initialLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(initialLanguage(['fr'])).toBe('ru');
  });

  it('Russian counts follow Intl plural rules (1 секунду, 3 секунды, 5 секунд, 21 секунду)', async () => {
    // A separate instance with the app's resources: no DOM, no React, only the plural resolution.
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'ru', fallbackLng: 'en', interpolation: { escapeValue: false } });
    const wait = (count: number) => i18n.t('errors.too-many-attempts', { count });
    expect(wait(1)).toMatch(/через 1 секунду\.$/);
    expect(wait(3)).toMatch(/через 3 секунды\.$/);
    expect(wait(5)).toMatch(/через 5 секунд\.$/);
    expect(wait(11)).toMatch(/через 11 секунд\.$/);
    expect(wait(21)).toMatch(/через 21 секунду\.$/);
    // Tajik nouns do not change after numerals, and Chromium carries no Tajik plural rules: one form, found with or
    // without Intl support (a suffixed key would fall back to English where the rules are missing).
    await i18n.changeLanguage('tg');
    expect(wait(3)).toMatch(/Пас аз 3 сония такрор кунед\.$/);
    expect(i18n.t('incidents.found', { count: 100_000 })).toBe('100000 ҳодиса ёфт шуд');
    const suffixed = (table: object, prefix = ''): string[] =>
      Object.entries(table).flatMap(([key, value]) => (typeof value === 'object' ? suffixed(value as object, `${prefix}${key}.`) : /_(one|few|many|other)$/.test(key) ? [`${prefix}${key}`] : []));
    expect(suffixed(tg)).toEqual([]);
    await i18n.changeLanguage('en');
    expect(wait(1)).toMatch(/in 1 second\.$/);
    expect(wait(2)).toMatch(/in 2 seconds\.$/);
  });
});

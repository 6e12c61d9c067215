import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en.ts';
import { initialLanguage } from '../../../renderer/i18n/index.ts';
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
});

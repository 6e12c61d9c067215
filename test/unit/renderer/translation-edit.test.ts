import { describe, expect, it } from 'vitest';
import { derivedForms, storedForms, withForms } from '../../../renderer/features/correspondence/counterpart-forms.ts';
import { missingLanguages, withOriginalLanguage, withTranslation } from '../../../renderer/features/translations/translation-edit.ts';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';

describe('texts per language in the window', () => {
  it('a blank translation box removes the translation instead of storing an empty one', () => {
    const once = withTranslation(undefined, 'tg', 'title', 'Боздошт');
    expect(once).toEqual({ tg: { title: 'Боздошт' } });
    expect(withTranslation(once, 'tg', 'title', '  ')).toEqual({});
    expect(missingLanguages('ru', once, 'title')).toEqual(['en']);
  });

  it('making another language the original swaps with its translation, and relabels where there is none', () => {
    const place = { id: 'pl-1', name: 'КПП «Фотех»', kind: 'border-crossing' as const, country: 'KZ', originalLanguage: 'ru' as const, translations: { tg: { name: 'Гузаргоҳи «Фотех»' } } };
    expect(withOriginalLanguage(place, ['name'], 'tg')).toMatchObject({ name: 'Гузаргоҳи «Фотех»', originalLanguage: 'tg', translations: { ru: { name: 'КПП «Фотех»' } } });
    expect(withOriginalLanguage({ ...place, translations: undefined }, ['name'], 'en')).toMatchObject({ name: 'КПП «Фотех»', originalLanguage: 'en', translations: {} });
  });
});

describe("the counterpart card's forms", () => {
  const card: Counterpart = {
    id: 'cp-1',
    institution: 'Аппарат Уполномоченного по правам человека в Российской Федерации',
    position: 'Уполномоченный по правам человека в Российской Федерации',
    name: 'Т.Н. Москалькова',
    language: 'ru',
    originalLanguage: 'ru',
    address: '',
    country: 'RU',
    deliveryChannel: 'diplomatic',
    replyTerm: { days: 30, kind: 'calendar' },
    translations: { tg: { position: 'Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия', name: 'Т.Н. Москалкова' } },
  };

  it('derives per language from the texts in that language, and nothing where they are missing', () => {
    expect(derivedForms(card, 'ru')).toEqual({ addressee: 'Уполномоченному по правам человека в Российской Федерации\nМоскальковой Т.Н.', salutation: 'Уважаемая госпожа Москалькова!' });
    expect(derivedForms(card, 'tg')?.addressee).toMatch(/^Ба Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия\n/);
    expect(derivedForms(card, 'en')).toBeNull();
  });

  it('never derives a salutation without a gender', () => {
    expect(derivedForms({ ...card, name: 'К. Шмидт', translations: undefined }, 'ru')?.salutation).toBeNull();
    expect(derivedForms({ ...card, name: 'К. Шмидт', gender: 'male', translations: undefined }, 'ru')?.salutation).toBe('Уважаемый господин Шмидт!');
  });

  it('stores only the forms staff changed: the original in its own fields, the others in translations', () => {
    const saved = withForms(card, { ru: { salutation: 'Уважаемая госпожа Москалькова!' }, tg: { salutation: 'Муҳтарама Татяна Николаевна!' } });
    expect(saved.salutation).toBeUndefined(); // the same as derived: not stored, it follows the name
    expect(saved.translations?.tg).toEqual({ position: card.translations!.tg!.position, name: 'Т.Н. Москалкова', salutation: 'Муҳтарама Татяна Николаевна!' });
    expect(storedForms(saved)).toEqual({ tg: { salutation: 'Муҳтарама Татяна Николаевна!' } });
    expect(storedForms(withForms(saved, {}))).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { hyphenate, SOFT_HYPHEN } from '../../electron/documents/hyphenation.ts';
import { NBSP, NO_BREAK_HYPHEN, typeset, ZWSP } from '../../shared/document/typography.ts';

/** No-break spaces as «⍽», zero-width breaks as «‸», soft hyphens as «·», no-break hyphens as «‑», so expectations read. */
const show = (text: string) => text.replaceAll(NBSP, '⍽').replaceAll(ZWSP, '‸').replaceAll(SOFT_HYPHEN, '·').replaceAll(NO_BREAK_HYPHEN, '‑');
const ru = (text: string) => show(typeset(text, 'ru'));
const tg = (text: string) => show(typeset(text, 'tg'));
const en = (text: string) => show(typeset(text, 'en'));

describe('no-break spaces (shared/document/typography.ts), as every writer sets them', () => {
  it('binds «№», «ст.», «п.», «г.» to the number after them', () => {
    expect(ru('письмо № 15, ст. 9, п. 3, г. 2024')).toBe('письмо №⍽15, ст.⍽9, п.⍽3, г.⍽2024');
    expect(tg('мактуби № 15, м. 9')).toBe('мактуби №⍽15, м. 9');
    expect(en('letter No. 15, Art. 9')).toBe('letter No.⍽15, Art.⍽9');
    // Not before a word: «г. Душанбе» may break (the rule is for numbers).
    expect(ru('г. Душанбе')).toBe('г. Душанбе');
  });

  it('binds initials to the surname, before and after it, with or without a space between them', () => {
    expect(ru('Т.Н. Москалькова')).toBe('Т.Н.⍽Москалькова');
    expect(ru('Москальковой Т.Н.')).toBe('Москальковой⍽Т.Н.');
    expect(ru('Ивановой Т. Н.')).toBe('Ивановой⍽Т.⍽Н.');
    expect(ru('Т. Н. Иванова')).toBe('Т.⍽Н.⍽Иванова');
    expect(tg('хонум Т.Н. Москалкова')).toBe('хонум Т.Н.⍽Москалкова');
    expect(tg('Ҷ.Ҳ. Қодирӣ')).toBe('Ҷ.Ҳ.⍽Қодирӣ');
    expect(en('U. Sh. Salimzoda')).toBe('U.⍽Sh.⍽Salimzoda');
    expect(en('Ms T.N. Moskalkova')).toBe('Ms T.N.⍽Moskalkova');
  });

  it('never lets a line start with a dash', () => {
    expect(ru('15.03.2024 — задержание')).toBe('15.03.2024⍽— задержание');
    expect(tg('Душанбе — пойтахт')).toBe('Душанбе⍽— пойтахт');
    expect(en('Dushanbe — the capital')).toBe('Dushanbe⍽— the capital');
  });

  it("binds one-letter words to the word after them, per language (Tajik's are ё and у; English a and I)", () => {
    expect(ru('в течение и к Вам с уважением о том а я у вас')).toBe('в⍽течение и⍽к⍽Вам с⍽уважением о⍽том а⍽я⍽у⍽вас');
    expect(ru('В связи с этим')).toBe('В⍽связи с⍽этим');
    expect(tg('ё ба шумо у гуфт')).toBe('ё⍽ба шумо у⍽гуфт');
    // Russian «в» is not a Tajik word: a Tajik letter leaves it alone.
    expect(tg('в шумо')).toBe('в шумо');
    expect(en('I am a clerk')).toBe('I⍽am a⍽clerk');
  });

  it('binds numbers to their units and counted words, and dates together', () => {
    expect(ru('в течение 30 дней, 41 человек, 5 км')).toBe('в⍽течение 30⍽дней, 41⍽человек, 5⍽км');
    expect(ru('15 марта 2024 г.')).toBe('15⍽марта⍽2024⍽г.');
    expect(tg('дар давоми 30 рӯз, 15 марти 2024 с.')).toBe('дар давоми 30⍽рӯз, 15⍽марти⍽2024⍽с.');
    expect(en('within 30 days, 5 km, 15 March 2024')).toBe('within 30⍽days, 5⍽km, 15⍽March⍽2024');
    expect(ru('тел. +992 37 221-70-90')).toBe('тел. +992⍽37⍽221‑70‑90');
  });

  it('binds the hyphens of numbers and of the token after «№»: a number never breaks, a compound word may', () => {
    expect(ru('письмо от 15.01.2025 № 01-12/7')).toBe('письмо от 15.01.2025 №⍽01‑12/7');
    expect(ru('в 2024-2025 годах, 5-летний, COVID-19')).toBe('в⍽2024‑2025⍽годах, 5‑летний, COVID‑19');
    expect(ru('вх. № АБ-ВГ/7')).toBe('вх. № АБ‑ВГ/7');
    expect(en('letter No. 01-12/7')).toBe('letter No.⍽01‑12/7');
    expect(ru('трудящихся-мигрантов')).toBe('трудящихся-мигрантов');
    // Nothing changes inside a URL.
    expect(ru('https://x.tj/01-12')).toBe('https://x.tj/‸01-12');
  });

  it('in a table cell lets a date break between its month and year, never inside the day and month', () => {
    expect(show(typeset('3 March 2024', 'en', 'cell'))).toBe('3⍽March 2024');
    expect(show(typeset('3 March 2024', 'en'))).toBe('3⍽March⍽2024');
    expect(show(typeset('15 марта 2024 г.', 'ru', 'cell'))).toBe('15⍽марта 2024⍽г.');
  });

  it('lets a URL break only after its slashes, and touches nothing inside it', () => {
    expect(ru('видео https://example.org/v/1-a и т.д.')).toBe('видео https://example.org/‸v/‸1-a и⍽т.д.');
    expect(en('see www.ombudsman.tj/cases/2024 now')).toBe('see www.ombudsman.tj/‸cases/‸2024 now');
    expect(ru('почта a.b@mail.ru')).toBe('почта a.b@mail.ru');
    // A rule that would bind inside the address does not: «в 2024» in a path stays as it is.
    expect(ru('https://x.tj/в 2024')).toContain('https://x.tj/‸в');
  });

  it('changes only ordinary spaces: line breaks and tabs stay', () => {
    expect(ru('в\nтечение\tи')).toBe('в\nтечение\tи');
  });
});

describe('hyphenation (electron/documents/hyphenation.ts): TeX patterns from the hyphen package', () => {
  const hy = (text: string, language: 'ru' | 'tg' | 'en') => show(hyphenate(text, language));

  it('hyphenates Russian with the Russian patterns, two letters at least on each side', () => {
    expect(hy('Граждане Республики Таджикистан', 'ru')).toBe('Граж·дане Рес·пуб·ли·ки Та·джи·ки·стан');
    expect(hy('удерживались', 'ru')).toBe('удер·жи·ва·лись');
  });

  it('hyphenates English with the British patterns, three letters at least at the end', () => {
    expect(hy('following affecting citizens', 'en')).toBe('fol·low·ing af·fect·ing cit·izens');
  });

  it('hyphenates Tajik with the Russian patterns, reading ғ ӣ қ ӯ ҳ ҷ as Russian sounds, never splitting a consonant from its vowel', () => {
    expect(hy('муроҷиат менамоям', 'tg')).toBe('му·ро·ҷиат ме·на·моям');
    expect(hy('Ҷумҳурии', 'tg')).toBe('Ҷум·ҳурии');
    expect(hy('ҳуқуқҳои', 'tg')).toBe('ҳу·қуқ·ҳои');
    for (const word of hyphenate('шаҳрвандони Тоҷикистон андешидашуда ҳолатҳои', 'tg').split(' ')) {
      const parts = word.split(SOFT_HYPHEN);
      for (const part of parts) expect(part, word).toMatch(/[аеёиӣоуӯыэюя]/i);
    }
  });

  it('breaks no word shorter than six letters and leaves at least three letters at a Tajik or English end, two at a Russian one', () => {
    expect(hy('women chil', 'en')).toBe('women chil');
    expect(hy('намоед', 'tg')).toBe('на·моед'); // never «намо-ед»
    expect(hy('аст дорад', 'tg')).toBe('аст дорад');
    expect(hy('людьми', 'ru')).toBe('людь·ми');
  });

  it('never hyphenates the words of a number or a date', () => {
    expect(hy(typeset('2 February 2024, 12 people', 'en'), 'en')).toBe('2⍽February⍽2024, 12⍽people');
    expect(hy(typeset('2 February 2024', 'en', 'cell'), 'en')).toBe('2⍽February 2024');
    expect(hy(typeset('15 сентября 2024 г.', 'ru'), 'ru')).toBe('15⍽сентября⍽2024⍽г.');
  });

  it('leaves URLs, e-mail addresses, abbreviations in capitals and short words whole', () => {
    expect(hy('источник https://example.org/verylongpathname/документы КОНСТИТУЦИЯ дом', 'ru')).toBe('ис·точ·ник https://example.org/verylongpathname/документы КОНСТИТУЦИЯ дом');
    expect(hy('correspondence@ombudsman.tj', 'en')).toBe('correspondence@ombudsman.tj');
  });
});

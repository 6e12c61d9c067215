import { describe, expect, it } from 'vitest';
import { genderFromName, inferGender, initialsOf, latinInitial, parsePersonName } from '../../shared/domain/person-name.ts';

const parts = (text: string) => {
  const name = parsePersonName(text)!;
  return { last: name.last, first: name.first, middle: name.middle, initials: initialsOf(name) };
};

describe('person names in every usual order and spacing', () => {
  it('reads initials before or after the surname, with or without spaces', () => {
    for (const text of ['Т.Н. Москалькова', 'Т. Н. Москалькова', 'Т.Н.Москалькова', 'Москалькова Т. Н.', 'Москалькова Т.Н.', 'Т Н Москалькова']) {
      expect(parts(text), text).toEqual({ last: 'Москалькова', first: undefined, middle: undefined, initials: 'Т.Н.' });
    }
    expect(parts('Дж. Рахимов')).toMatchObject({ last: 'Рахимов', initials: 'Дж.' });
  });

  it('reads a full Russian name first-name first or surname first by the patronymic', () => {
    const full = { last: 'Москалькова', first: 'Татьяна', middle: 'Николаевна', initials: 'Т.Н.' };
    expect(parts('Татьяна Николаевна Москалькова')).toEqual(full);
    expect(parts('Москалькова Татьяна Николаевна')).toEqual(full);
    expect(parts('  Москалькова   Татьяна\u00A0Николаевна ')).toEqual(full);
    expect(parts('Шарипов Умед Абдуллоевич')).toEqual({ last: 'Шарипов', first: 'Умед', middle: 'Абдуллоевич', initials: 'У.А.' });
    expect(parts('Алиев Рустам Ахмад угли')).toEqual({ last: 'Алиев', first: 'Рустам', middle: 'Ахмад угли', initials: 'Р.А.' });
  });

  it('finds the surname of a two-word Tajik or Russian name by its ending, whichever comes first', () => {
    expect(parts('Рустам Эмомалӣ')).toMatchObject({ last: 'Эмомалӣ', first: 'Рустам' });
    expect(parts('Салимзода Умед')).toMatchObject({ last: 'Салимзода', first: 'Умед' });
    expect(parts('Умед Салимзода')).toMatchObject({ last: 'Салимзода', first: 'Умед' });
    expect(parts('Насруллопур Фаридун')).toMatchObject({ last: 'Насруллопур' });
    expect(parts('Зарина Каримова')).toMatchObject({ last: 'Каримова', first: 'Зарина' });
    expect(parts('Каримова Зарина')).toMatchObject({ last: 'Каримова', first: 'Зарина' });
    expect(parts('Шамсиддин Ҳакимов')).toMatchObject({ last: 'Ҳакимов', first: 'Шамсиддин' });
    expect(parts('Рахимов Джамшед')).toMatchObject({ last: 'Рахимов', first: 'Джамшед' });
    // Nothing tells: a Cyrillic name is read as a Russian registry writes it, surname first.
    expect(parts('Шариф Умед')).toMatchObject({ last: 'Шариф', first: 'Умед' });
  });

  it('reads Latin names first name first unless the ending says otherwise', () => {
    expect(parts('Tatiana Moskalkova')).toMatchObject({ last: 'Moskalkova', first: 'Tatiana', initials: 'T.' });
    expect(parts('Moskalkova Tatiana')).toMatchObject({ last: 'Moskalkova', first: 'Tatiana' });
    expect(parts('T. Moskalkova')).toMatchObject({ last: 'Moskalkova', initials: 'T.' });
    expect(parts('John Smith')).toMatchObject({ last: 'Smith', first: 'John' });
    expect(parts('Tatiana Nikolaevna Moskalkova')).toMatchObject({ last: 'Moskalkova', first: 'Tatiana', middle: 'Nikolaevna' });
  });

  it('keeps a single word as the surname and gives nothing for an empty text', () => {
    expect(parts('Иванов')).toEqual({ last: 'Иванов', first: undefined, middle: undefined, initials: '' });
    expect(parsePersonName('   ')).toBeNull();
  });
});

describe('gender from a name', () => {
  it('tells by the patronymic first', () => {
    expect(inferGender('Салимзода Умед Абдуллоевич')).toBe('male');
    expect(inferGender('Салимзода Мадина Рустамовна')).toBe('female');
    expect(inferGender('Алиева Дилноза Ахмад кизи')).toBe('female');
  });

  it('tells by the surname: -ова/-ева/-ина female, -ов/-ев/-ин male; Tajik -зода and -ӣ say nothing', () => {
    expect(inferGender('Т.Н. Москалькова')).toBe('female');
    expect(inferGender('Нурматова')).toBe('female');
    expect(inferGender('Иванов И.И.')).toBe('male');
    expect(inferGender('Токаев')).toBe('male');
    expect(inferGender('Moskalkova T.')).toBe('female');
    expect(inferGender('У.Ш. Салимзода')).toBeUndefined();
    expect(inferGender('Р. Эмомалӣ')).toBeUndefined();
    expect(inferGender('Шевчук А.')).toBeUndefined();
  });

  it('tells by the first name when the surname does not, Tajik women’s names included', () => {
    expect(inferGender('Салимзода Умед')).toBe('male');
    expect(inferGender('Мадина Салимзода')).toBe('female');
    expect(inferGender('Шаҳноз Раҳимӣ')).toBe('female');
    expect(genderFromName({ last: 'Эмомалӣ', first: 'Рустам', script: 'cyrillic' })).toBe('male');
  });
});

describe('Latin initials for an English letter', () => {
  it('transliterates a Cyrillic initial by the passport table, Tajik letters included', () => {
    expect(['Р', 'Ш', 'Ҷ', 'Қ', 'Ҳ', 'Ғ', 'Ӯ', 'Ю', 'Я', 'х'].map(latinInitial)).toEqual(['R', 'Sh', 'J', 'Q', 'H', 'Gh', 'U', 'Yu', 'Ya', 'Kh']);
  });
});

import { describe, expect, it } from 'vitest';
import { addresseeDefaults, inferGender, positionDative, surnameDative } from '../../shared/domain/addressee.ts';

describe('addressee forms', () => {
  it('puts Russian positions into the dative, head words only', () => {
    expect(positionDative('Уполномоченный по правам человека в Республике Казахстан')).toBe('Уполномоченному по правам человека в Республике Казахстан');
    expect(positionDative('Генеральный прокурор Республики Казахстан')).toBe('Генеральному прокурору Республики Казахстан');
    expect(positionDative('Министр внутренних дел Российской Федерации')).toBe('Министру внутренних дел Российской Федерации');
    expect(positionDative('Председатель Пограничной службы')).toBe('Председателю Пограничной службы');
    expect(positionDative('Чрезвычайный и Полномочный Посол')).toBe('Чрезвычайному и Полномочному Послу');
    expect(positionDative('Высший судебный совет')).toBe('Высшему судебному совету');
    expect(positionDative('Посол Российской Федерации')).toBe('Послу Российской Федерации');
    expect(positionDative('Глава миграционной службы')).toBe('Главе миграционной службы');
  });

  it('declines the name, infers the gender and writes the salutation', () => {
    expect(inferGender('Иванова Татьяна Николаевна')).toBe('female');
    expect(inferGender('Рахимов Джамшед')).toBe('male');
    expect(addresseeDefaults({ position: 'Уполномоченный по правам человека в Республике Казахстан', name: 'Иванова Татьяна Николаевна', language: 'ru' })).toEqual({
      addresseeDative: 'Уполномоченному по правам человека в Республике Казахстан\nИвановой Т.Н.',
      salutation: 'Уважаемая Татьяна Николаевна!',
      gender: 'female',
      needsGender: false,
    });
    expect(addresseeDefaults({ position: 'Генеральный прокурор', name: 'Петров Иван Сергеевич', language: 'ru' })).toMatchObject({ addresseeDative: 'Генеральному прокурору\nПетрову И.С.', salutation: 'Уважаемый Иван Сергеевич!' });
  });

  it('writes «Москальковой Т.Н.» whatever order and spacing the card has, and the full salutation only with the full name', () => {
    const position = 'Уполномоченный по правам человека в Российской Федерации';
    for (const name of ['Т.Н. Москалькова', 'Т. Н. Москалькова', 'Москалькова Т. Н.', 'Москалькова Т.Н.']) {
      expect(addresseeDefaults({ position, name, language: 'ru' }), name).toEqual({
        addresseeDative: 'Уполномоченному по правам человека в Российской Федерации\nМоскальковой Т.Н.',
        salutation: 'Уважаемая госпожа Москалькова!',
        gender: 'female',
        needsGender: false,
      });
    }
    for (const name of ['Татьяна Николаевна Москалькова', 'Москалькова Татьяна Николаевна']) {
      expect(addresseeDefaults({ position, name, language: 'ru' }), name).toMatchObject({ addresseeDative: 'Уполномоченному по правам человека в Российской Федерации\nМоскальковой Т.Н.', salutation: 'Уважаемая Татьяна Николаевна!' });
    }
    expect(addresseeDefaults({ position: 'Посол', name: 'Иванов И.И.', language: 'ru' })).toMatchObject({ addresseeDative: 'Послу\nИванову И.И.', salutation: 'Уважаемый господин Иванов!' });
  });

  it('declines Tajik surnames as Russian letters write them: -зода and -ӣ stay, -ов/-ова decline', () => {
    expect(surnameDative('Салимзода', 'male')).toBe('Салимзода');
    expect(surnameDative('Эмомалӣ', 'male')).toBe('Эмомалӣ');
    expect(surnameDative('Шарипов', 'male')).toBe('Шарипову');
    expect(surnameDative('Каримова', 'female')).toBe('Каримовой');
    expect(surnameDative('Шевчук', 'male')).toBe('Шевчуку');
    expect(surnameDative('Шевчук', 'female')).toBe('Шевчук');
    expect(surnameDative('Черных', 'male')).toBe('Черных');
    expect(addresseeDefaults({ position: 'Председатель', name: 'Салимзода Умед Абдуллоевич', language: 'ru' })).toMatchObject({ addresseeDative: 'Председателю\nСалимзода У.А.', salutation: 'Уважаемый Умед Абдуллоевич!' });
  });

  it('never writes «Уважаемый(-ая)»: with the gender unknown the salutation is left out and the card must ask', () => {
    for (const language of ['ru', 'tg', 'en'] as const) {
      const forms = addresseeDefaults({ position: 'Ombudsman', name: 'Шевчук А.', language });
      expect(forms.needsGender).toBe(true);
      expect(forms.salutation).toBeUndefined();
      expect(forms.gender).toBeUndefined();
      expect(JSON.stringify(forms)).not.toMatch(/\(-ая\)|Уважаем|Муҳтарам|Dear/);
    }
    // A consonant surname declines differently by gender: with the gender unknown it stays as written.
    expect(addresseeDefaults({ position: 'Посол', name: 'Шевчук А.', language: 'ru' }).addresseeDative).toBe('Послу\nШевчук А.');
    // The card's gender decides.
    expect(addresseeDefaults({ position: 'Посол', name: 'Шевчук А.', language: 'ru', gender: 'male' })).toMatchObject({ addresseeDative: 'Послу\nШевчуку А.', salutation: 'Уважаемый господин Шевчук!', needsGender: false });
    expect(addresseeDefaults({ position: 'Посол', name: 'Салимзода У.', language: 'ru', gender: 'female' })).toMatchObject({ salutation: 'Уважаемая госпожа Салимзода!' });
  });

  it('writes the Tajik addressee and salutation in Tajik forms', () => {
    const position = 'Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия';
    expect(addresseeDefaults({ position, name: 'Москалкова Татяна Николаевна', language: 'tg' })).toEqual({
      addresseeDative: 'Ба Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия\nхонум Т.Н. Москалкова',
      salutation: 'Муҳтарама Татяна Николаевна!',
      gender: 'female',
      needsGender: false,
    });
    expect(addresseeDefaults({ position, name: 'Т.Н. Москалкова', language: 'tg' })).toMatchObject({ salutation: 'Муҳтарама хонум Москалкова!' });
    expect(addresseeDefaults({ position: 'Ваколатдор оид ба ҳуқуқи инсон', name: 'Раҳимов Ҷамшед', language: 'tg' })).toMatchObject({
      addresseeDative: 'Ба Ваколатдор оид ба ҳуқуқи инсон\nҷаноби Ҷ. Раҳимов',
      salutation: 'Муҳтарам ҷаноби Раҳимов!',
    });
    expect(addresseeDefaults({ position, name: 'Шарипов Умед Абдуллоевич', language: 'tg' })).toMatchObject({ salutation: 'Муҳтарам Умед Абдуллоевич!' });
  });

  it('writes the English addressee from the Latin name: title, first name and surname; "Dear Ms …,"', () => {
    const position = 'High Commissioner for Human Rights in the Russian Federation';
    expect(addresseeDefaults({ position, name: 'Tatiana Moskalkova', language: 'en' })).toEqual({
      addresseeDative: 'High Commissioner for Human Rights in the Russian Federation\nMs Tatiana Moskalkova',
      salutation: 'Dear Ms Moskalkova,',
      gender: 'female',
      needsGender: false,
    });
    expect(addresseeDefaults({ position, name: 'Moskalkova T.N.', language: 'en' })).toMatchObject({ addresseeDative: `${position}\nMs T. Moskalkova` });
    expect(addresseeDefaults({ position: 'Ombudsman', name: 'Ivanova Tatiana', language: 'en', gender: 'female' })).toMatchObject({ salutation: 'Dear Ms Ivanova,' });
    expect(addresseeDefaults({ position: 'Ombudsman', name: 'Ivan Petrov', language: 'en' })).toMatchObject({ addresseeDative: 'Ombudsman\nMr Ivan Petrov', salutation: 'Dear Mr Petrov,' });
    expect(addresseeDefaults({ position: 'Ombudsman', name: 'John Smith', language: 'en' })).toEqual({ addresseeDative: 'Ombudsman\nJohn Smith', needsGender: true });
  });
});

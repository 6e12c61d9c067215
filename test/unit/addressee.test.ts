import { describe, expect, it } from 'vitest';
import { addresseeDefaults, inferGender, positionDative } from '../../shared/domain/addressee.ts';

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
      addresseeDative: 'Уполномоченному по правам человека в Республике Казахстан\nИвановой Т. Н.',
      salutation: 'Уважаемая Татьяна Николаевна!',
      gender: 'female',
    });
    expect(addresseeDefaults({ position: 'Генеральный прокурор', name: 'Петров Иван Сергеевич', language: 'ru' })).toMatchObject({ addresseeDative: 'Генеральному прокурору\nПетрову И. С.', salutation: 'Уважаемый Иван Сергеевич!' });
    expect(addresseeDefaults({ position: 'Ombudsman of the Republic of Kazakhstan', name: 'Ivanova Tatiana', language: 'en', gender: 'female' })).toMatchObject({ salutation: 'Dear Ms Ivanova,' });
    expect(addresseeDefaults({ position: 'Ваколатдор оид ба ҳуқуқи инсон', name: 'Раҳимов Ҷамшед', language: 'tg' })).toMatchObject({ addresseeDative: 'Ба Ваколатдор оид ба ҳуқуқи инсон\nРаҳимов Ҷамшед', salutation: 'Муҳтарам Ҷамшед!' });
  });
});

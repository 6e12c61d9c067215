import { describe, expect, it } from 'vitest';
import { evidentLanguage } from '../../shared/domain/evident-language.ts';

describe('the language a text evidently is in', () => {
  it('Tajik by the letters only Tajik has', () => {
    expect(evidentLanguage('Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех')).toBe('tg');
    expect(evidentLanguage('Задержание', 'Шаҳрвандони Тоҷикистон дар гузаргоҳ чор рӯз бе ғизо нигоҳ дошта шуданд.')).toBe('tg');
  });

  it('one Tajik name in a Russian sentence leaves it Russian; Russian-only letters outweigh a Tajik word', () => {
    expect(evidentLanguage('Граждане были задержаны в районе Ҳисор и удерживались без пищи четыре дня.')).toBeUndefined();
    expect(evidentLanguage('Задержание граждан на пункте пропуска «Фотех»')).toBeUndefined();
    expect(evidentLanguage('Съёмка в Ҳисоре, Қурғонтеппа: граждан избили, лишили пищи и воды')).toBeUndefined();
    expect(evidentLanguage('Граждан задержали в Ҳисоре и Қурғонтеппа, держали там долго без еды')).toBeUndefined();
  });

  it('English when Latin and no Cyrillic; nothing from no letters', () => {
    expect(evidentLanguage('Migrant workers held at the Fotekh crossing')).toBe('en');
    expect(evidentLanguage('Fotekh', 'Граждане')).toBeUndefined();
    expect(evidentLanguage('', '2024-03-11')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { nameKey } from '../../shared/domain/name-key.ts';

describe('name keys for duplicate suggestions', () => {
  it('meet across Tajik and Russian Cyrillic, Latin transliterations and word order', () => {
    const key = nameKey('Раҳимов Ҷамшед');
    for (const spelling of ['Рахимов Джамшед', 'Rakhimov Jamshed', 'Jamshed Rahimov', 'RAKHIMOV DZHAMSHED', 'Рахимов  Джамшед.']) expect(nameKey(spelling), spelling).toBe(key);
    expect(nameKey('Юсупова Ёқутой')).toBe(nameKey('Yusupova Yoqutoy'));
    expect(nameKey('Қодиров Шуҳрат')).toBe(nameKey('Kodirov Shukhrat'));
  });

  it('keeps different people apart', () => {
    expect(nameKey('Раҳимов Ҷамшед')).not.toBe(nameKey('Раҳимов Ҷамол'));
    expect(nameKey('Karimov Jamshed')).not.toBe(nameKey('Rakhimov Jamshed'));
    expect(nameKey('— —')).toBe('');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { interchangeJsonSchema } from '../../shared/domain/interchange.ts';

const read = (relative: string) => JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));

describe('published interchange JSON Schema', () => {
  it('is what the zod schemas generate, for format 1 and format 2 (run `npm run schema` after changing them)', () => {
    expect(read('../../shared/interchange/ombuds-dossier-1.schema.json')).toEqual(JSON.parse(JSON.stringify(interchangeJsonSchema(1))));
    expect(read('../../shared/interchange/ombuds-dossier-2.schema.json')).toEqual(JSON.parse(JSON.stringify(interchangeJsonSchema(2))));
  });

  it('format 2 accepts translations and a person gender where format 1 refuses them; a translation is only of the listed fields', () => {
    const compile = (version: 1 | 2) => new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(read(`../../shared/interchange/ombuds-dossier-${version}.schema.json`));
    const [one, two] = [compile(1), compile(2)];
    const sample = read('../fixtures/border-detention-format-1.json');
    const translated = {
      ...sample,
      format: 'ombuds-dossier/2',
      places: [{ ...sample.places[0], originalLanguage: 'ru', translations: { tg: { name: 'Гузаргоҳи «Фотех»' } } }],
      persons: [{ ...sample.persons[1], gender: 'male' }],
      incidents: [{ ...sample.incidents[0], originalLanguage: 'tg', translations: { ru: { title: 'Задержание на КПП «Фотех»' } }, sources: [{ ...sample.incidents[0].sources[0], translations: { en: { reference: 'A video' } } }] }],
    };
    expect(two(translated), JSON.stringify(two.errors)).toBe(true);
    expect(one({ ...translated, format: 'ombuds-dossier/1' })).toBe(false);
    expect(two({ ...translated, places: [{ ...translated.places[0], translations: { tg: { kind: 'city' } } }] })).toBe(false);
    expect(two({ ...translated, places: [{ ...translated.places[0], translations: { fr: { name: 'Fotekh' } } }] })).toBe(false);
  });

  it('accepts the sample file and rejects unknown fields, bad codes in shape, and letters', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(read('../../shared/interchange/ombuds-dossier-1.schema.json'));
    const sample = read('../fixtures/border-detention-format-1.json');
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sample, extra: 1 })).toBe(false);
    expect(validate({ ...sample, letters: [{ id: 'l1' }] })).toBe(false);
    expect(validate({ ...sample, places: [{ id: 'p', name: 'X', country: 'tj' }] })).toBe(false);
  });
});

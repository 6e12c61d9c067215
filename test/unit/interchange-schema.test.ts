import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { interchangeJsonSchema } from '../../shared/domain/interchange.ts';

const read = (relative: string) => JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8'));

describe('published interchange JSON Schema', () => {
  it('is what the zod schemas generate (run `npm run schema` after changing them)', () => {
    expect(read('../../shared/interchange/ombuds-dossier-1.schema.json')).toEqual(JSON.parse(JSON.stringify(interchangeJsonSchema())));
  });

  it('accepts the sample file and rejects unknown fields, bad codes in shape, and letters', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(read('../../shared/interchange/ombuds-dossier-1.schema.json'));
    const sample = read('../fixtures/border-detention.json');
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...sample, extra: 1 })).toBe(false);
    expect(validate({ ...sample, letters: [{ id: 'l1' }] })).toBe(false);
    expect(validate({ ...sample, places: [{ id: 'p', name: 'X', country: 'tj' }] })).toBe(false);
  });
});

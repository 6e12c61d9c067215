import { describe, expect, it } from 'vitest';
import { officeSchema } from '../../shared/domain/office.ts';

const office = { name: { tg: 'Т', ru: 'Р', en: 'E' }, address: { tg: '', ru: '', en: '' }, emblem: null, signatories: [] };

describe('the office executor per language', () => {
  it('reads settings saved before names were per language: the one name is the Russian one', () => {
    expect(officeSchema.parse({ ...office, executor: { name: 'Д. Каримова', phone: '+992 37 221-70-90' } }).executor).toEqual({ name: { tg: '', ru: 'Д. Каримова', en: '' }, phone: '+992 37 221-70-90' });
  });

  it('keeps a name per language, and refuses another shape with its path', () => {
    const executor = { name: { tg: 'Д. Каримова', ru: 'Д. Каримова', en: 'D. Karimova' }, phone: '' };
    expect(officeSchema.parse({ ...office, executor }).executor).toEqual(executor);
    const wrong = officeSchema.safeParse({ ...office, executor: { name: { ru: 'x', fr: 'y' }, phone: '' } });
    expect(wrong.error?.issues.map((issue) => issue.path.join('.'))).toContain('executor.name');
  });
});

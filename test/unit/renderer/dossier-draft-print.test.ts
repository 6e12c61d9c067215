import { describe, expect, it } from 'vitest';
import { docSchema, type Doc } from '../../../shared/document/model.ts';
import { draftForPrint } from '../../../renderer/features/dossiers/draft-print.ts';

const doc = (classification: string | null, language: Doc['meta']['language'] = 'ru'): Doc => ({
  meta: { language, title: 'Досье', number: null, date: null, classification, furniture: { kind: 'dossier', cover: true } },
  blocks: [
    { kind: 'heading', level: 1, text: 'Сводные данные' },
    { kind: 'chart', chart: 'bar', title: 'Случаи', xTitle: 'Вид', yTitle: 'Число', x: ['А'], series: [{ name: 'Случаи', values: [1] }], svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  ],
});

describe('an unissued build printed as a draft', () => {
  it('every page’s mark says it is a draft, in the dossier’s language, after the classification', () => {
    expect(draftForPrint(doc('Для служебного пользования'), '2026-11-29').meta.classification).toBe('Для служебного пользования · Проект по состоянию на 29.11.2026');
    expect(draftForPrint(doc(null), '2026-11-29').meta.classification).toBe('Проект по состоянию на 29.11.2026');
    expect(draftForPrint(doc(null, 'tg'), '2026-11-29').meta.classification).toBe('Лоиҳа бо ҳолати 29.11.2026');
  });

  it('a classification too long to carry the mark is shortened, the draft mark kept whole; the result is a valid Doc without the preview’s pictures', () => {
    const printed = draftForPrint(doc('Г'.repeat(200)), '2026-11-29');
    const mark = printed.meta.classification!;
    expect(mark.length).toBeLessThanOrEqual(200);
    expect(mark).toMatch(/^Г+… · Проект по состоянию на 29\.11\.2026$/);
    expect(docSchema.parse(printed)).toEqual(printed);
    expect(printed.blocks[1]).not.toHaveProperty('svg');
    expect(printed.blocks[0]).toEqual(doc(null).blocks[0]);
  });
});

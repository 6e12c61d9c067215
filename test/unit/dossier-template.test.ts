import { describe, expect, it } from 'vitest';
import { docSchema, runsText, type Block, type Doc } from '../../shared/document/model.ts';
import type { DossierSection } from '../../shared/domain/dossier.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { buildDossier } from '../../shared/templates/dossier/dossier.ts';
import { dossierCharts, dossierFigures } from '../../shared/templates/dossier/figures.ts';
import { dossierPhrases } from '../../shared/templates/dossier/phrases.ts';
import { fileType } from '../../shared/templates/dossier/sheets.ts';
import { counterpartWith, dossierIncident, dossierInput } from '../support/dossier-inputs.ts';

const languages: Language[] = ['ru', 'tg', 'en'];

const blockText = (block: Block): string[] => {
  switch (block.kind) {
    case 'paragraph':
      return [runsText(block.runs)];
    case 'list':
      return block.items.map(runsText);
    case 'heading':
      return [block.text];
    case 'table':
      return [...block.header, ...block.rows.flat()];
    case 'figure':
      return block.caption;
    case 'chart':
      return [block.title, ...block.x];
    default:
      return [];
  }
};
const text = (doc: Doc) => doc.blocks.flatMap(blockText).join('\n');
const headings = (doc: Doc, level: 1 | 2) => doc.blocks.flatMap((block) => (block.kind === 'heading' && block.level === level ? [block.text] : []));
/** The level-1 headings a list of sections gives, in the language's words (the cover and contents have none). */
const titlesOf = (language: Language, sections: DossierSection[]) => sections.flatMap((section) => (section === 'cover' || section === 'contents' ? [] : [dossierPhrases[language].sections[section]]));

describe('buildDossier', () => {
  for (const language of languages) {
    describe(language, () => {
      const p = dossierPhrases[language];

      it('every section in the default order, each from a new page under its level-1 heading, and a valid Doc', () => {
        const input = dossierInput(language);
        const doc = buildDossier(input);
        expect(() => docSchema.parse(doc)).not.toThrow();
        expect(headings(doc, 1)).toEqual(titlesOf(language, input.sections));
        expect(doc.blocks.filter((block) => block.kind === 'contents')).toEqual([{ kind: 'contents', title: p.sections.contents }]);
        // Each level-1 heading starts a page: the block before it is a page break.
        doc.blocks.forEach((block, index) => {
          if (block.kind === 'heading' && block.level === 1) expect(doc.blocks[index - 1]?.kind).toBe('pageBreak');
        });
        expect(doc.meta).toMatchObject({ language, classification: 'Для служебного пользования', furniture: { kind: 'dossier', cover: true }, date: '2026-11-29' });
        const cover = doc.blocks.slice(0, doc.blocks.findIndex((block) => block.kind === 'pageBreak'));
        expect(cover[0]?.kind).toBe('letterhead');
        expect(cover.flatMap(blockText)).toEqual(expect.arrayContaining([input.title, p.cover.edition(1, '2026-11-29'), p.cover.date('2026-12-10')]));
      });

      it('is pure: the same input gives the same Doc', () => {
        expect(JSON.stringify(buildDossier(dossierInput(language)))).toBe(JSON.stringify(buildDossier(dossierInput(language))));
      });

      it('sections left out are absent and the order given is kept', () => {
        const sections: DossierSection[] = ['incidents', 'ledger', 'summary'];
        const doc = buildDossier(dossierInput(language, { sections }));
        expect(headings(doc, 1)).toEqual(titlesOf(language, sections));
        expect(doc.blocks.some((block) => block.kind === 'contents' || block.kind === 'letterhead' || block.kind === 'figure')).toBe(false);
        expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: p.sections.incidents });
        // No cover: every page is numbered.
        expect(doc.meta.furniture).toEqual({ kind: 'dossier', cover: false });
        expect(buildDossier(dossierInput(language, { sections: ['letters'] })).blocks.filter((block) => block.kind === 'letterhead')).toHaveLength(1);
      });

      it('withheld identities are masked exactly as letters mask them, never named', () => {
        const doc = buildDossier(dossierInput(language));
        expect(JSON.stringify(doc.blocks.filter((block) => block.kind !== 'letterhead' && block.kind !== 'signature'))).not.toContain('Рахимов');
        const masked = { ru: 'гражданин Р.', tg: 'шаҳрванд Р.', en: 'citizen R.' }[language];
        expect(text(doc)).toContain(masked);
      });

      it("the ledger reads a counterpart's 11 letters sent and 1 answered, the oldest unanswered and the median", () => {
        const doc = buildDossier(dossierInput(language, { sections: ['ledger'] }));
        const expected = {
          ru: 'С марта 2024 г. направлено 11 писем, ответ получен на 1.',
          tg: 'Аз моҳи марти соли 2024 ҳамагӣ 11 мактуб фиристода шудааст, ба 1 мактуб ҷавоб гирифта шудааст.',
          en: '11 letters sent since March 2024, 1 answered.',
        }[language];
        expect(text(doc)).toContain(expected);
        expect(text(doc)).toContain(p.ledger.unanswered(10, 10));
        expect(text(doc)).toContain(p.ledger.median(10));
        const counterpart = counterpartWith(11, 1);
        expect(text(doc)).toContain(p.ledger.oldest('01-12/2', '2024-04-15', counterpart.ledger.oldestUnanswered!.daysWaiting));
        const table = doc.blocks.find((block) => block.kind === 'table');
        expect(table?.kind === 'table' && table.rows.length).toBe(12);
        expect(headings(doc, 2)).toEqual([counterpart.institution]);
      });

      it('the summary: figures, the notes written as sub-headings, and charts carrying the data', () => {
        const input = dossierInput(language, { sections: ['summary'] });
        const doc = buildDossier(input);
        expect(headings(doc, 2)).toEqual([p.notes.foreword, p.figures.title, p.notes.talkingPoints]);
        const figures = doc.blocks.find((block) => block.kind === 'table');
        // Three groups of 40 tagged women and children, and Рахимов: the individual counted exactly, the groups apart.
        expect(figures?.kind === 'table' && figures.rows).toEqual([
          [p.figures.labels.incidents, '3'],
          [p.figures.labels.people, '121'],
          [p.figures.labels.individuals, '1'],
          [p.figures.labels.women, '0'],
          [p.figures.labels.children, '0'],
          [p.figures.labels.minors, '1'],
          [p.figures.labels.elderly, '0'],
          [p.figures.labels.inGroups, p.figures.groupCount(120, 3)],
          [p.figures.groupsWith.women, p.figures.groupCount(120, 3)],
          [p.figures.groupsWith.children, p.figures.groupCount(120, 3)],
          [p.figures.labels.daysHeld, '5'],
          [p.figures.labels.places, '1'],
          [p.figures.labels.sent, '11'],
          [p.figures.labels.answered, '1'],
          [p.figures.labels.unanswered, '10'],
          [p.figures.labels.overdue, '10'],
        ]);
        const charts = doc.blocks.filter((block) => block.kind === 'chart');
        expect(charts.map((chart) => chart.kind === 'chart' && chart.title)).toEqual([p.charts.byViolation, p.charts.byMonth, p.charts.letters(input.counterparts[0]!.institution)]);
      });

      it('one sheet per incident, each from a new page, with sources, status, letters and evidence', () => {
        const doc = buildDossier(dossierInput(language, { sections: ['incidents'] }));
        expect(headings(doc, 2)).toHaveLength(3);
        expect(doc.blocks.filter((block) => block.kind === 'pageBreak')).toHaveLength(2);
        const all = text(doc);
        expect(all).toContain(p.sheet.reliability.probable);
        expect(all).toContain(p.sheet.status.raised);
        expect(all).toContain(p.sheet.letter('outgoing', '01-12/1', '2024-03-20'));
        expect(all).toContain(p.sheet.damaged);
        expect(all).toContain('0303030303030303');
      });

      it('the evidence annex: pictures as figures with their SHA-256, other files listed, a damaged one marked', () => {
        const doc = buildDossier(dossierInput(language, { sections: ['evidence'] }));
        const figures = doc.blocks.filter((block) => block.kind === 'figure');
        expect(figures).toHaveLength(2);
        expect(figures[0]?.kind === 'figure' && figures[0].caption).toContain(p.evidence.sha('01'.repeat(32)));
        const all = text(doc);
        expect(all).toContain('statement.pdf');
        expect(all).toContain(`photo-3.png: ${p.evidence.damaged}`);
      });

      it('an image listed without its picture says why', () => {
        const [first] = dossierInput(language).incidents;
        const unshown = (['too-large', 'unreadable', 'mislabeled'] as const).map((reason, i) => ({ ...first!.evidence[0]!, id: `u-${i}`, fileName: `u-${i}.png`, thumbnail: null, unshown: reason }));
        const doc = buildDossier(dossierInput(language, { sections: ['evidence'], incidents: [{ ...first!, evidence: unshown }] }));
        const table = doc.blocks.find((block) => block.kind === 'table');
        expect(table?.kind === 'table' && table.rows.map((row) => row.at(-1))).toEqual([p.sheet.unshown['too-large'], p.sheet.unshown.unreadable, p.sheet.unshown.mislabeled]);
        expect(doc.blocks.some((block) => block.kind === 'figure')).toBe(false);
      });
    });
  }

  it('the letters annex appends each frozen letter from a new page', () => {
    const input = dossierInput('ru', { sections: ['letters'] });
    const second = { ...input.letters[0]!, id: 'l-2', number: '01-12/2' };
    const doc = buildDossier({ ...input, letters: [...input.letters, second] });
    expect(doc.blocks.filter((block) => block.kind === 'letterhead')).toHaveLength(2);
    const breakAt = doc.blocks.findIndex((block) => block.kind === 'pageBreak');
    expect(doc.blocks[breakAt + 1]).toEqual({ kind: 'heading', level: 2, text: 'Наше письмо от 20.03.2024 № 01-12/2' });
    expect(doc.blocks.slice(2, 2 + input.letters[0]!.doc.blocks.length)).toEqual(input.letters[0]!.doc.blocks);
  });
});

describe('dossier figures and charts', () => {
  it('count people once across incidents, and the charts add up to the incidents', () => {
    const incidents = [
      dossierIncident(1, { startDate: '2024-01-05', violations: ['А', 'Б'] }),
      dossierIncident(2, { startDate: '2024-03-05', violations: ['А'] }),
      dossierIncident(3, { startDate: '2024-03-20', violations: ['В', 'А'], place: { name: 'Аэропорт', country: 'RU' } }),
    ];
    const figures = dossierFigures(incidents, [counterpartWith(11, 1)]);
    // Three groups of 40 tagged women and children and the same Рахимов in each: 121 people, one individual, a minor;
    // the groups include women and children — how many of them is not known, so none is counted as a woman or a child.
    expect(figures).toMatchObject({ incidents: 3, people: 121, individuals: 1, women: 0, children: 0, minors: 1, elderly: 0, places: 2, sent: 11, answered: 1, unanswered: 10 });
    expect(figures.inGroups).toEqual({ people: 120, groups: 3 });
    expect(figures.groupsWith).toEqual({ women: { people: 120, groups: 3 }, children: { people: 120, groups: 3 }, elderly: { people: 0, groups: 0 } });
    const [byType, byMonth, letters] = dossierCharts('ru', incidents, [counterpartWith(11, 1)]);
    expect(byType).toMatchObject({ x: ['А', 'Б', 'В'], series: [{ values: [3, 1, 1] }] });
    expect(byMonth).toMatchObject({ x: ['01.2024', '02.2024', '03.2024'], series: [{ values: [1, 0, 2] }] });
    expect(byMonth!.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(incidents.length);
    expect(letters!.series.map((series) => series.values.reduce((a, b) => a + b, 0))).toEqual([11, 1]);
  });
});

describe('people by characteristic', () => {
  const person = (id: string, kind: 'individual' | 'group', count: number, codes: string[], minor = false) => ({ id, kind, count, codes, minor });

  it('a group of 40 tagged women and children is 40 people in a group including each, never 40 women and 40 children', () => {
    const incidents = [
      dossierIncident(1, { people: [person('group', 'group', 40, ['women', 'children']), person('mother', 'individual', 1, ['women'])] }),
      dossierIncident(2, { people: [person('mother', 'individual', 1, ['women']), person('boy', 'individual', 1, ['children'], true), person('elders', 'group', 6, ['elderly'])] }),
    ];
    const figures = dossierFigures(incidents, []);
    expect(figures).toMatchObject({ people: 48, individuals: 2, women: 1, children: 1, minors: 1, elderly: 0 });
    expect(figures.inGroups).toEqual({ people: 46, groups: 2 });
    expect(figures.groupsWith).toEqual({ women: { people: 40, groups: 1 }, children: { people: 40, groups: 1 }, elderly: { people: 6, groups: 1 } });

    const table = buildDossier(dossierInput('ru', { sections: ['summary'], incidents, counterparts: [] })).blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['Случаи нарушений', '2'],
      ['Пострадавшие, всего', '48'],
      ['в том числе отдельные лица', '2'],
      ['из них женщины', '1'],
      ['из них дети', '1'],
      ['из них несовершеннолетние (по дате рождения)', '1'],
      ['из них пожилые', '0'],
      ['в том числе в составе групп', '46 человек в 2 группах'],
      ['в группах, где есть женщины', '40 человек в 1 группе'],
      ['в группах, где есть дети', '40 человек в 1 группе'],
      ['в группах, где есть пожилые', '6 человек в 1 группе'],
      ['Дней удержания, всего', expect.any(String)],
      ['Места, где произошли случаи', '1'],
    ]);
  });

  it('without groups the individuals are the people affected: no rows about groups', () => {
    const incidents = [dossierIncident(1, { people: [person('a', 'individual', 1, ['women']), person('b', 'individual', 1, ['elderly'])] })];
    const table = buildDossier(dossierInput('en', { sections: ['summary'], incidents, counterparts: [] })).blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map(([label]) => label)).toEqual([
      'Incidents',
      'People affected, total',
      'of these, women',
      'of these, children',
      'of these, minors (by date of birth)',
      'of these, elderly people',
      'Days held, total',
      'Places where incidents occurred',
    ]);
  });

  it('says a groups\' count in each language with its grammar', () => {
    const ru = dossierPhrases.ru.figures.groupCount;
    expect([ru(40, 1), ru(2, 2), ru(5, 5), ru(11, 11), ru(21, 21), ru(1, 1)]).toEqual(['40 человек в 1 группе', '2 человека в 2 группах', '5 человек в 5 группах', '11 человек в 11 группах', '21 человек в 21 группе', '1 человек в 1 группе']);
    expect(dossierPhrases.tg.figures.groupCount(40, 3)).toBe('40 нафар дар 3 гурӯҳ');
    expect([dossierPhrases.en.figures.groupCount(40, 1), dossierPhrases.en.figures.groupCount(1, 2)]).toEqual(['40 people in 1 group', '1 person in 2 groups']);
  });
});

describe('evidence file types', () => {
  it('names a file by its type as a clerk does, from the extension when the bytes told nothing', () => {
    expect(fileType({ mediaType: 'image/png', fileName: 'a.png' })).toBe('PNG');
    expect(fileType({ mediaType: 'application/pdf', fileName: 'a' })).toBe('PDF');
    expect(fileType({ mediaType: 'application/octet-stream', fileName: 'запись.mp4' })).toBe('MP4');
    expect(fileType({ mediaType: 'application/octet-stream', fileName: 'noname' })).toBe('—');
    expect(fileType({ mediaType: 'text/plain', fileName: 'statement.txt' })).toBe('TXT');
  });
});

describe('dossier limits', () => {
  it('stays a valid Doc with long texts, many types and a long history', () => {
    const long = 'Очень длинный текст со смайликом 🙂 и ‮RTL‬ '.repeat(1500);
    const violations = Array.from({ length: 30 }, (_, i) => `Нарушение ${i} ${'x'.repeat(150)}`);
    const incidents = Array.from({ length: 8 }, (_, n) =>
      dossierIncident(n, {
        title: long.slice(0, 500),
        description: `${long}\n\n${long}`,
        violations,
        startDate: `${2000 + n * 3}-01-01`,
        evidence: [{ ...dossierIncident(n).evidence[0]!, fileName: long.slice(0, 1200) }],
        letters: Array.from({ length: 400 }, (_, i) => ({ id: `l-${i}`, direction: 'outgoing' as const, number: `01-12/${i}`, date: '2024-01-01', counterpartId: 'cp-kz' })),
      }),
    );
    const input = dossierInput('ru', { incidents, notes: { foreword: long, talkingPoints: long, requests: long } });
    const doc = buildDossier(input);
    expect(() => docSchema.parse(doc)).not.toThrow();
    const byMonth = doc.blocks.find((block) => block.kind === 'chart' && block.chart === 'line');
    expect(byMonth?.kind === 'chart' && byMonth.x.at(-1)).toBe('01.2021');
  });
});

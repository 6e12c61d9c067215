import type { Block, Doc } from '../../document/model.ts';
import type { DossierSection } from '../../domain/dossier.ts';
import { assertNever } from '../../assert-never.ts';
import { cell, heading, paragraph, paragraphs } from './blocks.ts';
import { groupCharacteristics, type DossierChart, type DossierCounterpart, type DossierFigures, type DossierInput } from './input.ts';
import { dossierPhrases, type DossierPhrases } from './phrases.ts';
import { evidenceAnnex, incidentSheet } from './sheets.ts';

/**
 * The meeting dossier (issue 13) as a Doc: the composition's sections in its order — cover, contents, summary,
 * ledger per counterpart, one sheet per incident, the evidence annex, the letters annex — each starting on a new
 * page under a level-1 heading (the contents and the PDF's tags find them), every phrase from the language's table.
 * Pure: the same input gives the same Doc.
 */
export function buildDossier(input: DossierInput): Doc {
  const p = dossierPhrases[input.language];
  const blocks: Block[] = [];
  for (const section of input.sections) {
    if (blocks.length && blocks.at(-1)!.kind !== 'pageBreak') blocks.push({ kind: 'pageBreak' });
    blocks.push(...sectionBlocks(section, input, p));
  }
  return {
    meta: {
      language: input.language,
      title: input.title,
      number: null,
      date: input.edition?.date ?? null,
      classification: input.classification || null,
      // Page furniture: the mark on every page, «page N of M» on every page but a cover that opens the dossier.
      furniture: { kind: 'dossier', cover: input.sections[0] === 'cover' },
    },
    blocks,
  };
}

function sectionBlocks(section: DossierSection, input: DossierInput, p: DossierPhrases): Block[] {
  switch (section) {
    case 'cover':
      return cover(input, p);
    case 'contents':
      return [{ kind: 'contents', title: p.sections.contents }];
    case 'summary':
      return [heading(1, p.sections.summary), ...summary(input, p)];
    case 'ledger':
      return [
        heading(1, p.sections.ledger),
        // The day the states and days waiting are counted on, so a reader knows how fresh they are.
        paragraph('note', p.ledger.asOf(input.asOf)),
        ...(input.counterparts.length ? input.counterparts.flatMap((counterpart) => ledger(counterpart, p)) : [paragraph('body', p.ledger.none)]),
      ];
    case 'incidents':
      return [
        heading(1, p.sections.incidents),
        // One sheet per incident, each from a new page.
        ...input.incidents.flatMap((incident, index) => [...(index ? [{ kind: 'pageBreak' } satisfies Block] : []), ...incidentSheet(incident, index, p, input.language)]),
      ];
    case 'evidence':
      return [heading(1, p.sections.evidence), ...evidenceAnnex(input.incidents, p)];
    case 'letters':
      return [heading(1, p.sections.letters), ...lettersAnnex(input, p)];
    default:
      return assertNever(section, 'dossier section');
  }
}

/** Letterhead, the title, with whom, where and when, and the edition (or that this is a draft). */
function cover(input: DossierInput, p: DossierPhrases): Block[] {
  const { office, meeting } = input;
  return [
    { kind: 'letterhead', emblem: office.emblem && { ...office.emblem, widthMm: 18 }, lines: [office.name, ...office.addressLines].filter(Boolean).slice(0, 8) },
    paragraph('cover-title', input.title),
    ...(meeting.with ? [paragraph('cover', p.cover.meeting(meeting.with))] : []),
    ...(meeting.place ? [paragraph('cover', p.cover.place(meeting.place))] : []),
    ...(meeting.date ? [paragraph('cover', p.cover.date(meeting.date))] : []),
    paragraph('cover', input.edition ? p.cover.edition(input.edition.number, input.edition.date) : p.cover.draft(input.asOf)),
  ];
}

/** The foreword, the figures, the charts, then the talking points and requests — the notes only when written. */
function summary(input: DossierInput, p: DossierPhrases): Block[] {
  const note = (title: string, text: string) => (text.trim() ? [heading(2, title), ...paragraphs(text)] : []);
  return [
    ...note(p.notes.foreword, input.notes.foreword),
    heading(2, p.figures.title),
    figuresTable(input.figures, input.counterparts.length > 0, p),
    ...input.charts.filter((chart) => chart.x.length > 0).map(chartBlock),
    ...note(p.notes.talkingPoints, input.notes.talkingPoints),
    ...note(p.notes.requests, input.notes.requests),
  ];
}

const individualFigures = ['women', 'children', 'minors', 'elderly'] as const;
const letterFigures = ['sent', 'answered', 'unanswered', 'overdue'] as const;

/**
 * The figures as rows. People affected, then — when some were recorded as groups — the individuals apart, so their
 * characteristics are counted exactly, and the groups as «в группах, где есть женщины: 40 человек в 1 группе»
 * (a group's characteristics say what it includes, not how many), a row for each characteristic some group carries.
 */
function figuresTable(figures: DossierFigures, withLetters: boolean, p: DossierPhrases): Block {
  const { labels } = p.figures;
  const number = (key: Exclude<keyof DossierFigures, 'inGroups' | 'groupsWith'>) => [labels[key], String(figures[key])];
  const groups = figures.inGroups.groups > 0;
  const rows = [
    number('incidents'),
    number('people'),
    ...(groups ? [number('individuals')] : []),
    ...individualFigures.map(number),
    ...(groups ? [[labels.inGroups, p.figures.groupCount(figures.inGroups.people, figures.inGroups.groups)]] : []),
    ...groupCharacteristics.filter((code) => figures.groupsWith[code].groups > 0).map((code) => [p.figures.groupsWith[code], p.figures.groupCount(figures.groupsWith[code].people, figures.groupsWith[code].groups)]),
    number('daysHeld'),
    number('places'),
    ...(withLetters ? letterFigures.map(number) : []),
  ];
  return { kind: 'table', header: [...p.figures.header], widths: [120, 60], rows };
}

/**
 * A chart block carries the data; one renderer draws it for every writer. At most 200 points on its axis: the 200
 * largest bars (they come most first), the last 200 months of a timeline.
 */
function chartBlock(chart: DossierChart): Block {
  const keep = <T>(values: readonly T[]) => (chart.chart === 'bar' ? values.slice(0, 200) : values.slice(-200));
  return {
    kind: 'chart',
    chart: chart.chart,
    title: chart.title.slice(0, 300),
    x: keep(chart.x).map((value) => value.slice(0, 100)),
    series: chart.series.slice(0, 20).map((series) => ({ name: series.name.slice(0, 200), values: keep(series.values) })),
    xTitle: chart.xTitle,
    yTitle: chart.yTitle,
  };
}

/**
 * A counterpart's ledger: «11 letters sent since March 2024, 1 answered», how many wait and are overdue, the oldest
 * unanswered, the median time to answer, then every letter in and out with its state, days waiting and replies.
 */
function ledger(counterpart: DossierCounterpart, p: DossierPhrases): Block[] {
  const { ledger: figures, entries } = counterpart;
  const firstSent = entries.find((entry) => entry.direction === 'outgoing' && entry.state !== 'annulled');
  const oldest = figures.oldestUnanswered;
  return [
    heading(2, counterpart.institution),
    paragraph('body', p.ledger.sentAnswered(figures.sent, figures.answered, firstSent?.date ?? null)),
    ...(figures.sent ? [paragraph('body', p.ledger.unanswered(figures.unanswered, figures.overdue))] : []),
    ...(oldest ? [paragraph('body', p.ledger.oldest(oldest.number, oldest.date, oldest.daysWaiting))] : []),
    ...(figures.sent ? [paragraph('body', p.ledger.median(figures.medianDaysToReply))] : []),
    ...(entries.length
      ? [
          {
            kind: 'table',
            header: [...p.ledger.header],
            widths: [25, 24, 49, 30, 20, 32],
            rows: entries.slice(0, 5000).map((entry) => [
              // «исх. 01-12/100», «вх. 4/7-2291»: the register's way of telling ours from theirs.
              `${p.ledger.direction[entry.direction]}\n${entry.number}`,
              p.shortDate(entry.date),
              cell(entry.subject),
              p.ledger.state[entry.state],
              entry.daysWaiting === null ? '' : String(entry.daysWaiting),
              entry.links.map((link) => p.ledger.link(link.number, link.date)).join('\n'),
            ]),
          } satisfies Block,
        ]
      : [paragraph('body', p.ledger.none)]),
  ];
}

/** The registered letters as frozen, each from a new page under its own level-2 heading. */
function lettersAnnex(input: DossierInput, p: DossierPhrases): Block[] {
  if (!input.letters.length) return [paragraph('body', p.lettersNone)];
  return input.letters.flatMap((letter, index) => [
    ...(index ? [{ kind: 'pageBreak' } satisfies Block] : []),
    heading(2, p.sheet.letter('outgoing', letter.number, letter.date)),
    ...letter.doc.blocks,
  ]);
}

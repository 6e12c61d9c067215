import { plain, type Block, type Doc, type Run } from '../../document/model.ts';
import { INCIDENTS_IN_TEXT, type LetterInput } from './input.ts';
import { incidentRuns, peopleCount, whenOf, whereOf } from './incident-text.ts';
import { engagementsOf, instrumentsEngaged, standingOf } from './instruments.ts';
import { letterPhrases, type LetterPhrases } from './phrases.ts';

const paragraph = (style: Extract<Block, { kind: 'paragraph' }>['style'], runs: Run[] | string): Block => ({ kind: 'paragraph', style, runs: typeof runs === 'string' ? plain(runs) : runs });
const list = (items: (Run[] | string)[]): Block => ({ kind: 'list', ordered: true, items: items.map((item) => (typeof item === 'string' ? plain(item) : item)) });

/**
 * An official letter (DOMAIN.md, "Official letter layout") as a Doc: letterhead; number and date (blanks on a
 * draft); «На № … от …» when answering; addressee top right; heading; salutation; the text of its kind; requests;
 * annex mark; closing; signature; executor — and, beyond a few incidents, a numbered annex. Pure: the same input
 * gives the same Doc.
 */
export function buildLetter(input: LetterInput): Doc {
  const p = letterPhrases[input.language];
  const withAnnex = input.kind === 'appeal' && input.incidents.length > INCIDENTS_IN_TEXT;
  const blocks: Block[] = [
    { kind: 'letterhead', emblem: input.office.emblem && { ...input.office.emblem, widthMm: 18 }, lines: [input.office.name, ...input.office.addressLines] },
    paragraph('reference', p.reference(input.number, input.date)),
    ...(input.inReplyTo ? [paragraph('reference', p.inReplyTo(input.inReplyTo.number, input.inReplyTo.date))] : []),
    { kind: 'addressee', lines: input.counterpart.addresseeLines },
    paragraph('subject', p.subject[input.kind]),
    ...(input.counterpart.salutation ? [paragraph('salutation', input.counterpart.salutation)] : []),
    paragraph('body', p.opening[input.kind]),
    ...body(input, p, withAnnex),
    paragraph('body', p.requestsIntro),
    list(p.requests[input.kind](input.counterpart.replyDays)),
    ...(withAnnex ? [paragraph('annex', p.annexMark(input.incidents.length))] : []),
    paragraph('closing', p.closing),
    { kind: 'signature', position: [input.signatory.position], name: input.signatory.name },
    ...(input.executor ? [{ kind: 'executor', lines: p.executor(input.executor.name, input.executor.phone) } satisfies Block] : []),
    ...(withAnnex ? annex(input, p) : []),
  ];
  return { meta: { language: input.language, title: p.subject[input.kind], number: input.number, date: input.date, classification: null }, blocks };
}

function body(input: LetterInput, p: LetterPhrases, withAnnex: boolean): Block[] {
  const reveal = input.revealWithheld;
  switch (input.kind) {
    case 'appeal': {
      // Treaties cited only where the counterpart's state is a party; the others reworded (instruments.ts).
      const instruments = instrumentsEngaged(engagementsOf(input), standingOf(input), input.language);
      return [
        paragraph('body', withAnnex ? p.annexPointer(input.incidents.length) : p.factsIntro(input.incidents.length)),
        ...(withAnnex ? [] : [list(input.incidents.map((incident) => incidentRuns(incident, p, reveal)))]),
        ...instruments.map((text) => paragraph('body', text)),
      ];
    }
    case 'follow-up': {
      const cases = [...new Set([...input.unanswered.flatMap((letter) => letter.incidentTitles), ...input.incidents.map((incident) => incident.title)])];
      return [
        paragraph('body', p.followUpLetters(input.unanswered.length)),
        list(input.unanswered.map((letter) => p.followUpLetter(letter.number, letter.date, letter.daysWaiting))),
        ...(cases.length ? [paragraph('body', p.followUpCases), list(cases)] : []),
      ];
    }
    case 'information-request':
      return [
        paragraph('body', p.informationCases),
        list(input.incidents.map((incident) => [{ text: incident.title.trim(), bold: true }, { text: ` (${[whenOf(incident, p), whereOf(incident, p)].filter(Boolean).join(', ')})` }])),
      ];
  }
}

/** The numbered annex: one table row per incident, so 200 incidents paginate as a table. */
function annex(input: LetterInput, p: LetterPhrases): Block[] {
  const t = p.annexTable;
  return [
    { kind: 'pageBreak' },
    { kind: 'heading', level: 2, text: p.annexHeading(input.number, input.date) },
    {
      kind: 'table',
      header: [t.n, t.when, t.where, t.what, t.people],
      widths: [11, 24, 36, 81, 28],
      rows: input.incidents.map((incident, index) => [
        String(index + 1),
        whenOf(incident, p),
        incident.place ? `${incident.place.name}\n${p.countries[incident.place.country] ?? incident.place.country}` : '',
        [incident.title.trim().replace(/[.!?…]*$/, '.'), incident.description.trim()].filter(Boolean).join(' '),
        peopleCount(incident),
      ]),
    },
  ];
}

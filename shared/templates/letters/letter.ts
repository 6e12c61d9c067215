import { plain, type Block, type Doc, type ListMarker, type Run } from '../../document/model.ts';
import { sentence } from './format.ts';
import { INCIDENTS_IN_TEXT, type CaseForLetter, type LetterInput } from './input.ts';
import { caseLine, incidentRuns, peopleCount, whenOf } from './incident-text.ts';
import { engagementsOf, instrumentsEngaged, standingOf } from './instruments.ts';
import { letterPhrases, type LetterPhrases } from './phrases.ts';

const paragraph = (style: Extract<Block, { kind: 'paragraph' }>['style'], runs: Run[] | string): Block => ({ kind: 'paragraph', style, runs: typeof runs === 'string' ? plain(runs) : runs });

/**
 * A numbered list with GOST R 7.0.97's punctuation: 'paren' «1)» items are lowercase clauses, each ending with «;»
 * and the last with «.» (added here); 'dot' «1.» items are whole sentences, capitalised and ending with «.».
 */
function list(marker: ListMarker, items: (Run[] | string)[]): Block {
  const runs = items.map((item) => (typeof item === 'string' ? plain(item) : item));
  if (marker === 'paren') {
    runs.forEach((item, index) => {
      const last = item.at(-1);
      if (last) item[item.length - 1] = { ...last, text: `${last.text.replace(/[.;,:]+$/, '')}${index === runs.length - 1 ? '.' : ';'}` };
    });
  }
  return { kind: 'list', ordered: true, marker, items: runs };
}

/** One item reads as a paragraph, several as a «1.» list of sentences. */
const sentences = (items: Run[][]): Block[] => (items.length === 1 ? [paragraph('body', items[0]!)] : [list('dot', items)]);

/**
 * An official letter (DOMAIN.md, "Official letter layout") as a Doc: letterhead; date and number (blanks on a
 * draft); «На № … от …» when answering; addressee top right; heading; salutation (when the gender is known); the
 * text of its kind; annex mark; closing; signature; executor — and, beyond a few incidents, a numbered annex. Pure:
 * the same input gives the same Doc.
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
    ...body(input, p, withAnnex),
    // The annex's sheets are counted once the letter is laid out (stampAnnexSheets); the draft shows «на __ л.».
    ...(withAnnex ? [paragraph('annex', p.annexMark(null))] : []),
    paragraph('closing', p.closing),
    { kind: 'signature', position: [input.signatory.position], name: input.signatory.name },
    ...(input.executor ? [{ kind: 'executor', lines: p.executor(input.executor.name, input.executor.phone) } satisfies Block] : []),
    ...(withAnnex ? annex(input, p) : []),
  ];
  return { meta: { language: input.language, title: p.subject[input.kind], number: input.number, date: input.date, classification: null }, blocks };
}

function body(input: LetterInput, p: LetterPhrases, withAnnex: boolean): Block[] {
  const reveal = input.revealWithheld;
  const cases = (incidents: CaseForLetter[]) => sentences(incidents.map((incident) => plain(sentence(caseLine(incident, p)))));
  const requests = (kind: 'appeal' | 'follow-up') => [paragraph('body', p.requestsIntro), list('paren', p.requests[kind](input.counterpart.replyDays))];
  switch (input.kind) {
    case 'appeal': {
      // Treaties cited only where the counterpart's state is a party; the others reworded (instruments.ts).
      const instruments = instrumentsEngaged(engagementsOf(input), standingOf(input), input.language);
      return [
        paragraph('body', p.opening.appeal),
        ...(withAnnex ? [paragraph('body', p.annexPointer(input.incidents.length))] : [paragraph('body', p.factsIntro), ...sentences(input.incidents.map((incident) => incidentRuns(incident, p, reveal, input.language)))]),
        ...instruments.map((text) => paragraph('body', text)),
        ...requests('appeal'),
      ];
    }
    case 'follow-up': {
      const letters = input.unanswered;
      const seen = new Set<string>();
      // Every case our unanswered letters raised, and those chosen for this letter, once each, in date order.
      const open = [...letters.flatMap((letter) => letter.incidents), ...input.incidents]
        .filter((incident) => !seen.has(incident.id) && seen.add(incident.id))
        .sort((a, b) => a.startDate.localeCompare(b.startDate));
      return [
        paragraph('body', p.opening['follow-up']),
        ...(letters.length === 1 ? [paragraph('body', p.unansweredOne(letters[0]!.number, letters[0]!.date, letters[0]!.daysWaiting))] : []),
        ...(letters.length > 1 ? [paragraph('body', p.unansweredIntro(letters.length)), list('paren', letters.map((letter) => p.unansweredItem(letter.number, letter.date, letter.daysWaiting)))] : []),
        ...(input.replies.length === 1 ? [paragraph('body', p.replyOne(input.replies[0]!))] : []),
        ...(input.replies.length > 1 ? [paragraph('body', p.repliesIntro), list('paren', input.replies.map((reply) => p.replyItem(reply)))] : []),
        ...(open.length ? [paragraph('body', p.casesIntro), ...cases(open)] : []),
        ...requests('follow-up'),
      ];
    }
    case 'information-request':
      // One request, one list: the sentence asks, the cases follow.
      return [paragraph('body', p.informationRequest(input.incidents.length, input.counterpart.replyDays)), ...cases(input.incidents)];
  }
}

/** The numbered annex: its mark top right, then one table row per incident, so 200 incidents paginate as a table. */
function annex(input: LetterInput, p: LetterPhrases): Block[] {
  const t = p.annexTable;
  return [
    { kind: 'pageBreak' },
    paragraph('annex-heading', p.annexHeading(input.number, input.date)),
    {
      kind: 'table',
      header: [t.n, t.when, t.where, t.what, t.people],
      widths: [11, 24, 36, 81, 28],
      rows: input.incidents.map((incident, index) => [
        String(index + 1),
        whenOf(incident, p),
        incident.place ? `${incident.place.name}\n${p.countries[incident.place.country] ?? incident.place.country}` : '',
        [incident.title.trim().replace(/[.!?…]*$/, '.'), incident.description.trim()].filter(Boolean).join(' '),
        peopleCount(incident, p),
      ]),
    },
  ];
}

import { plural } from '../../domain/plural.ts';
import type { ResponseCode } from './input.ts';
import type { LetterPhrases } from './phrases.ts';
import { BLANK, joinList, lowerFirst, sentence, upperFirst } from './format.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const long = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const days = (n: number) => plural(n, 'day');
const lower = (labels: readonly string[]) => labels.map(lowerFirst);
/** "letter No. 01-12/100 of 15 January 2024". */
const letterRef = (number: string, date: string) => `letter No. ${number} of ${long(date)}`;

/** One person's characteristic, with its article. */
const traits: Record<string, string> = {
  women: 'a woman',
  children: 'a minor',
  elderly: 'an elderly person',
  students: 'a student',
  'public-sector-employees': 'a public-sector employee',
  'migrant-workers': 'a migrant worker',
  'persons-with-disabilities': 'a person with a disability',
};

/** What a reply said, after "In your letter …, ". */
const said: Record<ResponseCode, string> = {
  'no-response': 'the matters raised were not answered on their merits',
  'request-for-information': 'further information was requested',
  'token-response': 'receipt of our appeal was acknowledged without a reply on its merits',
  'pledged-action': 'you informed us that measures would be taken',
  'action-taken': 'you informed us of the measures taken',
  denial: 'you declined to take measures',
};
const answering = (reply: { answers: { number: string; date: string } | null }) => (reply.answers ? ` (in reply to our ${letterRef(reply.answers.number, reply.answers.date)})` : '');

/** English, for counterparts who correspond in English. */
export const en: LetterPhrases = {
  reference: (number, date) => `No. ${number ?? BLANK} of ${date ? long(date) : BLANK}`,
  inReplyTo: (number, date) => `Ref. your No. ${number} of ${long(date)}`,
  subject: { appeal: 'Violations of the rights of citizens of the Republic of Tajikistan', 'follow-up': 'Unanswered appeals', 'information-request': 'Request for information' },
  opening: {
    appeal: 'I present my compliments and write to you concerning the protection of the rights of citizens of the Republic of Tajikistan.',
    'follow-up': 'I present my compliments and write to you again about the matters raised in our earlier letters.',
  },
  factsIntro: 'The following information has been received:',
  annexPointer: (count) => `Information has been received about ${plural(count, 'case')} of violations of the rights of citizens of the Republic of Tajikistan; they are described in the annex to this letter.`,
  when: (start, end, precision) => {
    if (precision === 'month') return `in ${months[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
    if (precision === 'year') return `in ${start.slice(0, 4)}`;
    const range = end && end !== start ? `from ${long(start)} to ${long(end)}` : long(start);
    return precision === 'estimate' ? `around ${range}` : range;
  },
  where: (place, country) => `${place} (${country})`,
  caseLine: (when, where, title) => `${upperFirst([when, where].filter(Boolean).join(', '))}${when || where ? ' — ' : ''}${title}`,
  people: ({ count, single, all, some, named }) => {
    if (single) {
      const traitText = single.traits.length ? `, ${joinList(single.traits, 'and')},` : '';
      return `${single.name ? upperFirst(single.name) : '1 person'}${traitText} was affected.`;
    }
    const who = `${all.length ? `, all of them ${joinList(lower(all), 'and')}` : ''}${some.length ? `, including ${joinList(lower(some), 'and')}` : ''}`;
    return [`${count} people were affected${who}.`, named.length ? sentence(`Among them: ${joinList(named, 'and')}`) : ''].filter(Boolean).join(' ');
  },
  peopleShort: (count, all, some) => `${count === 1 ? '1 person' : `${count} people`}${all.length ? `, ${joinList(lower(all), 'and')}` : ''}${some.length ? `, including ${joinList(lower(some), 'and')}` : ''}`,
  trait: (code) => traits[code],
  otherTrait: (label) => `in the category "${lowerFirst(label)}"`,
  held: (n, who, detention) => {
    if (!detention) return `The events lasted ${days(n)}.`;
    if (who === 'unknown') return `The detention lasted ${days(n)}.`;
    return `${who === 'many' ? 'They were' : who === 'female' ? 'She was' : 'He was'} held for ${days(n)}.`;
  },
  violations: (labels) => `These acts bear the marks of the following violations: ${joinList(lower(labels), 'and')}.`,
  methods: (labels) => `Reportedly, the following methods were used: ${joinList(lower(labels), 'and')}.`,
  sources: (list) => sentence(`${list.length === 1 ? 'Source' : 'Sources'}: ${list.join('; ')}`),
  masked: (initial) => `citizen ${initial}.`,
  requestsIntro: 'In view of the above, I request you to:',
  requests: {
    appeal: (replyDays) => [
      'investigate the facts set out above and give them a proper legal assessment',
      'take measures to restore the violated rights of citizens of the Republic of Tajikistan and to prevent such cases',
      `inform me of the outcome within ${days(replyDays)}`,
    ],
    'follow-up': (replyDays) => ['consider the earlier appeals on their merits', `inform me of the measures taken within ${days(replyDays)}`],
  },
  informationRequest: (count, replyDays) =>
    `I present my compliments and ask you to inform me, within ${days(replyDays)}, of the progress in examining the following ${count === 1 ? 'case' : 'cases'} affecting the rights of citizens of the Republic of Tajikistan and of the decisions taken:`,
  unansweredOne: (number, date, waiting) => `Our ${letterRef(number, date)} has remained unanswered for ${days(waiting)}.`,
  unansweredIntro: (count) => `To date, no reply has been received to ${count === 1 ? 'one of our letters' : `${count} of our letters`}:`,
  unansweredItem: (number, date, waiting) => `${letterRef(number, date)}, unanswered for ${days(waiting)}`,
  replyOne: (reply) => (reply.response ? `In your ${letterRef(reply.number, reply.date)}${answering(reply)}, ${said[reply.response]}.` : `Your ${letterRef(reply.number, reply.date)}${answering(reply)} has been received.`),
  repliesIntro: 'We have received the following replies from you:',
  replyItem: (reply) => `${letterRef(reply.number, reply.date)}${answering(reply)}${reply.response ? `: ${said[reply.response]}` : ''}`,
  casesIntro: 'The following cases remain unanswered:',
  closing: 'Yours sincerely,',
  annexMark: (sheets) => `Annex: ${sheets === null ? '__ sheets' : plural(sheets, 'sheet')}, 1 copy.`,
  annexHeading: (number, date) => `Annex\nto letter\n${en.reference(number, date)}`,
  annexTable: { n: 'No.', when: 'Date', where: 'Place', what: 'What happened', people: 'Affected' },
  executor: (name, phone) => [`Prepared by: ${name}`, `Tel.: ${phone}`],
  countries: {
    KZ: 'Republic of Kazakhstan', RU: 'Russian Federation', UZ: 'Republic of Uzbekistan', KG: 'Kyrgyz Republic', TM: 'Turkmenistan',
    AF: 'Afghanistan', TJ: 'Republic of Tajikistan', TR: 'Republic of Türkiye', AE: 'United Arab Emirates', CN: "People's Republic of China",
    BY: 'Republic of Belarus', UA: 'Ukraine', DE: 'Germany', US: 'United States', GB: 'United Kingdom', PL: 'Poland', LT: 'Lithuania', KR: 'Republic of Korea',
  },
};

import type { LetterPhrases } from './phrases.ts';
import { joinList, sentence } from './format.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const long = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** English, for counterparts who correspond in English. */
export const en: LetterPhrases = {
  reference: (number, date) => `No. ${number ?? '____________'} of ${date ? long(date) : '____________'}`,
  inReplyTo: (number, date) => `Ref. your No. ${number} of ${long(date)}`,
  subject: { appeal: 'Violations of the rights of citizens of the Republic of Tajikistan', 'follow-up': 'Unanswered appeals', 'information-request': 'Request for information' },
  opening: {
    appeal: 'I present my compliments and write to you concerning information received about violations of the rights of citizens of the Republic of Tajikistan.',
    'follow-up': 'I present my compliments and write to you again about the matters raised in our earlier letters.',
    'information-request': 'I present my compliments and ask you to inform me of the progress of the following cases.',
  },
  factsIntro: (count) => (count === 1 ? 'The following facts have been established.' : `The following ${count} cases are concerned.`),
  annexPointer: (count) => `The ${count} cases are described in the annex to this letter.`,
  when: (start, end, precision) => {
    if (precision === 'month') return `in ${months[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
    if (precision === 'year') return `in ${start.slice(0, 4)}`;
    const range = end && end !== start ? `from ${long(start)} to ${long(end)}` : long(start);
    return precision === 'estimate' ? `around ${range}` : range;
  },
  where: (place, country) => `${place} (${country})`,
  people: (count, characteristics) => `${count} ${count === 1 ? 'person was' : 'people were'} affected${characteristics.length ? `, including ${characteristics.map((c) => c.toLowerCase()).join(', ')}` : ''}.`,
  victimsNamed: (names) => sentence(`Victims: ${names.join(', ')}`),
  held: (n) => `Duration: ${days(n)}.`,
  violations: (labels) => `Violations: ${labels.map((l) => l.toLowerCase()).join(', ')}.`,
  methods: (labels) => `Methods used: ${labels.map((l) => l.toLowerCase()).join(', ')}.`,
  sources: (list) => `Sources: ${list.join('; ')}.`,
  masked: (initial) => `citizen ${initial}.`,
  rightsEngaged: (instruments) => `These acts engage rights guaranteed by the ${joinList(instruments, 'and the')}.`,
  requestsIntro: 'In view of the above, I request you to:',
  requests: {
    appeal: (replyDays) => [
      'investigate the facts set out above and give them a proper legal assessment;',
      'take measures to restore the violated rights of citizens of the Republic of Tajikistan and to prevent such cases;',
      `inform me of the outcome within ${days(replyDays)}.`,
    ],
    'follow-up': (replyDays) => ['consider the earlier appeals on their merits;', `inform me of the measures taken within ${days(replyDays)}.`],
    'information-request': (replyDays) => [`inform me of the current status of these cases and the decisions taken within ${days(replyDays)}.`],
  },
  followUpLetters: (count) => `To date, ${count === 1 ? 'one letter has' : `${count} letters have`} received no reply:`,
  followUpLetter: (number, date, waiting) => `No. ${number} of ${long(date)}, unanswered for ${days(waiting)}`,
  followUpCases: 'These letters raised the following cases, which remain unanswered:',
  informationCases: 'Please provide information on the following cases:',
  closing: 'Yours sincerely,',
  annexMark: (count) => `Annex: list of cases (${count}), 1 copy.`,
  annexHeading: (number, date) => `Annex to letter ${en.reference(number, date)}`,
  annexTable: { n: 'No.', when: 'Date', where: 'Place', what: 'What happened', people: 'Affected' },
  executor: (name, phone) => [`Prepared by: ${name}`, `Tel.: ${phone}`],
  countries: {
    KZ: 'Republic of Kazakhstan', RU: 'Russian Federation', UZ: 'Republic of Uzbekistan', KG: 'Kyrgyz Republic', TM: 'Turkmenistan',
    AF: 'Afghanistan', TJ: 'Republic of Tajikistan', TR: 'Republic of Türkiye', AE: 'United Arab Emirates', CN: "People's Republic of China",
    BY: 'Republic of Belarus', UA: 'Ukraine', DE: 'Germany', US: 'United States', GB: 'United Kingdom', PL: 'Poland', LT: 'Lithuania', KR: 'Republic of Korea',
  },
  articles: (numbers) => (numbers.length === 1 ? `art. ${numbers[0]}` : `arts. ${numbers.join(', ')}`),
  instruments: {
    iccpr: 'International Covenant on Civil and Political Rights',
    cat: 'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment',
    icrmw: 'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
    vccr: 'Vienna Convention on Consular Relations',
    icerd: 'International Convention on the Elimination of All Forms of Racial Discrimination',
  },
};

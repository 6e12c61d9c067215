import { plural } from '../../domain/plural.ts';
import { en as letter } from '../letters/phrases.en.ts';
import { sizeIn } from './format.ts';
import type { DossierPhrases } from './phrases.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const long = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const days = (n: number) => plural(n, 'day');

/** English, for counterparts who correspond in English. */
export const en: DossierPhrases = {
  letter,
  date: long,
  shortDate: (iso) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]!.slice(0, 3)} ${iso.slice(0, 4)}`,
  month: (month) => `${months[Number(month.slice(5, 7)) - 1]!.slice(0, 3)} ${month.slice(0, 4)}`,
  sections: {
    contents: 'Contents',
    summary: 'Summary',
    ledger: 'Correspondence ledger',
    incidents: 'Incidents',
    evidence: 'Annex: evidence',
    letters: 'Annex: letters sent',
  },
  cover: {
    meeting: (withWhom) => withWhom,
    place: (place) => `Venue: ${place}`,
    date: (date) => `Date of the meeting: ${long(date)}`,
    edition: (edition, date) => `Edition No. ${edition} of ${long(date)}`,
    draft: (date) => `Draft as of ${long(date)}`,
  },
  notes: { foreword: 'Foreword', talkingPoints: 'Talking points', requests: 'Requests for the meeting' },
  figures: {
    title: 'Key figures',
    header: ['Figure', 'Value'],
    labels: {
      incidents: 'Incidents',
      people: 'People affected, total',
      women: 'of whom women',
      children: 'of whom children',
      minors: 'of whom minors (by date of birth)',
      elderly: 'of whom elderly',
      daysHeld: 'Days held, total',
      places: 'Places where incidents occurred',
      sent: 'Letters sent',
      answered: 'Replies received',
      unanswered: 'Unanswered',
      overdue: 'of which overdue',
    },
  },
  charts: {
    byViolation: 'Incidents by type of violation',
    byMonth: 'Incidents by month',
    letters: (institution) => `Letters and replies by month: ${institution}`,
    incidents: 'Incidents',
    sent: 'Letters sent',
    answered: 'Replies received',
    month: 'Month',
    count: 'Number of incidents',
    type: 'Type of violation',
    letterCount: 'Number of letters',
  },
  ledger: {
    link: (number, date) => `No. ${number} of ${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1]!.slice(0, 3)} ${date.slice(0, 4)}`,
    asOf: (date) => `As of ${long(date)}.`,
    sentAnswered: (sent, answered, from) => `${plural(sent, 'letter')} sent${from ? ` since ${months[Number(from.slice(5, 7)) - 1]} ${from.slice(0, 4)}` : ''}, ${answered} answered.`,
    unanswered: (unanswered, overdue) => `Unanswered: ${unanswered}, of which overdue: ${overdue}.`,
    oldest: (number, date, waiting) => `Oldest unanswered: No. ${number} of ${long(date)}, waiting for ${days(waiting)}.`,
    median: (n) => (n === null ? 'No replies yet: no time to answer can be given.' : `Median time to answer: ${days(Math.round(n))}.`),
    none: 'No letters in the register.',
    header: ['Number', 'Date', 'Subject', 'State', 'Days waiting', 'Reply / in reply to'],
    direction: { outgoing: 'out', incoming: 'in' },
    state: { answered: 'answered', overdue: 'overdue', waiting: 'awaiting reply', annulled: 'annulled', received: 'received' },
  },
  sheet: {
    header: ['Item', 'Details'],
    labels: {
      when: 'Date',
      where: 'Place',
      what: 'What happened',
      people: 'People affected',
      duration: 'Duration',
      violations: 'Marks of violations',
      methods: 'Methods',
      sources: 'Sources',
      status: 'Status',
      letters: 'Correspondence',
      evidence: 'Evidence',
    },
    status: { documented: 'documented, not yet raised', raised: 'raised, no reply', answered: 'reply received', closed: 'closed' },
    reliability: { confirmed: 'confirmed', probable: 'probable', unverified: 'unverified' },
    letter: (direction, number, date) => `${direction === 'outgoing' ? 'Our letter' : 'Their letter'} No. ${number} of ${long(date)}`,
    noEvidence: 'No evidence.',
    evidenceHeader: ['File', 'Type and size', 'SHA-256', 'Received', 'Condition'],
    custody: (addedBy, date) => `added on ${long(date)} by ${addedBy}`,
    damaged: 'DAMAGED',
    unshown: { 'too-large': 'image too large', unreadable: 'image unreadable', mislabeled: 'not the format filed' },
  },
  evidence: {
    caption: (incident) => `Incident: ${incident}`,
    sha: (sha256) => `SHA-256: ${sha256}`,
    damaged: 'FILE DAMAGED: its content does not match the SHA-256 checksum on record.',
    listed: 'Other files',
    none: 'No evidence for the selected incidents.',
  },
  size: (bytes) => sizeIn(bytes, ['bytes', 'KB', 'MB', 'GB'], '.'),
  lettersNone: 'No registered letters drafted in the application.',
};

import { dotted } from '../letters/format.ts';
import { tg as letter } from '../letters/phrases.tg.ts';
import { sizeIn } from './format.ts';
import type { DossierPhrases } from './phrases.ts';

const months = ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/** Tajik, with the formulas of Tajik official documents; numerals take the singular («11 мактуб», «12 рӯз»). */
export const tg: DossierPhrases = {
  letter,
  date: dotted,
  month: (month) => `${month.slice(5, 7)}.${month.slice(0, 4)}`,
  sections: {
    contents: 'Мундариҷа',
    summary: 'Маълумоти ҷамъбастӣ',
    ledger: 'Феҳристи мукотиба',
    incidents: 'Маълумот дар бораи ҳодисаҳо',
    evidence: 'Замима. Маводҳо оид ба ҳодисаҳо',
    letters: 'Замима. Мактубҳои фиристодашуда',
  },
  cover: {
    meeting: (withWhom) => withWhom,
    place: (place) => `Ҷойи баргузорӣ: ${place}`,
    date: (date) => `Санаи мулоқот: ${dotted(date)}`,
    edition: (edition, date) => `Нусхаи нашри № ${edition} аз ${dotted(date)}`,
    draft: (date) => `Лоиҳа, ҳолат ба ${dotted(date)}`,
  },
  notes: { foreword: 'Сухани муқаддимавӣ', talkingPoints: 'Нуктаҳо барои гуфтугӯ', requests: 'Дархостҳо барои мулоқот' },
  figures: {
    header: ['Нишондиҳанда', 'Миқдор'],
    labels: {
      incidents: 'Ҳодисаҳои вайронкунӣ',
      people: 'Ҷабрдидагон, ҳамагӣ',
      women: 'аз ҷумла занон',
      children: 'аз ҷумла кӯдакон',
      minors: 'аз ҷумла ноболиғон (аз рӯи санаи таваллуд)',
      elderly: 'аз ҷумла солхӯрдагон',
      daysHeld: 'Рӯзҳои нигоҳдорӣ, ҳамагӣ',
      places: 'Ҷойҳое, ки ҳодисаҳо рух додаанд',
      sent: 'Мактубҳои фиристодашуда',
      answered: 'Ҷавобҳои гирифташуда',
      unanswered: 'Бе ҷавоб',
      overdue: 'аз ҷумла бо гузаштани мӯҳлати ҷавоб',
    },
  },
  charts: {
    byViolation: 'Ҳодисаҳо аз рӯи навъи вайронкунӣ',
    byMonth: 'Ҳодисаҳо аз рӯи моҳҳо',
    letters: (institution) => `Мактубҳо ва ҷавобҳо аз рӯи моҳҳо: ${institution}`,
    incidents: 'Ҳодисаҳо',
    sent: 'Мактубҳои фиристодашуда',
    answered: 'Ҷавобҳои гирифташуда',
    month: 'Моҳ',
    count: 'Шумораи ҳодисаҳо',
    type: 'Навъи вайронкунӣ',
    letterCount: 'Шумораи мактубҳо',
  },
  ledger: {
    asOf: (date) => `Маълумот ҳолат ба ${dotted(date)}.`,
    sentAnswered: (sent, answered, from) =>
      `${from ? `Аз моҳи ${months[Number(from.slice(5, 7)) - 1]}и соли ${from.slice(0, 4)} ${sent} мактуб` : `${sent} мактуб`} фиристода шудааст, ба ${answered} мактуб ҷавоб гирифта шудааст.`,
    unanswered: (unanswered, overdue) => `Бе ҷавоб — ${unanswered}, аз ҷумла бо гузаштани мӯҳлати ҷавоб — ${overdue}.`,
    oldest: (number, date, waiting) => `Мактуби қадимтарини бе ҷавоб — аз ${dotted(date)} № ${number}: ${waiting} рӯз интизори ҷавоб аст.`,
    median: (n) => (n === null ? 'Ҳоло ҷавобе нест, мӯҳлати ҷавоб муайян карда намешавад.' : `Мӯҳлати ҷавоб (медиана) — ${Math.round(n)} рӯз.`),
    none: 'Дар феҳрист мактуб нест.',
    header: ['Рақам', 'Сана', 'Вор./сод.', 'Мазмун', 'Ҳолат', 'Рӯзҳои бе ҷавоб', 'Ҷавоб / ба мактуб'],
    direction: { outgoing: 'содир.', incoming: 'ворид.' },
    state: { answered: 'ҷавоб гирифта шуд', overdue: 'мӯҳлати ҷавоб гузашт', waiting: 'интизори ҷавоб', annulled: 'бекор карда шуд', received: 'гирифта шуд' },
  },
  sheet: {
    header: ['Нишондиҳанда', 'Маълумот'],
    labels: {
      when: 'Сана',
      where: 'Ҷой',
      what: 'Чӣ рӯй дод',
      people: 'Ҷабрдидагон',
      duration: 'Давомнокӣ',
      violations: 'Нишонаҳои вайронкунӣ',
      methods: 'Усулҳо',
      sources: 'Манбаъҳои маълумот',
      status: 'Ҳолат',
      letters: 'Мукотиба',
      evidence: 'Маводҳо',
    },
    status: { documented: 'ба қайд гирифта шудааст, дар мукотиба гузошта нашудааст', raised: 'ба тараф пешниҳод шудааст, ҷавоб нест', answered: 'ҷавоб гирифта шудааст', closed: 'баста шудааст' },
    reliability: { confirmed: 'эътимоднокӣ тасдиқ шудааст', probable: 'эҳтимолан эътимоднок', unverified: 'санҷида нашудааст' },
    letter: (direction, number, date) => `${direction === 'outgoing' ? 'Мактуби мо' : 'Мактуби тараф'} аз ${dotted(date)} № ${number}`,
    noEvidence: 'Мавод нест.',
    evidenceHeader: ['Файл', 'Навъ ва андоза', 'SHA-256', 'Қабул', 'Ҳолат'],
    custody: (addedBy, date) => `${dotted(date)} ворид шуд, ${addedBy}`,
    damaged: 'ВАЙРОН ШУДААСТ',
  },
  evidence: {
    caption: (incident) => `Ба ҳодиса: ${incident}`,
    sha: (sha256) => `SHA-256: ${sha256}`,
    damaged: 'ФАЙЛ ВАЙРОН ШУДААСТ: мундариҷаи он ба суммаи назоратии SHA-256-и нигоҳдошташуда мувофиқат намекунад.',
    unreadable: 'Тасвирро хондан муяссар нашуд; файл дар парванда нигоҳ дошта мешавад.',
    listed: 'Файлҳои дигар',
    none: 'Ба ҳодисаҳои интихобшуда мавод нест.',
  },
  size: (bytes) => sizeIn(bytes, ['байт', 'КБ', 'МБ', 'ГБ'], ','),
  lettersNone: 'Мактубҳои ба қайд гирифташудае, ки дар барнома тартиб дода шудаанд, нестанд.',
};

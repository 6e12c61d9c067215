import type { ResponseCode } from './input.ts';
import type { LetterPhrases } from './phrases.ts';
import { BLANK, dotted, joinList, lowerFirst, sentence, upperFirst } from './format.ts';

const months = ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const lower = (labels: readonly string[]) => labels.map(lowerFirst);
/** «мактуби аз 15.01.2024 № 01-12/100» (date, then number, as in Russian). */
const letterRef = (number: string, date: string) => `мактуби аз ${dotted(date)} № ${number}`;
const ourLetterRef = (number: string, date: string) => `мактуби мо аз ${dotted(date)} № ${number}`;

/** One person's characteristic (Tajik nouns have no gender). */
const traits: Record<string, string> = {
  women: 'зан',
  children: 'ноболиғ',
  elderly: 'шахси солхӯрда',
  students: 'донишҷӯ',
  'public-sector-employees': 'корманди соҳаи буҷетӣ',
  'migrant-workers': 'муҳоҷири меҳнатӣ',
  'persons-with-disabilities': 'шахси дорои маъюбӣ',
};

/** What a reply said, after «Дар мактуби Шумо … ». */
const said: Record<ResponseCode, string> = {
  'no-response': 'ба масъалаҳои гузошташуда аз рӯи моҳият ҷавоб дода нашудааст',
  'request-for-information': 'маълумоти иловагӣ дархост шудааст',
  'token-response': 'танҳо гирифтани муроҷиат тасдиқ шуда, аз рӯи моҳият ҷавоб дода нашудааст',
  'pledged-action': 'дар бораи нияти андешидани чораҳо хабар дода шудааст',
  'action-taken': 'дар бораи чораҳои андешидашуда хабар дода шудааст',
  denial: 'андешидани чораҳо рад карда шудааст',
};
const answering = (reply: { answers: { number: string; date: string } | null }) => (reply.answers ? ` (ҷавоб ба ${ourLetterRef(reply.answers.number, reply.answers.date)})` : '');

/**
 * Tajik, with the formulas of Tajik official letters; numerals take the singular («40 нафар», «12 рӯз»). A withheld
 * identity is «шаҳрванд Р.» whatever the gender: the Tajik word, like the language, has none.
 */
export const tg: LetterPhrases = {
  reference: (number, date) => `${date ? dotted(date) : BLANK} № ${number ?? BLANK}`,
  inReplyTo: (number, date) => `Ба № ${number} аз ${dotted(date)}`,
  subject: {
    appeal: 'Дар бораи вайрон кардани ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон',
    'follow-up': 'Дар бораи ҷавоб нагирифтани муроҷиатҳо',
    'information-request': 'Дар бораи пешниҳоди маълумот',
  },
  opening: {
    appeal: 'Эҳтироми худро ба Шумо изҳор намуда, оид ба масъалаи ҳифзи ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон ба Шумо муроҷиат менамоям.',
    'follow-up': 'Эҳтироми худро ба Шумо изҳор намуда, оид ба масъалаҳое, ки дар мактубҳои қаблии мо гузошта шуда буданд, бори дигар ба Шумо муроҷиат менамоям.',
  },
  factsIntro: 'Маълумоти зерин ворид гардид:',
  annexPointer: (count) => `Дар бораи ${count} ҳодисаи вайрон кардани ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон маълумот ворид гардид; тафсилоти онҳо дар замимаи ин мактуб оварда шудааст.`,
  when: (start, end, precision) => {
    if (precision === 'month') return `дар моҳи ${months[Number(start.slice(5, 7)) - 1]}и соли ${start.slice(0, 4)}`;
    if (precision === 'year') return `дар соли ${start.slice(0, 4)}`;
    const range = end && end !== start ? `аз ${dotted(start)} то ${dotted(end)}` : dotted(start);
    return precision === 'estimate' ? `тахминан ${range}` : range;
  },
  where: (place, country) => `${place} (${country})`,
  caseLine: (when, where, title) => `${upperFirst([when, where].filter(Boolean).join(', '))}${when || where ? ' — ' : ''}${title}`,
  people: ({ count, single, all, some, named }) => {
    if (single) {
      const traitText = single.traits.length ? `, ${single.traits.join(', ')},` : '';
      return `${single.name ? upperFirst(single.name) : '1 нафар'}${traitText} ҷабр дидааст.`;
    }
    const among = some.length ? `, аз ҷумла ${joinList(lower(some), 'ва')}` : '';
    return [
      all.length ? `${count} нафар ҷабр дидаанд. Ҳамаи онҳо ${joinList(lower(all), 'ва')} мебошанд${among}.` : `${count} нафар ҷабр дидаанд${among}.`,
      named.length ? sentence(`Дар байни ҷабрдидагон: ${joinList(named, 'ва')}`) : '',
    ]
      .filter(Boolean)
      .join(' ');
  },
  peopleShort: (count, all, some) => `${count} нафар${all.length ? ` — ${joinList(lower(all), 'ва')}` : ''}${some.length ? `, аз ҷумла ${joinList(lower(some), 'ва')}` : ''}`,
  trait: (code) => traits[code],
  otherTrait: (label) => `аз гурӯҳи «${lowerFirst(label)}»`,
  held: (n, who, detention) => {
    if (!detention) return `Ҳодиса ${n} рӯз идома ёфт.`;
    return `${who === 'many' ? 'Онҳоро' : 'Ӯро'} ${n} рӯз нигоҳ доштанд.`;
  },
  violations: (labels) => `Ин амалҳо нишонаҳои вайронкуниҳои зеринро доранд: ${joinList(lower(labels), 'ва')}.`,
  methods: (labels) => `Тибқи маълумот, усулҳои зерин истифода шудаанд: ${joinList(lower(labels), 'ва')}.`,
  sources: (list) => sentence(`${list.length === 1 ? 'Манбаи маълумот' : 'Манбаъҳои маълумот'}: ${list.join('; ')}`),
  masked: (initial) => `шаҳрванд ${initial}.`,
  requestsIntro: 'Бо назардошти гуфтаҳои боло хоҳиш менамоям:',
  requests: {
    appeal: (replyDays) => [
      'далелҳои зикршударо тафтиш намуда, ба онҳо баҳои дахлдори ҳуқуқӣ диҳед',
      'барои барқарор кардани ҳуқуқҳои вайроншудаи шаҳрвандони Ҷумҳурии Тоҷикистон ва пешгирии чунин ҳолатҳо чораҳо андешед',
      `дар бораи натиҷаҳои баррасӣ дар муддати ${replyDays} рӯз маълумот диҳед`,
    ],
    'follow-up': (replyDays) => ['муроҷиатҳои қаблан фиристодашударо аз рӯи моҳият баррасӣ намоед', `дар бораи чораҳои андешидашуда дар муддати ${replyDays} рӯз хабар диҳед`],
  },
  informationRequest: (count, replyDays) =>
    `Эҳтироми худро ба Шумо изҳор намуда, хоҳиш менамоям, ки дар муддати ${replyDays} рӯз дар бораи ҷараёни баррасии ${count === 1 ? 'ҳодисаи зерин, ки ба ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон дахл дорад,' : 'ҳодисаҳои зерин, ки ба ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон дахл доранд,'} ва қарорҳои қабулшуда маълумот пешниҳод намоед:`,
  unansweredOne: (number, date, waiting) => `${upperFirst(ourLetterRef(number, date))} ${waiting} рӯз боз бе ҷавоб мондааст.`,
  unansweredIntro: (count) => `То ҳол ба ${count} мактуби мо ҷавоб нарасидааст:`,
  unansweredItem: (number, date, waiting) => `${letterRef(number, date)} — ${waiting} рӯз бе ҷавоб`,
  replyOne: (reply) => (reply.response ? `Дар мактуби Шумо аз ${dotted(reply.date)} № ${reply.number}${answering(reply)} ${said[reply.response]}.` : `Мактуби Шумо аз ${dotted(reply.date)} № ${reply.number}${answering(reply)} гирифта шуд.`),
  repliesIntro: 'Аз Шумо ҷавобҳои зерин гирифта шуданд:',
  replyItem: (reply) => `${letterRef(reply.number, reply.date)}${answering(reply)}${reply.response ? ` — ${said[reply.response]}` : ''}`,
  casesIntro: 'Масъалаҳо оид ба ҳодисаҳои зерин то ҳол бе ҷавоб мондаанд:',
  closing: 'Бо эҳтиром,',
  annexMark: (sheets) => `Замима: дар ${sheets ?? '__'} варақ, дар 1 нусха.`,
  annexHeading: (number, date) => `Замима\nба мактуби\nаз ${tg.reference(number, date)}`,
  annexTable: { n: '№', when: 'Сана', where: 'Ҷой', what: 'Чӣ рӯй дод', people: 'Ҷабрдидагон' },
  executor: (name, phone) => [`Иҷрокунанда: ${name}`, `Тел.: ${phone}`],
  countries: {
    KZ: 'Ҷумҳурии Қазоқистон', RU: 'Федератсияи Россия', UZ: 'Ҷумҳурии Ӯзбекистон', KG: 'Ҷумҳурии Қирғизистон', TM: 'Туркманистон',
    AF: 'Афғонистон', TJ: 'Ҷумҳурии Тоҷикистон', TR: 'Ҷумҳурии Туркия', AE: 'Аморатҳои Муттаҳидаи Араб', CN: 'Ҷумҳурии Мардумии Чин',
    BY: 'Ҷумҳурии Беларус', UA: 'Украина', DE: 'Олмон', US: 'ИМА', GB: 'Британияи Кабир', PL: 'Лаҳистон', LT: 'Литва', KR: 'Ҷумҳурии Корея',
  },
};

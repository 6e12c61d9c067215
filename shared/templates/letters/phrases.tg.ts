import type { LetterPhrases } from './phrases.ts';
import { dotted, joinList, sentence } from './format.ts';

const months = ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/** Tajik, with the formulas of Tajik official letters; numerals take the singular («40 нафар», «12 рӯз»). */
export const tg: LetterPhrases = {
  reference: (number, date) => `№ ${number ?? '____________'} аз ${date ? dotted(date) : '____________'}`,
  inReplyTo: (number, date) => `Ба № ${number} аз ${dotted(date)}`,
  subject: {
    appeal: 'Дар бораи вайрон кардани ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон',
    'follow-up': 'Дар бораи ҷавоб нагирифтани муроҷиатҳо',
    'information-request': 'Дар бораи пешниҳоди маълумот',
  },
  opening: {
    appeal: 'Эҳтироми худро ба Шумо изҳор намуда, вобаста ба маълумоти воридшуда дар бораи вайрон кардани ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон ба Шумо муроҷиат менамоям.',
    'follow-up': 'Эҳтироми худро ба Шумо изҳор намуда, оид ба масъалаҳое, ки дар мактубҳои қаблии мо гузошта шуда буданд, бори дигар ба Шумо муроҷиат менамоям.',
    'information-request': 'Эҳтироми худро ба Шумо изҳор намуда, хоҳиш менамоям, ки дар бораи ҷараёни баррасии парвандаҳои зерин маълумот пешниҳод намоед.',
  },
  factsIntro: (count) => (count === 1 ? 'Ҳолатҳои зерин муқаррар карда шудаанд.' : `Сухан дар бораи ҳодисаҳои зерин (${count}) меравад.`),
  annexPointer: (count) => `Маълумот дар бораи ${count} ҳодиса дар замимаи ин мактуб оварда шудааст.`,
  when: (start, end, precision) => {
    if (precision === 'month') return `дар моҳи ${months[Number(start.slice(5, 7)) - 1]}и соли ${start.slice(0, 4)}`;
    if (precision === 'year') return `дар соли ${start.slice(0, 4)}`;
    const range = end && end !== start ? `аз ${dotted(start)} то ${dotted(end)}` : dotted(start);
    return precision === 'estimate' ? `тахминан ${range}` : range;
  },
  where: (place, country) => `${place} (${country})`,
  people: (count, characteristics) => `${count} нафар ҷабр дидаанд${characteristics.length ? `, аз ҷумла: ${characteristics.map((c) => c.toLowerCase()).join(', ')}` : ''}.`,
  victimsNamed: (names) => sentence(`Ҷабрдидагон: ${names.join(', ')}`),
  held: (n) => `Давомнокӣ — ${n} рӯз.`,
  violations: (labels) => `Хусусияти вайронкуниҳо: ${labels.map((l) => l.toLowerCase()).join(', ')}.`,
  methods: (labels) => `Усулҳои истифодашуда: ${labels.map((l) => l.toLowerCase()).join(', ')}.`,
  sources: (list) => `Манбаъҳо: ${list.join('; ')}.`,
  masked: (initial) => `шаҳрванд ${initial}.`,
  rightsEngaged: (instruments) => `Амалҳои зикршуда ба ҳуқуқҳое дахл доранд, ки бо ${joinList(instruments, 'ва')} кафолат дода шудаанд.`,
  requestsIntro: 'Бо назардошти гуфтаҳои боло хоҳиш менамоям:',
  requests: {
    appeal: (replyDays) => [
      'далелҳои зикршударо тафтиш намуда, ба онҳо баҳои дахлдори ҳуқуқӣ диҳед;',
      'барои барқарор кардани ҳуқуқҳои вайроншудаи шаҳрвандони Ҷумҳурии Тоҷикистон ва пешгирии чунин ҳолатҳо чораҳо андешед;',
      `дар бораи натиҷаҳои баррасӣ дар муддати ${replyDays} рӯз маълумот диҳед.`,
    ],
    'follow-up': (replyDays) => ['муроҷиатҳои қаблан фиристодашударо аз рӯи моҳият баррасӣ намоед;', `дар бораи чораҳои андешидашуда дар муддати ${replyDays} рӯз хабар диҳед.`],
    'information-request': (replyDays) => [`дар бораи ҳолати кунунии баррасии парвандаҳои зикршуда ва қарорҳои қабулшуда дар муддати ${replyDays} рӯз хабар диҳед.`],
  },
  followUpLetters: (count) => `То ҳол ба ${count} мактуб ҷавоб нарасидааст:`,
  followUpLetter: (number, date, waiting) => `№ ${number} аз ${dotted(date)} — ${waiting} рӯз бе ҷавоб`,
  followUpCases: 'Дар ин мактубҳо масъалаҳо оид ба ҳодисаҳои зерин гузошта шуда буданд, ки бе ҷавоб мондаанд:',
  informationCases: 'Хоҳиш менамоям, ки оид ба парвандаҳои зерин маълумот пешниҳод намоед:',
  closing: 'Бо эҳтиром,',
  annexMark: (count) => `Замима: рӯйхати ҳодисаҳо (${count}) дар 1 нусха.`,
  annexHeading: (number, date) => `Замима ба мактуби ${tg.reference(number, date)}`,
  annexTable: { n: '№', when: 'Сана', where: 'Ҷой', what: 'Чӣ рӯй дод', people: 'Ҷабрдидагон' },
  executor: (name, phone) => [`Иҷрокунанда: ${name}`, `Тел.: ${phone}`],
  countries: {
    KZ: 'Ҷумҳурии Қазоқистон', RU: 'Федератсияи Россия', UZ: 'Ҷумҳурии Ӯзбекистон', KG: 'Ҷумҳурии Қирғизистон', TM: 'Туркманистон',
    AF: 'Афғонистон', TJ: 'Ҷумҳурии Тоҷикистон', TR: 'Ҷумҳурии Туркия', AE: 'Аморатҳои Муттаҳидаи Араб', CN: 'Ҷумҳурии Мардумии Чин',
    BY: 'Ҷумҳурии Беларус', UA: 'Украина', DE: 'Олмон', US: 'ИМА', GB: 'Британияи Кабир', PL: 'Лаҳистон', LT: 'Литва', KR: 'Ҷумҳурии Корея',
  },
  articles: (numbers) => (numbers.length === 1 ? `моддаи ${numbers[0]}` : `моддаҳои ${numbers.join(', ')}`),
  instruments: {
    iccpr: 'Паймони байналмилалӣ дар бораи ҳуқуқҳои шаҳрвандӣ ва сиёсӣ',
    cat: 'Конвенсия зидди шиканҷа ва дигар намудҳои муомила ва ҷазои бераҳмона, ғайриинсонӣ ё таҳқиркунандаи шаъну шараф',
    icrmw: 'Конвенсияи байналмилалӣ оид ба ҳимояи ҳуқуқҳои ҳамаи муҳоҷирони меҳнатӣ ва аъзои оилаҳои онҳо',
    vccr: 'Конвенсияи Вена дар бораи муносибатҳои консулӣ',
    icerd: 'Конвенсияи байналмилалӣ дар бораи барҳам додани ҳамаи шаклҳои табъизи нажодӣ',
  },
};

import type { LetterPhrases } from './phrases.ts';
import { dotted, joinList, ruPlural, sentence } from './format.ts';

const monthsIn = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const days = (n: number) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`;

/** Russian, in the register of official letters (GOST R 7.0.97). */
export const ru: LetterPhrases = {
  reference: (number, date) => `№ ${number ?? '____________'} от ${date ? dotted(date) : '____________'}`,
  inReplyTo: (number, date) => `На № ${number} от ${dotted(date)}`,
  subject: {
    appeal: 'О нарушениях прав граждан Республики Таджикистан',
    'follow-up': 'О неполученных ответах на обращения',
    'information-request': 'О предоставлении информации',
  },
  opening: {
    appeal: 'Выражаю Вам своё уважение и обращаюсь к Вам в связи с поступившими сведениями о нарушении прав граждан Республики Таджикистан.',
    'follow-up': 'Выражаю Вам своё уважение и вновь обращаюсь к Вам по вопросам, поставленным в наших предыдущих письмах.',
    'information-request': 'Выражаю Вам своё уважение и обращаюсь к Вам с просьбой предоставить информацию о ходе рассмотрения следующих дел.',
  },
  factsIntro: (count) => (count === 1 ? 'Установлены следующие обстоятельства.' : `Речь идёт о следующих случаях (${count}).`),
  annexPointer: (count) => `Сведения о ${count} ${ruPlural(count, 'случае', 'случаях', 'случаях')} приводятся в приложении к настоящему письму.`,
  when: (start, end, precision) => {
    if (precision === 'month') return `в ${monthsIn[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)} г.`;
    if (precision === 'year') return `в ${start.slice(0, 4)} г.`;
    const range = end && end !== start ? `с ${dotted(start)} по ${dotted(end)}` : dotted(start);
    return precision === 'estimate' ? `ориентировочно ${range}` : range;
  },
  where: (place, country) => `${place} (${country})`,
  people: (count, characteristics) =>
    `Пострадали ${count} ${ruPlural(count, 'человек', 'человека', 'человек')}${characteristics.length ? `, в том числе: ${characteristics.map((c) => c.toLowerCase()).join(', ')}` : ''}.`,
  victimsNamed: (names) => sentence(`Пострадавшие: ${names.join(', ')}`),
  held: (n) => `Продолжительность — ${days(n)}.`,
  violations: (labels) => `Характер нарушений: ${labels.map((l) => l.toLowerCase()).join(', ')}.`,
  methods: (labels) => `Применённые методы: ${labels.map((l) => l.toLowerCase()).join(', ')}.`,
  sources: (list) => `Источники: ${list.join('; ')}.`,
  masked: (initial) => `гражданин(ка) ${initial}.`,
  rightsEngaged: (instruments) => `Указанные действия затрагивают права, гарантированные ${joinList(instruments, 'и')}.`,
  requestsIntro: 'На основании изложенного прошу:',
  requests: {
    appeal: (replyDays) => [
      'провести проверку по изложенным фактам и дать им надлежащую правовую оценку;',
      'принять меры по восстановлению нарушенных прав граждан Республики Таджикистан и недопущению подобных случаев;',
      `проинформировать меня о результатах рассмотрения в течение ${days(replyDays)}.`,
    ],
    'follow-up': (replyDays) => ['рассмотреть ранее направленные обращения по существу;', `сообщить о принятых мерах в течение ${days(replyDays)}.`],
    'information-request': (replyDays) => [`сообщить о текущем состоянии рассмотрения указанных дел и принятых решениях в течение ${days(replyDays)}.`],
  },
  followUpLetters: (count) => `До настоящего времени ответы на ${count} ${ruPlural(count, 'письмо', 'письма', 'писем')} не поступили:`,
  followUpLetter: (number, date, waiting) => `№ ${number} от ${dotted(date)} — без ответа ${days(waiting)}`,
  followUpCases: 'В этих письмах были поставлены вопросы по следующим случаям, которые остаются без ответа:',
  informationCases: 'Прошу предоставить сведения по следующим делам:',
  closing: 'С уважением,',
  annexMark: (count) => `Приложение: перечень случаев (${count}) в 1 экз.`,
  annexHeading: (number, date) => `Приложение к письму ${ru.reference(number, date)}`,
  annexTable: { n: '№', when: 'Дата', where: 'Место', what: 'Что произошло', people: 'Пострадали' },
  executor: (name, phone) => [`Исп.: ${name}`, `Тел.: ${phone}`],
  countries: {
    KZ: 'Республика Казахстан', RU: 'Российская Федерация', UZ: 'Республика Узбекистан', KG: 'Кыргызская Республика', TM: 'Туркменистан',
    AF: 'Афганистан', TJ: 'Республика Таджикистан', TR: 'Турецкая Республика', AE: 'Объединённые Арабские Эмираты', CN: 'Китайская Народная Республика',
    BY: 'Республика Беларусь', UA: 'Украина', DE: 'Германия', US: 'США', GB: 'Великобритания', PL: 'Польша', LT: 'Литва', KR: 'Республика Корея',
  },
  articles: (numbers) => (numbers.length === 1 ? `ст. ${numbers[0]}` : `ст. ${numbers.join(', ')}`),
  instruments: {
    iccpr: 'Международным пактом о гражданских и политических правах',
    cat: 'Конвенцией против пыток и других жестоких, бесчеловечных или унижающих достоинство видов обращения и наказания',
    icrmw: 'Международной конвенцией о защите прав всех трудящихся-мигрантов и членов их семей',
    vccr: 'Венской конвенцией о консульских сношениях',
    icerd: 'Международной конвенцией о ликвидации всех форм расовой дискриминации',
  },
};

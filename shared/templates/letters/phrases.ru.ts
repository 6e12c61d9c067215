import type { Gender } from '../../domain/person-name.ts';
import type { ResponseCode } from './input.ts';
import type { LetterPhrases } from './phrases.ts';
import { BLANK, dotted, joinList, lowerFirst, ruPlural, sentence, upperFirst } from './format.ts';

const monthsIn = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
/** «5 дней», «1 день», «21 день», «22 дня» — how long (accusative). */
const days = (n: number) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`;
/** «в течение 1 дня», «21 дня», «30 дней» — the genitive the preposition governs. */
const daysGenitive = (n: number) => `${n} ${ruPlural(n, 'дня', 'дней', 'дней')}`;
const people = (n: number) => `${n} ${ruPlural(n, 'человек', 'человека', 'человек')}`;
const lower = (labels: readonly string[]) => labels.map(lowerFirst);
/** «письмо от 15.01.2024 № 01-12/100» (GOST R 7.0.97: date, then number). */
const letterRef = (number: string, date: string) => `письмо от ${dotted(date)} № ${number}`;

/** One person's characteristic by gender; the unknown gender takes the generic masculine. */
const traits: Record<string, Partial<Record<Gender, string>> & { male: string }> = {
  women: { male: 'женщина' },
  children: { male: 'несовершеннолетний', female: 'несовершеннолетняя' },
  elderly: { male: 'пожилой человек' },
  students: { male: 'студент', female: 'студентка' },
  'public-sector-employees': { male: 'работник бюджетной сферы', female: 'работница бюджетной сферы' },
  'migrant-workers': { male: 'трудовой мигрант', female: 'трудовая мигрантка' },
  'persons-with-disabilities': { male: 'человек с инвалидностью' },
};

/** What a reply said, after «В Вашем письме … ». */
const said: Record<ResponseCode, string> = {
  'no-response': 'ответ по существу поставленных вопросов не дан',
  'request-for-information': 'запрошены дополнительные сведения',
  'token-response': 'подтверждено получение обращения без ответа по существу',
  'pledged-action': 'сообщено о намерении принять меры',
  'action-taken': 'сообщено о принятых мерах',
  denial: 'сообщено об отказе в принятии мер',
};
const answering = (reply: { answers: { number: string; date: string } | null }) => (reply.answers ? ` (ответ на наше ${letterRef(reply.answers.number, reply.answers.date)})` : '');

/** Russian, in the register of official letters (GOST R 7.0.97-2016). */
export const ru: LetterPhrases = {
  reference: (number, date) => `${date ? dotted(date) : BLANK} № ${number ?? BLANK}`,
  inReplyTo: (number, date) => `На № ${number} от ${dotted(date)}`,
  subject: {
    appeal: 'О нарушениях прав граждан Республики Таджикистан',
    'follow-up': 'О неполученных ответах на обращения',
    'information-request': 'О предоставлении информации',
  },
  opening: {
    appeal: 'Выражаю Вам своё уважение и обращаюсь к Вам по вопросу защиты прав граждан Республики Таджикистан.',
    'follow-up': 'Выражаю Вам своё уважение и вновь обращаюсь к Вам по вопросам, поставленным в наших предыдущих письмах.',
  },
  factsIntro: 'Поступила информация о следующем:',
  annexPointer: (count) =>
    `Поступила информация о ${count} ${ruPlural(count, 'случае', 'случаях', 'случаях')} нарушения прав граждан Республики Таджикистан; сведения о них приводятся в приложении к настоящему письму.`,
  when: (start, end, precision) => {
    if (precision === 'month') return `в ${monthsIn[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)} г.`;
    if (precision === 'year') return `в ${start.slice(0, 4)} г.`;
    const range = end && end !== start ? `с ${dotted(start)} по ${dotted(end)}` : dotted(start);
    return precision === 'estimate' ? `ориентировочно ${range}` : range;
  },
  where: (place, country) => `${place} (${country})`,
  caseLine: (when, where, title) => `${upperFirst([when, where].filter(Boolean).join(', '))}${when || where ? ' — ' : ''}${title}`,
  people: ({ count, single, all, some, named }) => {
    if (single) {
      const traitText = single.traits.length ? `, ${single.traits.join(', ')}` : '';
      if (single.name && single.gender) return sentence(`${single.gender === 'female' ? 'Пострадала' : 'Пострадал'} ${single.name}${traitText}`);
      if (single.name && single.masked) return sentence(`Пострадало ${single.name}${traitText}`);
      return sentence(`Пострадал 1 человек${single.name ? ` — ${single.name}` : ''}${traitText}`);
    }
    const verb = ruPlural(count, 'Пострадал', 'Пострадали', 'Пострадали');
    const who = `${all.length ? ` — ${joinList(lower(all), 'и')}` : ''}${some.length ? `, в том числе ${joinList(lower(some), 'и')}` : ''}`;
    return [`${verb} ${people(count)}${who}.`, named.length ? sentence(`Среди пострадавших — ${joinList(named, 'и')}`) : ''].filter(Boolean).join(' ');
  },
  peopleShort: (count, all, some) => `${people(count)}${all.length ? ` — ${joinList(lower(all), 'и')}` : ''}${some.length ? `, в том числе ${joinList(lower(some), 'и')}` : ''}`,
  trait: (code, gender) => {
    const forms = traits[code];
    return forms && (forms[gender ?? 'male'] ?? forms.male);
  },
  otherTrait: (label, gender) => `${gender === 'female' ? 'относящаяся' : 'относящийся'} к категории «${lowerFirst(label)}»`,
  held: (n, who, detention) => {
    if (!detention) return `События продолжались ${days(n)}.`;
    if (who === 'unknown') return `Удержание продолжалось ${days(n)}.`;
    return `${who === 'many' ? 'Их' : who === 'female' ? 'Её' : 'Его'} удерживали ${days(n)}.`;
  },
  violations: (labels) => `Эти действия содержат признаки следующих нарушений: ${joinList(lower(labels), 'и')}.`,
  methods: (labels) => `Сообщается о применении следующих методов: ${joinList(lower(labels), 'и')}.`,
  sources: (list) => sentence(`${list.length === 1 ? 'Источник сведений' : 'Источники сведений'}: ${list.join('; ')}`),
  masked: (initial, gender) => `${gender === 'male' ? 'гражданин' : gender === 'female' ? 'гражданка' : 'лицо'} ${initial}.`,
  requestsIntro: 'На основании изложенного прошу:',
  requests: {
    appeal: (replyDays) => [
      'провести проверку по изложенным фактам и дать им надлежащую правовую оценку',
      'принять меры по восстановлению нарушенных прав граждан Республики Таджикистан и недопущению подобных случаев',
      `проинформировать меня о результатах рассмотрения в течение ${daysGenitive(replyDays)}`,
    ],
    'follow-up': (replyDays) => ['рассмотреть ранее направленные обращения по существу', `сообщить о принятых мерах в течение ${daysGenitive(replyDays)}`],
  },
  informationRequest: (count, replyDays) =>
    count === 1
      ? `Выражаю Вам своё уважение и прошу в течение ${daysGenitive(replyDays)} сообщить о ходе рассмотрения следующего случая, затрагивающего права граждан Республики Таджикистан, и о принятых по нему решениях:`
      : `Выражаю Вам своё уважение и прошу в течение ${daysGenitive(replyDays)} сообщить о ходе рассмотрения следующих случаев, затрагивающих права граждан Республики Таджикистан, и о принятых по ним решениях:`,
  unansweredOne: (number, date, waiting) => `Наше ${letterRef(number, date)} остаётся без ответа ${days(waiting)}.`,
  unansweredIntro: (count) => `До настоящего времени не получены ответы на ${count} ${ruPlural(count, 'наше письмо', 'наших письма', 'наших писем')}:`,
  unansweredItem: (number, date, waiting) => `${letterRef(number, date)} — без ответа ${days(waiting)}`,
  replyOne: (reply) =>
    reply.response ? `В Вашем письме от ${dotted(reply.date)} № ${reply.number}${answering(reply)} ${said[reply.response]}.` : `Получено Ваше ${letterRef(reply.number, reply.date)}${answering(reply)}.`,
  repliesIntro: 'От Вас получены следующие ответы:',
  replyItem: (reply) => `${letterRef(reply.number, reply.date)}${answering(reply)}${reply.response ? ` — ${said[reply.response]}` : ''}`,
  casesIntro: 'Без ответа остаются вопросы по следующим случаям:',
  closing: 'С уважением,',
  annexMark: (sheets) => `Приложение: на ${sheets ?? '__'} л. в 1 экз.`,
  annexHeading: (number, date) => `Приложение\nк письму\nот ${ru.reference(number, date)}`,
  annexTable: { n: '№', when: 'Дата', where: 'Место', what: 'Что произошло', people: 'Пострадали' },
  executor: (name, phone) => [`Исп.: ${name}`, `Тел.: ${phone}`],
  countries: {
    KZ: 'Республика Казахстан', RU: 'Российская Федерация', UZ: 'Республика Узбекистан', KG: 'Кыргызская Республика', TM: 'Туркменистан',
    AF: 'Афганистан', TJ: 'Республика Таджикистан', TR: 'Турецкая Республика', AE: 'Объединённые Арабские Эмираты', CN: 'Китайская Народная Республика',
    BY: 'Республика Беларусь', UA: 'Украина', DE: 'Германия', US: 'США', GB: 'Великобритания', PL: 'Польша', LT: 'Литва', KR: 'Республика Корея',
  },
};

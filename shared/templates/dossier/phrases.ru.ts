import { dotted, ruPlural } from '../letters/format.ts';
import { ru as letter } from '../letters/phrases.ru.ts';
import { sizeIn } from './format.ts';
import type { DossierPhrases } from './phrases.ts';

const monthsFrom = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
/** «с марта 2024 г.»: the genitive after «с». */
const since = (iso: string) => `с ${monthsFrom[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)} г.`;
const days = (n: number) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`;
const letters = (n: number) => `${n} ${ruPlural(n, 'письмо', 'письма', 'писем')}`;

/** Russian, in the register of official documents. */
export const ru: DossierPhrases = {
  letter,
  date: dotted,
  shortDate: dotted,
  month: (month) => `${month.slice(5, 7)}.${month.slice(0, 4)}`,
  sections: {
    contents: 'Содержание',
    summary: 'Сводные данные',
    ledger: 'Журнал переписки',
    incidents: 'Сведения о случаях',
    evidence: 'Приложение. Материалы к случаям',
    letters: 'Приложение. Направленные письма',
  },
  cover: {
    meeting: (withWhom) => withWhom,
    place: (place) => `Место проведения: ${place}`,
    date: (date) => `Дата встречи: ${dotted(date)}`,
    edition: (edition, date) => `Издание № ${edition} от ${dotted(date)}`,
    draft: (date) => `Проект по состоянию на ${dotted(date)}`,
  },
  notes: { foreword: 'Вступительное слово', talkingPoints: 'Тезисы для беседы', requests: 'Просьбы к встрече' },
  figures: {
    title: 'Основные показатели',
    header: ['Показатель', 'Значение'],
    labels: {
      incidents: 'Случаи нарушений',
      people: 'Пострадавшие, всего',
      individuals: 'в том числе отдельные лица',
      women: 'из них женщины',
      children: 'из них дети',
      minors: 'из них несовершеннолетние (по дате рождения)',
      elderly: 'из них пожилые',
      inGroups: 'в том числе в составе групп',
      daysHeld: 'Дней удержания, всего',
      places: 'Места, где произошли случаи',
      sent: 'Направлено писем',
      answered: 'Получены ответы',
      unanswered: 'Без ответа',
      overdue: 'в том числе с истёкшим сроком ответа',
    },
    groupsWith: { women: 'в группах, где есть женщины', children: 'в группах, где есть дети', elderly: 'в группах, где есть пожилые' },
    groupCount: (people, groups) => `${people} ${ruPlural(people, 'человек', 'человека', 'человек')} в ${groups} ${ruPlural(groups, 'группе', 'группах', 'группах')}`,
  },
  charts: {
    byViolation: 'Случаи по видам нарушений',
    byMonth: 'Случаи по месяцам',
    letters: (institution) => `Письма и ответы по месяцам: ${institution}`,
    incidents: 'Случаи',
    sent: 'Направлено писем',
    answered: 'Получено ответов',
    month: 'Месяц',
    count: 'Число случаев',
    type: 'Вид нарушения',
    letterCount: 'Число писем',
  },
  ledger: {
    link: (number, date) => `от ${dotted(date)} № ${number}`,
    asOf: (date) => `Сведения по состоянию на ${dotted(date)}.`,
    sentAnswered: (sent, answered, from) => `${from ? `${since(from).replace(/^с/, 'С')} направлено` : 'Направлено'} ${letters(sent)}, ответ получен на ${answered}.`,
    unanswered: (unanswered, overdue) => `Без ответа — ${unanswered}, в том числе с истёкшим сроком ответа — ${overdue}.`,
    oldest: (number, date, waiting) => `Самое давнее письмо без ответа — от ${dotted(date)} № ${number}: ожидает ответа ${days(waiting)}.`,
    median: (n) => (n === null ? 'Ответов пока нет, срок ответа не определяется.' : `Срок ответа (медиана) — ${days(Math.round(n))}.`),
    none: 'Писем в журнале нет.',
    header: ['Номер', 'Дата', 'Содержание', 'Состояние', 'Дней без ответа', 'Ответ / на письмо'],
    direction: { outgoing: 'исх.', incoming: 'вх.' },
    state: { answered: 'ответ получен', overdue: 'срок ответа истёк', waiting: 'ожидается ответ', annulled: 'аннулировано', received: 'получено' },
  },
  sheet: {
    header: ['Показатель', 'Сведения'],
    labels: {
      when: 'Дата',
      where: 'Место',
      what: 'Что произошло',
      people: 'Пострадавшие',
      duration: 'Продолжительность',
      violations: 'Признаки нарушений',
      methods: 'Методы',
      sources: 'Источники сведений',
      status: 'Состояние',
      letters: 'Переписка',
      evidence: 'Материалы',
    },
    status: { documented: 'задокументирован, в переписке не поднимался', raised: 'поставлен перед стороной, ответа нет', answered: 'получен ответ', closed: 'закрыт' },
    reliability: { confirmed: 'достоверность подтверждена', probable: 'вероятно достоверен', unverified: 'не проверен' },
    letter: (direction, number, date) => `${direction === 'outgoing' ? 'Наше письмо' : 'Письмо стороны'} от ${dotted(date)} № ${number}`,
    noEvidence: 'Материалов нет.',
    evidenceHeader: ['Файл', 'Тип и размер', 'SHA-256', 'Поступление', 'Состояние'],
    custody: (addedBy, date) => `внесён ${dotted(date)}, ${addedBy}`,
    damaged: 'ПОВРЕЖДЁН',
    unshown: { 'too-large': 'изображение слишком велико', unreadable: 'изображение не читается', mislabeled: 'формат не совпадает с указанным' },
  },
  evidence: {
    caption: (incident) => `К случаю: ${incident}`,
    sha: (sha256) => `SHA-256: ${sha256}`,
    damaged: 'ФАЙЛ ПОВРЕЖДЁН: его содержимое не совпадает с сохранённой контрольной суммой SHA-256.',
    listed: 'Прочие файлы',
    none: 'Материалов к выбранным случаям нет.',
  },
  size: (bytes) => sizeIn(bytes, ['байт', 'КБ', 'МБ', 'ГБ'], ','),
  lettersNone: 'Зарегистрированных писем, составленных в программе, нет.',
};

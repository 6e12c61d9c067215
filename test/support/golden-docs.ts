import type { Block, Doc, DocMeta } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { pngImage } from './images.ts';

/**
 * The small Docs of the golden tests: one per block kind (each drawn in every way the kind allows) and one whole
 * letter per language. Fixed text, a fixed date and a generated emblem, so every writer's output is the same on
 * every clean clone. `satisfies Record<Block['kind'], …>` makes a new block kind a type error here until it has
 * its case.
 */
const meta = (language: Language, title: string): DocMeta => ({ language, title, number: '01-12/7', date: '2025-01-15', classification: null });
const emblem = { mediaType: 'image/png' as const, base64: pngImage(120, 120, [30, 80, 160]).toString('base64'), widthMm: 18 };
const long =
  'Граждане Республики Таджикистан удерживались на пункте пропуска без пищи и воды более суток; просим сообщить о принятых мерах и о том, кто несёт за это ответственность.';

const perKind = {
  letterhead: [
    { kind: 'letterhead', emblem, lines: ['Уполномоченный по правам человека в Республике Таджикистан', '734025, г. Душанбе, проспект Рудаки, 19', 'Тел.: +992 37 221-70-88'] },
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Бланк без герба, затем с гербом выше своей ширины:' }] },
    { kind: 'letterhead', emblem: null, lines: ['Бланк без герба'] },
    { kind: 'letterhead', emblem: { mediaType: 'image/png', base64: pngImage(60, 90, [160, 30, 30]).toString('base64'), widthMm: 12 }, lines: ['Герб 2 : 3'] },
  ],
  addressee: [{ kind: 'addressee', lines: ['Уполномоченному по правам человека', 'в Республике Казахстан', 'Ивановой Т. Н.'] }],
  paragraph: [
    { kind: 'paragraph', style: 'reference', runs: [{ text: '№ 01-12/7 от 15.01.2025' }] },
    { kind: 'paragraph', style: 'subject', runs: [{ text: 'О задержании граждан на КПП «Фотех»' }] },
    { kind: 'paragraph', style: 'salutation', runs: [{ text: 'Уважаемая Татьяна Николаевна!' }] },
    { kind: 'paragraph', style: 'body', runs: [{ text: long }] },
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Обычный, ' }, { text: 'жирный', bold: true }, { text: ', ' }, { text: 'курсив', italic: true }, { text: ' и ' }, { text: 'оба', bold: true, italic: true }, { text: ';\nвторая строка после переноса.' }] },
    { kind: 'paragraph', style: 'body', runs: [] },
    { kind: 'paragraph', style: 'closing', runs: [{ text: 'С уважением,' }] },
    { kind: 'paragraph', style: 'annex', runs: [{ text: 'Приложение: перечень случаев (2) в 1 экз.' }] },
    { kind: 'paragraph', style: 'note', runs: [{ text: 'Примечание мелким шрифтом.' }] },
    { kind: 'paragraph', style: 'annex-heading', runs: [{ text: 'Приложение к письму Уполномоченного по правам человека в Республике Таджикистан от 15.01.2025 № 01-12/7' }] },
  ],
  heading: [
    { kind: 'heading', level: 1, text: 'Приложение к письму № 01-12/7 от 15.01.2025' },
    { kind: 'heading', level: 2, text: 'Перечень случаев' },
  ],
  list: [
    { kind: 'list', ordered: true, items: [[{ text: 'Первый пункт.' }], [{ text: long }], [{ text: 'Третий: ' }, { text: 'важно', bold: true }]] },
    { kind: 'list', ordered: false, items: [[{ text: 'Маркер один.' }], [{ text: 'Маркер два.' }]] },
    { kind: 'list', ordered: true, marker: 'paren', items: [[{ text: 'сообщить о принятых мерах;' }], [{ text: 'принять меры по недопущению подобного впредь.' }]] },
  ],
  table: [
    {
      kind: 'table',
      header: ['№', 'Что произошло', 'Пострадали'],
      widths: [1, 4, 2],
      rows: [
        ['1', 'Задержание граждан на КПП «Фотех»', '41'],
        ['2', long, ''],
        ['3'],
      ],
    },
  ],
  signature: [{ kind: 'signature', position: ['Уполномоченный по правам человека', 'в Республике Таджикистан'], name: 'У. Ш. Салимзода' }],
  executor: [
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Последний абзац письма.' }] },
    { kind: 'executor', lines: ['Исп.: Д. Каримова', 'Тел.: +992 37 221-70-90'] },
  ],
  pageBreak: [
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Первая страница.' }] },
    { kind: 'pageBreak' },
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Вторая страница: номер 2 стоит вверху.' }] },
  ],
  key: [
    { kind: 'paragraph', style: 'subject', runs: [{ text: 'Ключ восстановления' }] },
    { kind: 'key', lines: ['ABCD-EFGH-JKMN-PQRS', 'TVWX-YZ23-4567-89AB'] },
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Текст после ключа.' }] },
  ],
  contents: [
    { kind: 'contents', title: 'Содержание' },
    { kind: 'heading', level: 1, text: 'Сводка' },
    { kind: 'paragraph', style: 'body', runs: [{ text: 'Текст сводки.' }] },
    { kind: 'heading', level: 2, text: 'Письма по месяцам' },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'Случаи' },
  ],
  chart: [
    { kind: 'chart', chart: 'bar', title: 'Случаи по видам нарушений', x: ['Задержание', 'Отказ в помощи', 'Депортация'], series: [{ name: 'Случаи', values: [12, 5, 3] }], xTitle: 'Вид нарушения', yTitle: 'Случаи' },
    { kind: 'chart', chart: 'line', title: 'Случаи по месяцам', x: ['2024-01', '2024-02', '2024-03'], series: [{ name: 'Случаи', values: [2, 7, 4] }], xTitle: 'Месяц', yTitle: 'Случаи' },
    {
      kind: 'chart',
      chart: 'grouped-bar',
      title: 'Письма: отправлено и получено ответов',
      x: ['2024-01', '2024-02'],
      series: [
        { name: 'Отправлено', values: [3, 8] },
        { name: 'Ответы', values: [1, 0] },
      ],
      xTitle: 'Месяц',
      yTitle: 'Письма',
    },
  ],
  figure: [{ kind: 'figure', image: { mediaType: 'image/png', base64: pngImage(160, 90, [90, 120, 60]).toString('base64'), widthMm: 80 }, alt: 'Фото КПП «Фотех»', caption: ['photo-1.png — фото КПП «Фотех»', 'SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'] }],
} satisfies Record<Block['kind'], Block[]>;

interface LetterWords {
  office: string[];
  addressee: string[];
  reference: string;
  subject: string;
  salutation: string;
  body: string[];
  items: string[];
  annexHeading: string;
  header: string[];
  rows: string[][];
  closing: string;
  annex: string;
  position: string[];
  name: string;
  executor: string[];
}

const words: Record<Language, LetterWords> = {
  ru: {
    office: ['Уполномоченный по правам человека в Республике Таджикистан', '734025, г. Душанбе, проспект Рудаки, 19'],
    addressee: ['Уполномоченному по правам человека', 'в Республике Казахстан', 'Ивановой Т.Н.'],
    reference: '15.01.2025 № 01-12/7',
    subject: 'О задержании граждан на КПП «Фотех»',
    salutation: 'Уважаемая Татьяна Николаевна!',
    body: ['Обращаюсь к Вам в связи со следующими случаями, затрагивающими права граждан Республики Таджикистан:', 'Прошу сообщить о принятых мерах в течение 30 дней.'],
    items: ['15.03.2024 — Задержание граждан на КПП «Фотех».', '02.04.2024 — Отказ в медицинской помощи.'],
    annexHeading: 'Перечень случаев',
    header: ['№', 'Дата', 'Что произошло'],
    rows: [['1', '15.03.2024', 'Задержание граждан на КПП «Фотех»'], ['2', '02.04.2024', 'Отказ в медицинской помощи']],
    closing: 'С уважением,',
    annex: 'Приложение: на 1 л. в 1 экз.',
    position: ['Уполномоченный по правам человека', 'в Республике Таджикистан'],
    name: 'У. Ш. Салимзода',
    executor: ['Исп.: Д. Каримова', 'Тел.: +992 37 221-70-90'],
  },
  tg: {
    office: ['Ваколати ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон', '734025, ш. Душанбе, хиёбони Рӯдакӣ, 19'],
    addressee: ['Ба Ваколатдор оид ба ҳуқуқи инсон', 'дар Ҷумҳурии Қазоқистон', 'хонум Т.Н. Иванова'],
    reference: '15.01.2025 № 01-12/7',
    subject: 'Дар бораи боздошти шаҳрвандон дар гузаргоҳи «Фотех»',
    salutation: 'Муҳтарама Татьяна Николаевна!',
    body: ['Ба Шумо бо ҳолатҳои зерин, ки ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистонро дахл доранд, муроҷиат менамоям:', 'Хоҳиш менамоям, ки дар давоми 30 рӯз дар бораи чораҳои андешидашуда хабар диҳед.'],
    items: ['15.03.2024 — Боздошти шаҳрвандон дар гузаргоҳи «Фотех».', '02.04.2024 — Рад кардани ёрии тиббӣ.'],
    annexHeading: 'Рӯйхати ҳолатҳо',
    header: ['№', 'Сана', 'Чӣ рӯй дод'],
    rows: [['1', '15.03.2024', 'Боздошти шаҳрвандон дар гузаргоҳи «Фотех»'], ['2', '02.04.2024', 'Рад кардани ёрии тиббӣ']],
    closing: 'Бо эҳтиром,',
    annex: 'Замима: дар 1 варақ, дар 1 нусха.',
    position: ['Ваколати ҳуқуқи инсон', 'дар Ҷумҳурии Тоҷикистон'],
    name: 'У. Ш. Салимзода',
    executor: ['Иҷрокунанда: Д. Каримова', 'Тел.: +992 37 221-70-90'],
  },
  en: {
    office: ['Human Rights Commissioner of the Republic of Tajikistan', '19 Rudaki Avenue, Dushanbe 734025'],
    addressee: ['Human Rights Commissioner', 'of the Republic of Kazakhstan', 'Ms Tatiana Ivanova'],
    reference: 'No. 01-12/7 of 15 January 2025',
    subject: 'On the detention of citizens at the Fotekh checkpoint',
    salutation: 'Dear Ms Ivanova,',
    body: ['I am writing to you about the following cases affecting the rights of citizens of the Republic of Tajikistan:', 'Please inform us of the measures taken within 30 days.'],
    items: ['15 March 2024 — Detention of citizens at the Fotekh checkpoint.', '2 April 2024 — Refusal of medical care.'],
    annexHeading: 'List of cases',
    header: ['No.', 'Date', 'What happened'],
    rows: [['1', '15.03.2024', 'Detention of citizens at the Fotekh checkpoint'], ['2', '02.04.2024', 'Refusal of medical care']],
    closing: 'Yours sincerely,',
    annex: 'Annex: 1 sheet, 1 copy.',
    position: ['Human Rights Commissioner', 'of the Republic of Tajikistan'],
    name: 'U. Sh. Salimzoda',
    executor: ['Prepared by: D. Karimova', 'Tel.: +992 37 221-70-90'],
  },
};

/** A whole letter in one language: every block kind in the order a letter uses them, an annex after a page break. */
function letter(language: Language): Doc {
  const w = words[language];
  return {
    meta: meta(language, w.subject),
    blocks: [
      { kind: 'letterhead', emblem, lines: w.office },
      { kind: 'paragraph', style: 'reference', runs: [{ text: w.reference }] },
      { kind: 'addressee', lines: w.addressee },
      { kind: 'paragraph', style: 'subject', runs: [{ text: w.subject }] },
      { kind: 'paragraph', style: 'salutation', runs: [{ text: w.salutation }] },
      { kind: 'paragraph', style: 'body', runs: [{ text: w.body[0]! }] },
      { kind: 'list', ordered: true, items: w.items.map((item) => [{ text: item }]) },
      { kind: 'paragraph', style: 'body', runs: [{ text: w.body[1]! }] },
      { kind: 'paragraph', style: 'annex', runs: [{ text: w.annex }] },
      { kind: 'signature', position: w.position, name: w.name },
      { kind: 'executor', lines: w.executor },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: w.annexHeading },
      { kind: 'table', header: w.header, widths: [1, 3, 8], rows: w.rows },
    ],
  };
}

export const goldenDocs: Record<string, Doc> = {
  ...Object.fromEntries(Object.entries(perKind).map(([kind, blocks]) => [`kind-${kind}`, { meta: meta('ru', `Block kind: ${kind}`), blocks: blocks as Block[] }])),
  'letter-ru': letter('ru'),
  'letter-tg': letter('tg'),
  'letter-en': letter('en'),
};

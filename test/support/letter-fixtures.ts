import type { Doc } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import type { IncidentForLetter, LetterInput, LetterKind, LetterParties } from '../../shared/templates/letters/input.ts';
import { buildLetter } from '../../shared/templates/letters/letter.ts';

/**
 * Letters of every kind in every language, built with the real templates on realistic inputs in the letter's own
 * language, for the typesetting tests (LibreOffice page checks, PNGs for review). `lengthened` adds sentences to
 * the facts until the signature is pushed to the next page — the place where keep-together rules decide.
 */
export type FixtureKind = LetterKind | 'appeal-annex';
export const fixtureKinds: readonly FixtureKind[] = ['appeal', 'follow-up', 'information-request', 'appeal-annex'];

interface Words {
  parties: LetterParties;
  title: (n: number) => string;
  description: string;
  sentence: string;
  place: string;
  violations: string[];
  group: string;
  characteristics: string[];
  source: string;
  subject: string;
}

const words: Record<Language, Words> = {
  ru: {
    parties: {
      office: { name: 'Уполномоченный по правам человека в Республике Таджикистан', addressLines: ['734025, г. Душанбе, проспект Рудаки, 19', 'Тел.: +992 37 221-70-88'], emblem: null },
      counterpart: { institution: 'Уполномоченный по правам человека в Российской Федерации', addresseeLines: ['Уполномоченному по правам человека', 'в Российской Федерации', 'Москальковой Т.Н.'], salutation: 'Уважаемая Татьяна Николаевна!', country: 'RU', replyDays: 30 },
      signatory: { position: 'Уполномоченный по правам человека в Республике Таджикистан', name: 'У.Ш. Салимзода' },
      executor: { name: 'Д. Каримова', phone: '+992 37 221-70-90' },
    },
    title: (n) => `Задержание трудовых мигрантов в аэропорту Внуково № ${n}`,
    description: 'Граждане Республики Таджикистан, прибывшие рейсом из Душанбе, были задержаны сотрудниками пограничного контроля и удерживались в транзитной зоне без объяснения причин.',
    sentence: 'По словам заявителей, им не предоставили переводчика, а доступ к консульскому должностному лицу был ограничен на протяжении всего времени задержания.',
    place: 'Аэропорт Внуково, г. Москва',
    violations: ['Длительное задержание на границе', 'Лишение пищи или воды'],
    group: 'Трудовые мигранты',
    characteristics: ['Женщины', 'Дети'],
    source: 'Обращение родственников',
    subject: 'О задержании граждан в аэропорту Внуково',
  },
  tg: {
    parties: {
      office: { name: 'Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон', addressLines: ['734025, ш. Душанбе, хиёбони Рӯдакӣ, 19', 'Тел.: +992 37 221-70-88'], emblem: null },
      counterpart: { institution: 'Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия', addresseeLines: ['Ба Ваколатдор оид ба ҳуқуқи инсон', 'дар Федератсияи Россия', 'хонум Т.Н. Москалкова'], salutation: 'Муҳтарама Татяна Николаевна!', country: 'RU', replyDays: 30 },
      signatory: { position: 'Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон', name: 'У.Ш. Салимзода' },
      executor: { name: 'Д. Каримова', phone: '+992 37 221-70-90' },
    },
    title: (n) => `Боздошти муҳоҷирони меҳнатӣ дар фурудгоҳи Внуково № ${n}`,
    description: 'Шаҳрвандони Ҷумҳурии Тоҷикистон, ки бо ҳавопаймо аз Душанбе омада буданд, аз ҷониби кормандони назорати сарҳадӣ боздошт шуда, бе шарҳи сабабҳо дар минтақаи транзитӣ нигоҳ дошта шуданд.',
    sentence: 'Ба гуфтаи аризадиҳандагон, ба онҳо тарҷумон дода нашуд ва дастрасӣ ба шахси мансабдори консулӣ дар тамоми муддати боздошт маҳдуд буд.',
    place: 'Фурудгоҳи Внуково, ш. Маскав',
    violations: ['Боздошти тӯлонӣ дар сарҳад', 'Маҳрум кардан аз ғизо ё об'],
    group: 'Муҳоҷирони меҳнатӣ',
    characteristics: ['Занон', 'Кӯдакон'],
    source: 'Муроҷиати хешовандон',
    subject: 'Дар бораи боздошти шаҳрвандон дар фурудгоҳи Внуково',
  },
  en: {
    parties: {
      office: { name: 'Human Rights Commissioner of the Republic of Tajikistan', addressLines: ['19 Rudaki Avenue, Dushanbe 734025', 'Tel.: +992 37 221-70-88'], emblem: null },
      counterpart: { institution: 'High Commissioner for Human Rights in the Russian Federation', addresseeLines: ['High Commissioner for Human Rights', 'in the Russian Federation', 'Ms T.N. Moskalkova'], salutation: 'Dear Ms Moskalkova,', country: 'RU', replyDays: 30 },
      signatory: { position: 'Human Rights Commissioner of the Republic of Tajikistan', name: 'U.Sh. Salimzoda' },
      executor: { name: 'D. Karimova', phone: '+992 37 221-70-90' },
    },
    title: (n) => `Detention of migrant workers at Vnukovo Airport No. ${n}`,
    description: 'Citizens of the Republic of Tajikistan arriving on a flight from Dushanbe were detained by border control officers and held in the transit area without any explanation of the reasons.',
    sentence: 'According to the applicants, they were not provided with an interpreter, and access to a consular officer was restricted throughout the detention.',
    place: 'Vnukovo Airport, Moscow',
    violations: ['Prolonged detention at the border', 'Deprivation of food or water'],
    group: 'Migrant workers',
    characteristics: ['Women', 'Children'],
    source: 'Complaint of relatives',
    subject: 'On the detention of citizens at Vnukovo Airport',
  },
};

function incident(language: Language, n: number, extraSentences: number): IncidentForLetter {
  const w = words[language];
  return {
    id: `in-${n}`,
    title: w.title(n),
    description: [w.description, ...Array.from({ length: extraSentences }, () => w.sentence)].join(' '),
    startDate: `2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}`,
    endDate: null,
    datePrecision: 'day',
    place: { name: w.place, country: 'RU' },
    violationCodes: ['prolonged-border-detention', 'deprivation-of-food-water'],
    violations: w.violations,
    methods: [],
    victims: [{ kind: 'group', name: w.group, count: 12, characteristics: w.characteristics, withheld: true }],
    sources: [{ type: w.source, reference: 'https://ombudsman.tj/cases/2024/detention-vnukovo', date: null }],
    peopleAffected: 12,
    durationDays: 2,
  };
}

/**
 * A letter of `kind` in `language`, made longer by `extra`: sentences in the first incident's facts (an appeal),
 * more cases (an information request, a follow-up).
 */
export function fixtureInput(kind: FixtureKind, language: Language, extra = 0): LetterInput {
  const w = words[language];
  const count = kind === 'appeal-annex' ? 7 : kind === 'appeal' ? 2 : 2 + extra;
  const incidents = Array.from({ length: count }, (_, i) => incident(language, i + 1, i === 0 && kind === 'appeal' ? extra : 0));
  const cases = incidents.map(({ id, title, startDate, endDate, datePrecision, place }) => ({ id, title, startDate, endDate, datePrecision, place }));
  const followUp = kind === 'follow-up';
  return {
    ...w.parties,
    kind: kind === 'appeal-annex' ? 'appeal' : kind,
    language,
    incidents: followUp ? incidents.slice(0, 1) : incidents,
    unanswered: followUp ? [{ number: '01-12/100', date: '2024-01-15', subject: w.subject, daysWaiting: 361, incidents: cases }, { number: '01-12/140', date: '2024-03-02', subject: w.subject, daysWaiting: 314, incidents: cases.slice(0, 1) }] : [],
    replies: followUp ? [{ number: '12-3/881', date: '2024-02-20', response: null, answers: { number: '01-12/100', date: '2024-01-15' } }] : [],
    inReplyTo: null,
    number: '01-12/7',
    date: '2025-01-15',
    revealWithheld: false,
  };
}

export const fixtureLetter = (kind: FixtureKind, language: Language, extra = 0): Doc => buildLetter(fixtureInput(kind, language, extra));

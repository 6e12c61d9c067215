import type { IncidentForLetter, LetterInput } from '../../shared/templates/letters/input.ts';

/** The parties of a letter from the Tajik ombudsman to the Kazakh one, in Russian. */
export const parties: Pick<LetterInput, 'office' | 'counterpart' | 'signatory' | 'executor'> = {
  office: { name: 'Уполномоченный по правам человека в Республике Таджикистан', addressLines: ['734025, г. Душанбе, проспект Рудаки, 19', 'Тел.: +992 37 221-70-88'], emblem: null },
  counterpart: {
    institution: 'Уполномоченный по правам человека в Республике Казахстан',
    addresseeLines: ['Уполномоченному по правам человека', 'в Республике Казахстан', 'Ивановой Т.Н.'],
    salutation: 'Уважаемая Татьяна Николаевна!',
    country: 'KZ',
    replyDays: 30,
  },
  signatory: { position: 'Уполномоченный по правам человека в Республике Таджикистан', name: 'У.Ш. Салимзода' },
  executor: { name: 'Д. Каримова', phone: '+992 37 221-70-90' },
};

/** A border detention of n days with a group and one individual whose identity is withheld. */
export function incident(n: number, overrides: Partial<IncidentForLetter> = {}): IncidentForLetter {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  return {
    id: `in-${n}`,
    title: `Задержание граждан на КПП «Фотех» № ${n}`,
    description: 'Граждане Республики Таджикистан удерживались на пункте пропуска без пищи и воды.',
    startDate: `2024-${month}-${day}`,
    endDate: null,
    datePrecision: 'day',
    place: { name: 'КПП «Фотех»', country: 'KZ' },
    violationCodes: ['prolonged-border-detention', 'deprivation-of-food-water'],
    violations: ['Длительное задержание на границе', 'Лишение пищи или воды'],
    methods: [],
    victims: [
      { kind: 'group', name: 'Трудовые мигранты', count: 40, characteristics: ['Женщины', 'Дети'], withheld: true },
      { kind: 'individual', name: 'Рахимов Алишер', count: 1, characteristics: [], withheld: true },
    ],
    sources: [{ type: 'Видео в социальных сетях', reference: 'https://example.org/v/1', date: null }],
    peopleAffected: 41,
    durationDays: null,
    ...overrides,
  };
}

export function appeal(incidents: IncidentForLetter[], overrides: Partial<LetterInput> = {}): LetterInput {
  return { ...parties, kind: 'appeal', language: 'ru', incidents, unanswered: [], replies: [], inReplyTo: null, number: '01-12/7', date: '2025-01-15', revealWithheld: false, ...overrides };
}

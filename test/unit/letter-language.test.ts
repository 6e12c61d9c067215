import { describe, expect, it } from 'vitest';
import { runsText, type Block, type Doc } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import type { IncidentForLetter, ReplyReceived, VictimFacts } from '../../shared/templates/letters/input.ts';
import { buildLetter } from '../../shared/templates/letters/letter.ts';
import { letterPhrases } from '../../shared/templates/letters/phrases.ts';
import { stampAnnexSheets, stampRegistration } from '../../shared/templates/letters/stamp.ts';
import { appeal, incident } from '../support/letter-inputs.ts';

const languages: Language[] = ['ru', 'tg', 'en'];
const blockText = (block: Block): string[] => {
  switch (block.kind) {
    case 'paragraph':
      return [runsText(block.runs)];
    case 'list':
      return block.items.map((item) => runsText(item));
    case 'heading':
      return [block.text];
    default:
      return [];
  }
};
const texts = (doc: Doc) => doc.blocks.flatMap(blockText);
const text = (doc: Doc) => texts(doc).join('\n');
const person = (overrides: Partial<VictimFacts> = {}): VictimFacts => ({ kind: 'individual', name: 'Рахимов Алишер', count: 1, characteristics: [], withheld: true, ...overrides });
const group = (count: number, characteristics: string[] = [], codes: string[] = []): VictimFacts => ({ kind: 'group', name: 'Группа', count, characteristics, characteristicCodes: codes, withheld: true });
/** The appeal's text for one incident with these victims. */
const told = (language: Language, victims: VictimFacts[], peopleAffected: number, extra: Partial<IncidentForLetter> = {}) =>
  text(buildLetter(appeal([incident(1, { victims, peopleAffected, sources: [], violations: [], violationCodes: [], ...extra })], { language })));

describe('agreement of numbers and people', () => {
  it('Russian: «Пострадал 1 человек», «пострадали 3 человека», «5 человек», 21 and 22', () => {
    expect(told('ru', [group(1)], 1)).toContain('Пострадал 1 человек.');
    expect(told('ru', [group(3)], 3)).toContain('Пострадали 3 человека.');
    expect(told('ru', [group(5)], 5)).toContain('Пострадали 5 человек.');
    expect(told('ru', [group(11)], 11)).toContain('Пострадали 11 человек.');
    expect(told('ru', [group(21)], 21)).toContain('Пострадал 21 человек.');
    expect(told('ru', [group(22)], 22)).toContain('Пострадали 22 человека.');
  });

  it('Tajik and English equivalents', () => {
    expect(told('tg', [group(1)], 1)).toContain('1 нафар ҷабр дидааст.');
    expect(told('tg', [group(3)], 3)).toContain('3 нафар ҷабр дидаанд.');
    expect(told('en', [group(1)], 1)).toContain('1 person was affected.');
    expect(told('en', [group(3)], 3)).toContain('3 people were affected.');
  });

  it('characteristics: shared by all after a dash, a part «в том числе», never bare counts in brackets', () => {
    const many = told('ru', [group(40, ['Трудовые мигранты', 'Женщины'], ['migrant-workers', 'women']), person({ characteristics: ['Трудовые мигранты'], characteristicCodes: ['migrant-workers'] })], 41);
    expect(many).toContain('Пострадал 41 человек — трудовые мигранты, в том числе женщины. Среди пострадавших — гражданин Р.');
    expect(many).not.toMatch(/\(\d+\)|в том числе:/);
    expect(told('tg', [group(40, ['Муҳоҷирони меҳнатӣ', 'Занон'], ['migrant-workers', 'women']), person({ characteristics: ['Муҳоҷирони меҳнатӣ'] })], 41)).toContain(
      '41 нафар ҷабр дидаанд. Ҳамаи онҳо муҳоҷирони меҳнатӣ мебошанд, аз ҷумла занон. Дар байни ҷабрдидагон: шаҳрванд Р.',
    );
    expect(told('en', [group(40, ['Migrant workers', 'Women'], ['migrant-workers', 'women']), person({ name: 'Rakhimov Alisher', characteristics: ['Migrant workers'] })], 41)).toContain(
      '41 people were affected, all of them migrant workers, including women. Among them: citizen R.',
    );
  });

  it('one person: no «в том числе», the characteristic in the singular and the gender’s form', () => {
    const migrant = { characteristics: ['Трудовые мигранты'], characteristicCodes: ['migrant-workers'] };
    expect(told('ru', [person(migrant)], 1)).toContain('Пострадал гражданин Р., трудовой мигрант.');
    expect(told('ru', [person({ ...migrant, name: 'Рахимова Зарина' })], 1)).toContain('Пострадала гражданка Р., трудовая мигрантка.');
    expect(told('ru', [person({ ...migrant, name: 'Салимзода Р.' })], 1)).toContain('Пострадало лицо С., трудовой мигрант.');
    expect(told('ru', [person({ ...migrant, name: 'Салимзода Р.', withheld: false })], 1)).toContain('Пострадал 1 человек — Салимзода Р., трудовой мигрант.');
    expect(told('ru', [person({ name: 'Салимзода Р.', characteristics: ['Женщины', 'Студенты'], characteristicCodes: ['women', 'students'] })], 1)).toContain('Пострадала гражданка С., студентка.');
    expect(told('tg', [person({ characteristics: ['Муҳоҷирони меҳнатӣ'], characteristicCodes: ['migrant-workers'] })], 1)).toContain('Шаҳрванд Р., муҳоҷири меҳнатӣ, ҷабр дидааст.');
    expect(told('en', [person({ characteristics: ['Migrant workers'], characteristicCodes: ['migrant-workers'] })], 1)).toContain('Citizen R., a migrant worker, was affected.');
    expect(told('ru', [person({ characteristics: ['Вынужденные переселенцы'], characteristicCodes: ['displaced'] })], 1)).toContain('Пострадал гражданин Р., относящийся к категории «вынужденные переселенцы».');
  });
});

describe('masked identities', () => {
  it('by gender in Russian, «лицо» only when unknown; the record’s gender decides over the name', () => {
    expect(told('ru', [group(5), person()], 6)).toContain('гражданин Р.');
    expect(told('ru', [group(5), person({ name: 'Рахимова Зарина' })], 6)).toContain('гражданка Р.');
    expect(told('ru', [group(5), person({ name: 'Салимзода Р.' })], 6)).toContain('лицо С.');
    expect(told('ru', [group(5), person({ name: 'Салимзода Р.', gender: 'female' })], 6)).toContain('гражданка С.');
    expect(told('ru', [group(5), person()], 6)).not.toContain('Рахимов');
  });

  it('Tajik «шаҳрванд Р.»; English "citizen R." with the Latin initial, transliterated when there is no Latin name', () => {
    expect(told('tg', [group(5), person()], 6)).toContain('шаҳрванд Р.');
    expect(told('en', [group(5), person({ name: 'Rakhimov Alisher' })], 6)).toContain('citizen R.');
    expect(told('en', [group(5), person({ name: 'Шарипов Умед' })], 6)).toContain('citizen Sh.');
    expect(told('en', [group(5), person({ name: 'Шарипов Умед', nameLatin: 'Sharipov Umed' })], 6)).toContain('citizen S.');
    expect(told('en', [group(5), person({ name: 'Шарипов Умед' })], 6)).not.toMatch(/citizen [^A-Z]/);
  });
});

describe('facts as the ombudsman reports them', () => {
  it('says the information was received, never that facts were established', () => {
    const expected = { ru: 'Поступила информация о следующем:', tg: 'Маълумоти зерин ворид гардид:', en: 'The following information has been received:' };
    for (const language of languages) {
      const letter = text(buildLetter(appeal([incident(1), incident(2)], { language })));
      expect(letter).toContain(expected[language]);
      expect(letter).not.toMatch(/Установлен|established|муқаррар карда шуд/);
    }
  });

  it('tells an incident as prose: description, who, how long, what the acts bear the marks of, how we know', () => {
    const letter = text(buildLetter(appeal([incident(1, { durationDays: 5 })])));
    expect(letter).toContain(
      'Граждане Республики Таджикистан удерживались на пункте пропуска без пищи и воды. Пострадал 41 человек, в том числе женщины и дети. Среди пострадавших — гражданин Р. Их удерживали 5 дней. Эти действия содержат признаки следующих нарушений: длительное задержание на границе и лишение пищи или воды. Источник сведений: видео в социальных сетях (https://example.org/v/1).',
    );
    expect(letter).not.toMatch(/Характер нарушений|Продолжительность —|Источники:/);
    expect(text(buildLetter(appeal([incident(1, { durationDays: 3, violationCodes: ['ill-treatment'] })])))).toContain('События продолжались 3 дня.');
    expect(text(buildLetter(appeal([incident(1, { durationDays: 5 })], { language: 'tg' })))).toContain('Онҳоро 5 рӯз нигоҳ доштанд.');
    expect(text(buildLetter(appeal([incident(1, { durationDays: 1, victims: [person({ name: 'Рахимова Зарина' })], peopleAffected: 1 })], { language: 'en' })))).toContain('She was held for 1 day.');
  });

  it('the information request asks once, with one list, and has no list of requests', () => {
    for (const language of languages) {
      const doc = buildLetter(appeal([incident(1), incident(2)], { kind: 'information-request', language }));
      const lists = doc.blocks.filter((block) => block.kind === 'list');
      expect(lists).toHaveLength(1);
      expect(lists[0]).toMatchObject({ marker: 'dot', items: [expect.anything(), expect.anything()] });
      const asks = texts(doc).filter((t) => /прошу|хоҳиш менамоям|ask you|request you/.test(t));
      expect(asks, language).toHaveLength(1);
      expect(asks[0]).toMatch(/:$/);
    }
  });
});

describe('GOST R 7.0.97 forms', () => {
  it('the form line is the date, then the number; a draft shows blanks', () => {
    expect(letterPhrases.ru.reference('01-12/1', '2026-11-29')).toBe('29.11.2026 № 01-12/1');
    expect(letterPhrases.tg.reference('01-12/1', '2026-11-29')).toBe('29.11.2026 № 01-12/1');
    expect(letterPhrases.ru.reference(null, null)).toBe('__________ № __________');
    expect(texts(stampRegistration(buildLetter(appeal([incident(1)], { number: null, date: null })), '01-12/9', '2025-02-03'))[0]).toBe('03.02.2025 № 01-12/9');
  });

  it('cites letters in the text as «письмо от 15.01.2024 № 01-12/100», «мактуби аз …», "letter No. … of 15 January 2024"', () => {
    const unanswered = [1, 2].map((n) => ({ number: `01-12/10${n}`, date: `2024-01-1${n}`, subject: 's', daysWaiting: 300 + n, incidents: [] }));
    const one = { ru: 'Наше письмо от 15.01.2024 № 01-12/100', tg: 'Мактуби мо аз 15.01.2024 № 01-12/100', en: 'Our letter No. 01-12/100 of 15 January 2024' };
    const item = { ru: 'письмо от 12.01.2024 № 01-12/102', tg: 'мактуби аз 12.01.2024 № 01-12/102', en: 'letter No. 01-12/102 of 12 January 2024' };
    for (const language of languages) {
      expect(text(buildLetter(appeal([], { kind: 'follow-up', language, unanswered: [{ number: '01-12/100', date: '2024-01-15', subject: 's', daysWaiting: 361, incidents: [] }] })))).toContain(one[language]);
      expect(text(buildLetter(appeal([], { kind: 'follow-up', language, unanswered })))).toContain(item[language]);
    }
    expect(letterPhrases.ru.inReplyTo('12/3-45', '2024-05-10')).toBe('На № 12/3-45 от 10.05.2024');
  });

  it('list punctuation: requests «1)» lowercase with «;» and a final «.»; facts «1.» whole sentences', () => {
    for (const language of languages) {
      const doc = buildLetter(appeal([incident(1), incident(2)], { language }));
      const [facts, requests] = doc.blocks.filter((block): block is Extract<Block, { kind: 'list' }> => block.kind === 'list');
      expect(facts!.marker).toBe('dot');
      for (const item of facts!.items) expect(runsText(item)).toMatch(/^[\p{Lu}\d].*\.$/su);
      expect(requests!.marker).toBe('paren');
      const items = requests!.items.map((item) => runsText(item));
      items.forEach((item, index) => expect(item).toMatch(index === items.length - 1 ? /^\p{Ll}.*[^;.]\.$/u : /^\p{Ll}.*[^;.];$/u));
      // A colon before each list.
      const before = (list: Block) => blockText(doc.blocks[doc.blocks.indexOf(list) - 1]!)[0]!;
      expect(before(facts!)).toMatch(/:$/);
      expect(before(requests!)).toMatch(/:$/);
    }
  });

  it('one incident reads as a paragraph, not a list of one', () => {
    const doc = buildLetter(appeal([incident(1)]));
    expect(doc.blocks.filter((block) => block.kind === 'list')).toHaveLength(1); // the requests only
  });

  it('days in every plural form: «в течение 1 дня … 21 дня, 22 дней», «без ответа 21 день», «30 рӯз», "within 1 day"', () => {
    const within = { 1: '1 дня', 2: '2 дней', 5: '5 дней', 11: '11 дней', 21: '21 дня', 22: '22 дней', 25: '25 дней', 101: '101 дня' } as Record<number, string>;
    const waited = { 1: '1 день', 2: '2 дня', 5: '5 дней', 11: '11 дней', 21: '21 день', 22: '22 дня', 25: '25 дней', 101: '101 день' } as Record<number, string>;
    for (const n of [1, 2, 5, 11, 21, 22, 25, 101]) {
      expect(letterPhrases.ru.requests.appeal(n).at(-1)).toBe(`проинформировать меня о результатах рассмотрения в течение ${within[n]}`);
      expect(letterPhrases.ru.unansweredOne('01-12/1', '2024-01-15', n)).toBe(`Наше письмо от 15.01.2024 № 01-12/1 остаётся без ответа ${waited[n]}.`);
      expect(letterPhrases.ru.held(n, 'many', true)).toBe(`Их удерживали ${waited[n]}.`);
      expect(letterPhrases.tg.requests.appeal(n).at(-1)).toContain(`дар муддати ${n} рӯз`);
      expect(letterPhrases.en.requests.appeal(n).at(-1)).toContain(`within ${n} ${n === 1 ? 'day' : 'days'}`);
    }
  });

  it('annex mark with the real sheet count; blanks before layout; a mark staff rewrote stays', () => {
    expect(letterPhrases.ru.annexMark(2)).toBe('Приложение: на 2 л. в 1 экз.');
    expect(letterPhrases.ru.annexMark(null)).toBe('Приложение: на __ л. в 1 экз.');
    expect(letterPhrases.tg.annexMark(2)).toBe('Замима: дар 2 варақ, дар 1 нусха.');
    expect(letterPhrases.en.annexMark(1)).toBe('Annex: 1 sheet, 1 copy.');
    expect(letterPhrases.en.annexMark(3)).toBe('Annex: 3 sheets, 1 copy.');
    for (const language of languages) {
      const p = letterPhrases[language];
      const draft = buildLetter(appeal(Array.from({ length: 7 }, (_, i) => incident(i + 1)), { language, number: null, date: null }));
      const mark = (doc: Doc) => doc.blocks.filter((block) => block.kind === 'paragraph' && block.style === 'annex').map((block) => blockText(block)[0]);
      expect(mark(draft)).toEqual([p.annexMark(null)]);
      const stamped = stampAnnexSheets(draft, 4);
      expect(mark(stamped)).toEqual([p.annexMark(4)]);
      expect(mark(stampAnnexSheets(stamped, 5))).toEqual([p.annexMark(5)]); // a later layout counts again
      const edited: Doc = { ...draft, blocks: draft.blocks.map((block) => (block.kind === 'paragraph' && block.style === 'annex' ? { ...block, runs: [{ text: 'Приложение: перечень на 3 л.' }] } : block)) };
      expect(mark(stampAnnexSheets(edited, 4))).toEqual(['Приложение: перечень на 3 л.']);
    }
  });

  it('the annex heading is a block top right, filled at registration', () => {
    const draft = buildLetter(appeal(Array.from({ length: 7 }, (_, i) => incident(i + 1)), { number: null, date: null }));
    const heading = (doc: Doc) => doc.blocks.find((block) => block.kind === 'paragraph' && block.style === 'annex-heading');
    // In lines, as GOST R 7.0.97 sets it: «Приложение» / «к письму» / «от … № …».
    expect(blockText(heading(draft)!)[0]).toBe('Приложение\nк письму\nот __________ № __________');
    expect(blockText(heading(stampRegistration(draft, '01-12/1', '2026-11-29'))!)[0]).toBe('Приложение\nк письму\nот 29.11.2026 № 01-12/1');
    // A draft saved when the heading was one line is stamped too.
    const oneLine: Doc = { ...draft, blocks: draft.blocks.map((block) => (block.kind === 'paragraph' && block.style === 'annex-heading' ? { ...block, runs: [{ text: 'Приложение к письму от __________ № __________' }] } : block)) };
    expect(blockText(heading(stampRegistration(oneLine, '01-12/1', '2026-11-29'))!)[0]).toBe('Приложение\nк письму\nот 29.11.2026 № 01-12/1');
  });

  it('opens without a salutation when the card does not know the gender, never «Уважаемый(-ая)»', () => {
    const { salutation: _, ...counterpart } = appeal([]).counterpart;
    const doc = buildLetter(appeal([incident(1)], { counterpart }));
    expect(doc.blocks.some((block) => block.kind === 'paragraph' && block.style === 'salutation')).toBe(false);
    expect(text(doc)).not.toContain('(-ая)');
  });
});

describe('follow-ups', () => {
  const fotekh = { id: 'in-1', title: 'Задержание граждан на КПП «Фотех»', startDate: '2024-03-15', endDate: null, datePrecision: 'day' as const, place: { name: 'КПП «Фотех»', country: 'KZ' } };
  const moscow = { id: 'in-2', title: 'Избиение в отделе полиции', startDate: '2024-10-02', endDate: null, datePrecision: 'day' as const, place: null };
  const unanswered = [
    { number: '01-12/100', date: '2024-03-25', subject: 's', daysWaiting: 250, incidents: [fotekh] },
    { number: '01-12/109', date: '2024-10-15', subject: 's', daysWaiting: 87, incidents: [moscow, fotekh] },
  ];
  const reply = (response: ReplyReceived['response']): ReplyReceived => ({ number: '12/3-45', date: '2024-05-10', response, answers: { number: '01-12/100', date: '2024-03-25' } });

  it('lists each unanswered letter and each unanswered case once with its date and place', () => {
    const letter = text(buildLetter(appeal([], { kind: 'follow-up', unanswered })));
    expect(letter).toContain('До настоящего времени не получены ответы на 2 наших письма:\nписьмо от 25.03.2024 № 01-12/100 — без ответа 250 дней;\nписьмо от 15.10.2024 № 01-12/109 — без ответа 87 дней.');
    expect(letter).toContain('Без ответа остаются вопросы по следующим случаям:\n15.03.2024, КПП «Фотех» (Республика Казахстан) — Задержание граждан на КПП «Фотех».\n02.10.2024 — Избиение в отделе полиции.');
    expect(letter.match(/Задержание граждан/g)).toHaveLength(1);
  });

  it('cites the replies received by number, date and what they said, in each language', () => {
    const said = {
      ru: { 'action-taken': 'сообщено о принятых мерах', 'request-for-information': 'запрошены дополнительные сведения', denial: 'сообщено об отказе в принятии мер' },
      tg: { 'action-taken': 'дар бораи чораҳои андешидашуда хабар дода шудааст', 'request-for-information': 'маълумоти иловагӣ дархост шудааст', denial: 'андешидани чораҳо рад карда шудааст' },
      en: { 'action-taken': 'you informed us of the measures taken', 'request-for-information': 'further information was requested', denial: 'you declined to take measures' },
    } as const;
    for (const language of languages) {
      for (const code of ['action-taken', 'request-for-information', 'denial'] as const) {
        const letter = text(buildLetter(appeal([], { kind: 'follow-up', language, unanswered, replies: [reply(code)] })));
        expect(letter, `${language} ${code}`).toContain(said[language][code]);
      }
    }
    expect(text(buildLetter(appeal([], { kind: 'follow-up', unanswered, replies: [reply('action-taken')] })))).toContain(
      'В Вашем письме от 10.05.2024 № 12/3-45 (ответ на наше письмо от 25.03.2024 № 01-12/100) сообщено о принятых мерах.',
    );
    const two = text(buildLetter(appeal([], { kind: 'follow-up', unanswered, replies: [reply('pledged-action'), { ...reply(null), number: '12/3-50', date: '2024-06-01', answers: null }] })));
    expect(two).toContain('От Вас получены следующие ответы:\nписьмо от 10.05.2024 № 12/3-45 (ответ на наше письмо от 25.03.2024 № 01-12/100) — сообщено о намерении принять меры;\nписьмо от 01.06.2024 № 12/3-50.');
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/documents.ts';
import { accessibilityViolations, type Harness } from './harness.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();

const TITLE = 'Задержание мигрантов на КПП «Жибек Жолы»';
const DESCRIPTION = 'Двенадцать трудовых мигрантов удерживались на пункте пропуска трое суток без пищи.';
const WITNESS = 'Показания задержанного, записанные по телефону';
const PLACE = 'КПП «Жибек Жолы»';
const INSTITUTION = 'Аппарат Уполномоченного по правам человека в Российской Федерации';
const POSITION = 'Уполномоченный по правам человека в Российской Федерации';

/** The Tajik a clerk types for each Russian text the draft lists (by the field's name in the list). */
const TAJIK: Record<string, string> = {
  [TITLE]: 'Боздошти муҳоҷирон дар гузаргоҳи «Жибек Жолы»',
  [DESCRIPTION]: 'Дувоздаҳ муҳоҷири меҳнатӣ дар гузаргоҳи сарҳадӣ се шабонарӯз бе ғизо нигоҳ дошта шуданд.',
  [WITNESS]: 'Шаҳодати шахси боздоштшуда, ки тавассути телефон сабт шудааст',
  [PLACE]: 'Гузаргоҳи «Жибек Жолы»',
  [INSTITUTION]: 'Дастгоҳи Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия',
  [POSITION]: 'Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия',
  'Москалькова Татьяна Николаевна': 'Москалкова Татяна Николаевна',
  'Уважаемая Татьяна Николаевна!': 'Муҳтарама Татяна Николаевна!',
};

async function officeInRussianAndTajik(h: Harness): Promise<void> {
  const { page } = h;
  await page.getByRole('navigation').getByRole('button', { name: 'Настройки' }).click();
  const office = page.getByRole('form', { name: 'Письма' });
  for (const [group, ru, tg] of [
    ['Подписант: Должность', 'Уполномоченный по правам человека в Республике Таджикистан', 'Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон'],
    ['Подписант: Инициалы и фамилия', 'У. Ш. Салимзода', 'У. Ш. Салимзода'],
    ['Исполнитель', 'Д. Каримова', 'Д. Каримова'],
  ] as const) {
    await office.getByRole('group', { name: group, exact: true }).getByLabel('по-русски').fill(ru);
    await office.getByRole('group', { name: group, exact: true }).getByLabel('по-таджикски').fill(tg);
  }
  await office.getByRole('button', { name: 'Сохранить настройки писем' }).click();
  await page.getByText('Настройки писем сохранены.').waitFor();
}

describe('records in several languages in the window', () => {
  it('a counterpart card written «Т.Н. Москалькова» derives «Уважаемая госпожа Москалькова!», then «Уважаемая Татьяна Николаевна!» once the full name is known', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('navigation').getByRole('button', { name: 'Журнал регистрации писем' }).click();
    await page.getByRole('button', { name: 'Новый адресат' }).click();
    const card = page.locator('form.counterpart-form');
    await card.getByLabel('Учреждение').fill(INSTITUTION);
    await card.getByLabel('Должность').fill(POSITION);
    await card.getByLabel('ФИО', { exact: true }).fill('Т.Н. Москалькова');
    await card.getByLabel('Страна (2 буквы)').fill('ru');
    const russian = card.getByRole('group', { name: 'Русский' });
    await expect.poll(() => russian.getByLabel('Обращение').inputValue()).toBe('Уважаемая госпожа Москалькова!');
    expect(await russian.getByLabel('Блок адресата').inputValue()).toBe('Уполномоченному по правам человека в Российской Федерации\nМоскальковой Т.Н.');
    // The gender came from the name: the card says so and does not ask.
    await card.getByText('По имени: женский').waitFor();
    // Tajik and English have no position or name yet: nothing is derived in them, and the card says what to fill.
    await card.getByRole('group', { name: 'Таджикский' }).getByText('Чтобы составить, заполните должность и ФИО по-таджикски.').waitFor();
    await h.screenshot('translations-01-counterpart-initials');

    await card.getByLabel('ФИО', { exact: true }).fill('Москалькова Татьяна Николаевна');
    await expect.poll(() => russian.getByLabel('Обращение').inputValue()).toBe('Уважаемая Татьяна Николаевна!');
    // The Tajik texts, typed under Translations, give the Tajik forms.
    await card.getByRole('button', { name: /^Переводы.*/ }).nth(1).click();
    await card.getByLabel('Должность (по-таджикски)').fill(TAJIK[POSITION]!);
    await card.getByRole('button', { name: /^Переводы.*/ }).nth(2).click();
    await card.getByLabel('ФИО (по-таджикски)').fill(TAJIK['Москалькова Татьяна Николаевна']!);
    const tajik = card.getByRole('group', { name: 'Таджикский' });
    await expect.poll(() => tajik.getByLabel('Обращение').inputValue()).toMatch(/^Муҳтарама /);
    expect(await tajik.getByLabel('Блок адресата').inputValue()).toMatch(/^Ба Ваколатдор оид ба ҳуқуқи инсон дар Федератсияи Россия\n/);

    // A corrected form is kept as written; "use the derived form" takes the correction back.
    await russian.getByLabel('Обращение').fill('Глубокоуважаемая Татьяна Николаевна!');
    await russian.getByText('исправлено вручную').waitFor();
    await h.screenshot('translations-02-counterpart-full-name');
    expect(await accessibilityViolations(page)).toEqual([]);
    await russian.getByRole('button', { name: /Вернуть составленное автоматически/ }).click();
    expect(await russian.getByLabel('Обращение').inputValue()).toBe('Уважаемая Татьяна Николаевна!');
    await tajik.getByLabel('Обращение').fill('Муҳтарама Татяна Николаевна!');
    await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText(`Сохранено: ${INSTITUTION}`).waitFor();
    const saved = (await h.app.router.handle('counterparts:list', {})) as { value: { name: string; gender?: string; translations?: { tg?: Record<string, string> } }[] };
    expect(saved.value[0]).toMatchObject({ name: 'Москалькова Татьяна Николаевна', translations: { tg: { position: TAJIK[POSITION], name: TAJIK['Москалькова Татьяна Николаевна'] } } });

    // A name that tells no gender: the card asks for it.
    await page.getByRole('button', { name: 'Новый адресат' }).click();
    await card.getByLabel('Должность').fill('Федеральный комиссар');
    await card.getByLabel('ФИО', { exact: true }).fill('К. Шмидт');
    await card.getByText(/Пол не определяется по имени: укажите его/).waitFor();
    expect(await card.getByRole('group', { name: 'Русский' }).getByLabel('Обращение').inputValue()).toBe('');
    await card.getByLabel('Пол', { exact: true }).selectOption('male');
    await expect.poll(() => card.getByRole('group', { name: 'Русский' }).getByLabel('Обращение').inputValue()).toMatch(/^Уважаемый /);
  });

  it('records entered in Russian only: a Tajik appeal lists every untranslated field, the clerk types the translations in the draft, then registers', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await officeInRussianAndTajik(h);

    // The counterpart, in Russian only.
    await page.getByRole('navigation').getByRole('button', { name: 'Журнал регистрации писем' }).click();
    await page.getByRole('button', { name: 'Новый адресат' }).click();
    const card = page.locator('form.counterpart-form');
    await card.getByLabel('Учреждение').fill(INSTITUTION);
    await card.getByLabel('Должность').fill(POSITION);
    await card.getByLabel('ФИО', { exact: true }).fill('Москалькова Татьяна Николаевна');
    await card.getByLabel('Страна (2 буквы)').fill('KZ');
    await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText(`Сохранено: ${INSTITUTION}`).waitFor();

    // The incident, in Russian only: the editor marks Tajik and English missing under each text.
    await page.getByRole('navigation').getByRole('button', { name: 'Инциденты' }).click();
    await page.getByRole('button', { name: 'Новый инцидент' }).first().click();
    const editor = page.locator('form.incident-editor');
    expect(await editor.getByLabel('Язык оригинала').inputValue()).toBe('ru');
    await editor.getByLabel('Название', { exact: true }).fill(TITLE);
    await editor.getByLabel('Дата начала').fill('2024-05-02');
    await editor.getByLabel('Что произошло').fill(DESCRIPTION);
    await editor.getByRole('button', { name: '+ Новое место' }).click();
    await editor.getByLabel('Название места').fill(PLACE);
    await editor.getByLabel('Страна (2 буквы)').fill('KZ');
    await editor.getByRole('button', { name: 'Сохранить место' }).click();
    await expect.poll(() => editor.getByLabel('Место', { exact: true }).inputValue()).toMatch(/^pl-/);
    await editor.getByRole('button', { name: 'Добавить пострадавшего' }).click();
    const person = editor.getByRole('group', { name: 'Добавить пострадавшего' });
    await person.getByLabel('ФИО', { exact: true }).fill('Рахимова Гульнора');
    await person.getByLabel('ФИО латиницей').fill('Rakhimova Gulnora');
    await person.getByText('Используется в документах на английском языке').waitFor();
    await person.getByLabel('Пол').selectOption('female');
    await person.getByRole('button', { name: 'Добавить в инцидент' }).click();
    await editor.getByRole('button', { name: 'Добавить источник' }).click();
    await editor.getByLabel('Ссылка (адрес, документ, свидетель)').fill(WITNESS);
    const titleTranslations = editor.getByRole('button', { name: /^Переводы/ }).first();
    expect(await titleTranslations.textContent()).toContain('нет перевода: по-таджикски, по-английски');
    await titleTranslations.click();
    await editor.getByLabel('Название (по-английски)').fill('Migrants held at the Zhibek Zholy crossing');
    expect(await titleTranslations.textContent()).toContain('нет перевода: по-таджикски');
    await h.screenshot('translations-03-incident-editor');
    expect(await accessibilityViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await editor.getByText('Сохранено.').waitFor();
    const stored = (await h.app.router.handle('persons:list', { text: '' })) as { value: { person: { gender?: string } }[] };
    expect(stored.value[0]!.person.gender).toBe('female');

    // A Tajik appeal: the draft lists every Russian-only text it needs, and Register waits.
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.getByRole('button', { name: 'Письмо по 1 инциденту…' }).click();
    const form = page.getByRole('form', { name: 'Новое письмо' });
    await form.getByLabel('Язык письма').selectOption('tg');
    await form.getByRole('button', { name: 'Составить проект' }).click();
    const checks = page.locator('section.draft-checks');
    await checks.getByRole('heading', { name: 'Нет текста на языке письма' }).waitFor();
    const originals = async () => (await checks.locator('.missing-original .original-text').allTextContents()).sort();
    // The salutation too: with neither position nor name in Tajik, nothing can be derived in Tajik yet.
    expect(await originals()).toEqual([TITLE, DESCRIPTION, WITNESS, PLACE, INSTITUTION, POSITION, 'Москалькова Татьяна Николаевна', 'Уважаемая Татьяна Николаевна!'].sort());
    await checks.getByRole('group', { name: `Инцидент: название — ${TITLE}` }).waitFor();
    const register = page.getByRole('button', { name: 'Зарегистрировать', exact: true });
    expect(await register.isDisabled()).toBe(true);
    await page.getByText('Регистрация станет доступна, когда каждый недостающий текст будет переведён').waitFor();
    await h.screenshot('translations-04-draft-missing-tg');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The same list in the window's Tajik.
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await checks.getByRole('heading', { name: 'Матн бо забони мактуб нест' }).waitFor();
    await checks.getByText('8 матн боқӣ монд').waitFor();
    await h.screenshot('translations-04b-draft-missing-tg-ui-tajik');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Русский' }).click();

    // "Keep the original" is a deliberate choice, and can be taken back.
    const source = checks.getByRole('group', { name: /^Источник: ссылка на источник/ });
    await source.getByLabel('Оставить исходный текст').check();
    await checks.getByText('Осталось 7 текстов').waitFor();
    await source.getByLabel('Оставить исходный текст').uncheck();
    await checks.getByText('Осталось 8 текстов').waitFor();

    // The clerk types each translation in its box; each is saved to its record and the letter redrafted.
    // (Once the position and name are in Tajik, the salutation is derived and leaves the list by itself.)
    const rows = checks.locator('.missing-list li:not(.kept) fieldset');
    while ((await rows.count()) > 0) {
      const row = rows.first();
      const original = (await row.locator('.original-text').textContent())!;
      await row.getByLabel('Перевод на таджикский').fill(TAJIK[original]!);
      await row.getByRole('button', { name: 'Сохранить перевод' }).click();
      await expect.poll(async () => (await originals()).includes(original)).toBe(false);
    }
    await expect.poll(() => register.isDisabled()).toBe(false);
    const preview = page.getByRole('article', { name: 'Предварительный просмотр письма' });
    await preview.getByText(TAJIK[TITLE]!, { exact: false }).first().waitFor();
    await h.screenshot('translations-05-draft-translated-tg');
    await register.click();
    await page.getByRole('heading', { name: /^Письмо № 01-12\/1 от / }).waitFor();
    // The registered Tajik letter carries none of the Russian texts it was drafted from.
    const pdf = join(h.workDir, 'appeal-tg.pdf');
    h.dialogs.next.push(pdf);
    await page.getByRole('button', { name: 'Сохранить PDF…' }).click();
    await page.getByText('Сохранено: appeal-tg.pdf').waitFor();
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const russian of Object.keys(TAJIK)) expect(text).not.toContain(russian);
    for (const tajik of [TAJIK[TITLE]!, TAJIK[PLACE]!, 'Муҳтарама']) expect(text).toContain(tajik);

    // Saved back to the records, where the next letter finds them.
    const incidents = (await h.app.router.handle('incidents:search', {})) as { value: { id: string }[] };
    const incident = (await h.app.router.handle('incidents:get', { id: incidents.value[0]!.id })) as { value: { incident: { translations: unknown; sources: { translations?: unknown }[] } } };
    expect(incident.value.incident.translations).toEqual({ tg: { title: TAJIK[TITLE], description: TAJIK[DESCRIPTION] }, en: { title: 'Migrants held at the Zhibek Zholy crossing' } });
    expect(incident.value.incident.sources[0]!.translations).toEqual({ tg: { reference: TAJIK[WITNESS] } });
  });

  it('maps a sheet column to a field in a language: «Название (tg)» imports as the Tajik title', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    const csv = join(h.workDir, 'реестр.csv');
    writeFileSync(csv, ['Название;Дата начала;Название (tg)', `${TITLE};02.05.2024;${TAJIK[TITLE]}`].join('\r\n'));
    await page.getByRole('button', { name: 'Импорт…' }).click();
    h.dialogs.next.push(csv);
    await page.getByRole('button', { name: 'Выбрать файл…' }).click();
    await page.getByText('1 строка').waitFor();
    await expect.poll(() => page.getByLabel('Название (по-таджикски)').inputValue()).toBe('2');
    expect(await page.getByLabel('Название (по-английски)').inputValue()).toBe('');
    await h.screenshot('translations-06-import-language-column');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByText(/Импортировано: новых инцидентов 1/).waitFor();
    const incidents = (await h.app.router.handle('incidents:search', {})) as { value: { id: string }[] };
    const incident = (await h.app.router.handle('incidents:get', { id: incidents.value[0]!.id })) as { value: { incident: { title: string; originalLanguage: string; translations?: unknown } } };
    expect(incident.value.incident).toMatchObject({ title: TITLE, originalLanguage: 'ru', translations: { tg: { title: TAJIK[TITLE] } } });
  });
});

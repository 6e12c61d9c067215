import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { pdfFonts, pdfText, qpdfCheck, renderPages } from '../support/documents.ts';
import { pngImage } from '../support/images.ts';
import { tempDir } from '../support/temp.ts';
import { accessibilityViolations } from './harness.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('letters in the window', () => {
  it('sets up the letterhead, drafts a Tajik appeal from the selected incidents and a Russian follow-up, edits, registers and saves them', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    const db = h.app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'e2e');
    const files = tempDir();

    // Settings → Letters: signatory, executor and the emblem (read and checked by main).
    await page.getByRole('navigation').getByRole('button', { name: 'Настройки' }).click();
    const office = page.getByRole('form', { name: 'Письма' });
    await office.getByRole('group', { name: 'Подписант: Должность' }).getByLabel('по-русски').fill('Уполномоченный по правам человека в Республике Таджикистан');
    await office.getByRole('group', { name: 'Подписант: Должность' }).getByLabel('по-таджикски').fill('Ваколатдор оид ба ҳуқуқи инсон дар Ҷумҳурии Тоҷикистон');
    await office.getByRole('group', { name: 'Подписант: Инициалы и фамилия' }).getByLabel('по-русски').fill('У. Ш. Салимзода');
    await office.getByRole('group', { name: 'Подписант: Инициалы и фамилия' }).getByLabel('по-таджикски').fill('У. Ш. Салимзода');
    await office.getByRole('group', { name: 'Исполнитель', exact: true }).getByLabel('по-русски').fill('Д. Каримова');
    await office.getByRole('group', { name: 'Исполнитель', exact: true }).getByLabel('по-таджикски').fill('Д. Каримова');
    await office.getByLabel('Телефон исполнителя').fill('+992 37 221-70-90');
    const fake = join(files, 'emblem.png');
    writeFileSync(fake, '<svg onload=alert(1)>');
    h.dialogs.next.push(fake);
    await office.getByRole('button', { name: 'Выбрать изображение…' }).click();
    await page.getByRole('alert').getByText('Проверьте: Герб: изображение PNG или JPEG не больше 512 КБ. Часть введённых данных неверна.').waitFor();
    const emblem = join(files, 'gerb.png');
    writeFileSync(emblem, pngImage(96, 96, [20, 90, 60]));
    h.dialogs.next.push(emblem);
    await office.getByRole('button', { name: 'Выбрать изображение…' }).click();
    await office.getByRole('img', { name: 'Герб' }).waitFor();
    await office.getByRole('button', { name: 'Сохранить настройки писем' }).click();
    await page.getByText('Настройки писем сохранены.').waitFor();

    // Select both incidents in the list → a letter about them.
    await page.getByRole('navigation').getByRole('button', { name: 'Инциденты' }).click();
    const list = page.getByRole('listbox');
    await list.getByRole('option').first().click();
    await page.keyboard.press('Control+a');
    await page.getByText('Выбрано 2').waitFor();
    await page.getByRole('button', { name: 'Письмо по 2 инцидентам…' }).click();
    const form = page.getByRole('form', { name: 'Новое письмо' });
    await form.getByRole('list', { name: 'Выбранные инциденты' }).getByText('Задержанные показаны избитыми по телевидению').waitFor();
    await form.getByLabel('Язык письма').selectOption('tg');
    await form.getByText(/Адресат ведёт переписку на другом языке/).waitFor();
    await form.getByRole('button', { name: 'Составить проект' }).click();

    await page.getByRole('heading', { name: 'Проект письма' }).waitFor();
    // The records are in Russian only: the Tajik draft lists every text it lacks and Register waits. Here the clerk
    // deliberately keeps each one as written (audited; translations.e2e.ts types the translations instead).
    const checks = page.locator('section.draft-checks');
    await checks.getByRole('heading', { name: 'Нет текста на языке письма' }).waitFor();
    const registerButton = page.getByRole('button', { name: 'Зарегистрировать', exact: true });
    expect(await registerButton.isDisabled()).toBe(true);
    const unkept = checks.getByRole('checkbox', { name: 'Оставить исходный текст', checked: false });
    while ((await unkept.count()) > 0) await unkept.first().check();
    await expect.poll(() => registerButton.isDisabled()).toBe(false);
    const preview = page.getByRole('article', { name: 'Предварительный просмотр письма' });
    await preview.getByText('Дар бораи вайрон кардани ҳуқуқҳои шаҳрвандони Ҷумҳурии Тоҷикистон').first().waitFor();
    await preview.getByText('№ ____________ аз ____________').first().waitFor();
    // The clerk corrects the addressee and the salutation; the preview follows as they type.
    await page.getByLabel('Адресат (по строкам)').fill('Ба Ваколатдори ҳуқуқи инсон\nдар Ҷумҳурии Қазоқистон\nхонум Т. Н. Иванова');
    await page.getByLabel('Обращение').fill('Муҳтарам Татьяна Николаевна!');
    await preview.getByText('Муҳтарам Татьяна Николаевна!').first().waitFor();
    await preview.getByText('хонум Т. Н. Иванова').first().waitFor();
    await h.screenshot('letters-01-draft-preview-tg');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    const year = new Date().getFullYear();
    await page.getByRole('heading', { name: /^Письмо № 01-12\/1 от \d{4}-\d{2}-\d{2}$/ }).waitFor();
    await preview.getByText(/^№ 01-12\/1 аз \d{2}\.\d{2}\.\d{4}$/).first().waitFor();
    await page.getByText(/^SHA-256 [0-9a-f]{64}$/).waitFor();
    const pdf = join(files, 'appeal-tg.pdf');
    h.dialogs.next.push(pdf);
    await page.getByRole('button', { name: 'Сохранить PDF…' }).click();
    await page.getByText('Сохранено: appeal-tg.pdf').waitFor();
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const phrase of ['Муҳтарам Татьяна Николаевна!', 'хонум Т. Н. Иванова', 'Бо эҳтиром,', 'У. Ш. Салимзода', 'Иҷрокунанда: Д. Каримова']) expect(text).toContain(phrase);
    expect(text).toMatch(new RegExp(`№ 01-12/1 аз \\d{2}\\.\\d{2}\\.${year}`));
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    renderPages(pdf, 'e2e-appeal-tg');
    await h.screenshot('letters-02-registered-tg');
    // Print prints the letter alone: in print media everything but the sheet is hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    expect(await preview.isVisible()).toBe(true);
    await h.screenshot('letters-02b-print-view');
    await page.emulateMedia({ media: 'screen' });

    // A follow-up in Russian: every unanswered letter by number and date, with days waiting.
    await page.getByRole('button', { name: 'Новое письмо' }).click();
    await form.getByLabel('Вид письма').selectOption('follow-up');
    await form.getByLabel('Язык письма').selectOption('ru');
    await form.getByRole('button', { name: 'Составить проект' }).click();
    await preview.getByText(/^№ 01-12\/100 от 15\.01\.2024 — без ответа \d+ (день|дня|дней)$/).first().waitFor();
    await preview.getByText('О неполученных ответах на обращения').first().waitFor();
    expect(await preview.getByText(/^№ 01-12\/1 от /).count()).toBe(0); // the appeal sent today is not yet "unanswered"
    await h.screenshot('letters-03-draft-follow-up-ru');
    await page.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    await page.getByRole('heading', { name: /^Письмо № 01-12\/2 от / }).waitFor();
    const docx = join(files, 'follow-up.docx');
    h.dialogs.next.push(docx);
    await page.getByRole('button', { name: 'Сохранить DOCX…' }).click();
    await page.getByText('Сохранено: follow-up.docx').waitFor();
    expect(existsSync(docx) && readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    // "Open": a copy the user places is opened in the system's word processor; nothing is written elsewhere.
    const opened = join(files, 'follow-up-to-sign.docx');
    h.dialogs.next.push(opened);
    await page.getByRole('button', { name: 'Сохранить копию и открыть…' }).click();
    await page.getByText('Сохранено и открыто: follow-up-to-sign.docx').waitFor();
    expect(h.dialogs.opened).toEqual([opened]);

    // Both letters stand in the register with their deadlines; the incidents they raise are marked raised.
    const register = (await h.app.router.handle('letters:list', { counterpartId: 'cp-kz-ombudsman', asOf: `${year}-12-31` })) as { value: { letter: { number: string; expectedReplyBy?: string } }[] };
    expect(register.value.filter((entry) => /^01-12\/[12]$/.test(entry.letter.number)).every((entry) => entry.letter.expectedReplyBy)).toBe(true);
  });
});

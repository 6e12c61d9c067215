import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { letterPhrases } from '../../shared/templates/letters/phrases.ts';
import { pdfFonts, pdfText, qpdfCheck, renderPages, writeTemp } from '../support/documents.ts';
import { pngImage } from '../support/images.ts';
import { tempDir } from '../support/temp.ts';
import { accessibilityViolations } from './harness.ts';
import { printedFrame, watchPrinting, type PrintWindow } from './printing.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('letters in the window', () => {
  it('sets up the letterhead, drafts a Tajik appeal from the selected incidents and a Russian follow-up, edits, registers and saves them', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await watchPrinting(h);
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
    await preview.getByText(letterPhrases.tg.reference(null, null)).first().waitFor(); // GOST R 7.0.97: date, then number
    // The clerk corrects the addressee and the salutation; the preview follows as they type.
    await page.getByLabel('Адресат (по строкам)').fill('Ба Ваколатдори ҳуқуқи инсон\nдар Ҷумҳурии Қазоқистон\nхонум Т. Н. Иванова');
    await page.getByLabel('Обращение').fill('Муҳтарам Татьяна Николаевна!');
    await preview.getByText('Муҳтарам Татьяна Николаевна!').first().waitFor();
    await preview.getByText('хонум Т. Н. Иванова').first().waitFor();
    await h.screenshot('letters-01-draft-preview-tg');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Print prints the PDF main renders for the draft as edited (pages, margins, page numbers), not the preview: a
    // hidden frame loads it from a blob: URL typed application/pdf and is printed once loaded.
    await page.getByRole('button', { name: 'Печать проекта' }).click();
    const draftPrint = await printedFrame(h, 1);
    expect(draftPrint.url).toMatch(/^blob:http:\/\/ombuds\.test\//);
    expect([draftPrint.type, draftPrint.framed, draftPrint.bytes.subarray(0, 5).toString()]).toEqual(['application/pdf', true, '%PDF-']);
    const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u2011/g, '-');
    const draftText = flat(pdfText(writeTemp('printed-draft.pdf', draftPrint.bytes)));
    for (const phrase of ['Муҳтарам Татьяна Николаевна!', 'хонум Т. Н. Иванова', letterPhrases.tg.reference(null, null)]) expect(draftText).toContain(flat(phrase));

    await page.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    const year = new Date().getFullYear();
    await page.getByRole('heading', { name: /^Письмо № 01-12\/1 от \d{4}-\d{2}-\d{2}$/ }).waitFor();
    await preview.getByText(/\d{2}\.\d{2}\.\d{4}\s№\s01[-\u2011]12\/1(?!\d)/).first().waitFor();
    await page.getByText(/^SHA-256 [0-9a-f]{64}$/).waitFor();
    const pdf = join(files, 'appeal-tg.pdf');
    h.dialogs.next.push(pdf);
    await page.getByRole('button', { name: 'Сохранить PDF…' }).click();
    await page.getByText('Сохранено: appeal-tg.pdf').waitFor();
    const text = pdfText(pdf).replace(/\s+/g, ' ').replace(/\u2011/g, '-');
    for (const phrase of ['Муҳтарам Татьяна Николаевна!', 'хонум Т. Н. Иванова', 'Бо эҳтиром,', 'У. Ш. Салимзода', 'Иҷрокунанда: Д. Каримова']) expect(text).toContain(phrase);
    expect(text).toMatch(new RegExp(`\\d{2}\\.\\d{2}\\.${year} № 01-12/1`));
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    renderPages(pdf, 'e2e-appeal-tg');
    await h.screenshot('letters-02-registered-tg');
    // A registered letter prints its PDF as kept: the very bytes Save PDF… wrote and letters:registeredPdf returns.
    await page.getByRole('button', { name: 'Печать', exact: true }).click();
    const registeredPrint = await printedFrame(h, 2);
    expect([registeredPrint.type, registeredPrint.framed]).toEqual(['application/pdf', true]);
    expect(sha256(registeredPrint.bytes)).toBe(sha256(readFileSync(pdf)));
    const appeal = (await h.app.router.handle('letters:list', { counterpartId: 'cp-kz-ombudsman', asOf: `${year}-12-31` })) as { value: { letter: { id: string; number: string } }[] };
    const kept = (await h.app.router.handle('letters:registeredPdf', { letterId: appeal.value.find((entry) => entry.letter.number === '01-12/1')!.letter.id })) as { value: { bytes: Uint8Array } };
    expect(sha256(registeredPrint.bytes)).toBe(sha256(kept.value.bytes));
    // The draft's frame and URL went when the next letter was printed: the PDF lived only in memory, nowhere stored.
    expect(registeredPrint.revoked).toEqual([draftPrint.url]);
    expect(draftPrint.url === registeredPrint.url || h.page.frames().some((frame) => frame.url() === draftPrint.url)).toBe(false);
    expect(await h.browserStorage()).toEqual({ local: 0, session: 0, databases: [], contextEntries: 0 });
    // Print prints the letter alone: in print media everything but the sheet is hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    expect(await preview.isVisible()).toBe(true);
    await h.screenshot('letters-02b-print-view');
    await page.emulateMedia({ media: 'screen' });

    // A follow-up in Russian: every unanswered letter by number and date, with days waiting.
    await page.getByRole('button', { name: 'Новое письмо' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as PrintWindow).__revoked)).toEqual([draftPrint.url, registeredPrint.url]);
    expect(page.frames().some((frame) => frame.url().startsWith('blob:'))).toBe(false);
    await form.getByLabel('Вид письма').selectOption('follow-up');
    await form.getByLabel('Язык письма').selectOption('ru');
    await form.getByRole('button', { name: 'Составить проект' }).click();
    await preview.getByText(/письмо\sот\s15\.01\.2024\s№\s01[-\u2011]12\/100\s—\sбез\sответа\s\d+\s(день|дня|дней)/).first().waitFor();
    await preview.getByText('О неполученных ответах на обращения').first().waitFor();
    expect(await preview.getByText(/№\s01[-\u2011]12\/1\s—\sбез\sответа/).count()).toBe(0); // the appeal sent today is not yet "unanswered"
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

    // The letter's card in the register prints the frozen PDF too.
    await page.getByRole('navigation').getByRole('button', { name: 'Журнал регистрации писем' }).click();
    await page.getByRole('button', { name: 'Открыть письмо № 01-12/1', exact: true }).click();
    const card = page.locator('section.letter-card');
    await card.getByRole('button', { name: /^Печать 01-12-1\.pdf$/ }).click();
    const cardPrint = await printedFrame(h, 3);
    expect([cardPrint.type, cardPrint.framed]).toEqual(['application/pdf', true]);
    expect(sha256(cardPrint.bytes)).toBe(sha256(readFileSync(pdf)));
    expect(h.problems).toEqual([]);
  });
});

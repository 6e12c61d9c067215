import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { dossierPhrases } from '../../shared/templates/dossier/phrases.ts';
import { pdfText } from '../support/documents.ts';
import { tempDir } from '../support/temp.ts';
import { accessibilityViolations } from './harness.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u2011/g, '-');

type PrintWindow = Window & { __printed: string[]; __blobs: Record<string, Blob> };

/** Print loads the PDF in a blob: frame and prints it: recorded here instead of opening the system dialog (as letters.e2e.ts). */
async function watchPrinting(h: ReturnType<typeof harness>): Promise<void> {
  await h.context.addInitScript(() => {
    if (location.protocol !== 'blob:') return;
    window.print = () => (window.top as PrintWindow).__printed.push(location.href);
  });
  await h.page.evaluate(() => {
    const w = window as unknown as PrintWindow;
    Object.assign(w, { __printed: [], __blobs: {} });
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      const url = create(blob);
      w.__blobs[url] = blob;
      return url;
    };
  });
}

/**
 * Holds the window's looks at a build (`dossiers:buildStatus`) until released, so the test sees the build running
 * whatever the machine's speed. The real router answers every call; only the moment it is asked is chosen.
 */
function holdBuildStatus(h: ReturnType<typeof harness>): { release(): void } {
  const router = h.app.router;
  const handle = router.handle.bind(router);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  router.handle = async (channel: string, input: unknown) => {
    if (channel === 'dossiers:buildStatus') await gate;
    return handle(channel, input);
  };
  return { release: () => (release(), (router.handle = handle)) };
}

describe('dossiers in the window', () => {
  it('a new user composes a Russian dossier from the incident list, reorders a section by keyboard, builds, issues edition 1, saves its PDF and prints it', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await watchPrinting(h);
    const db = h.app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'e2e');
    const files = tempDir();

    // The Dossiers section, empty for a new user.
    await page.getByRole('navigation').getByRole('button', { name: 'Досье' }).click();
    await page.getByText(/^Досье пока нет\./).waitFor();
    await page.getByRole('heading', { name: 'Досье', level: 1 }).waitFor();

    // The incident list: select both → "Add to a dossier…" → a new dossier.
    await page.getByRole('navigation').getByRole('button', { name: 'Инциденты' }).click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.keyboard.press('Control+a');
    await page.getByText('Выбрано 2').waitFor();
    await page.getByRole('button', { name: 'Добавить 2 инцидента в досье…' }).click();
    const add = page.getByRole('form', { name: 'Добавить в досье' });
    expect(await add.getByLabel('Досье').inputValue()).toBe(''); // «Новое досье»
    await add.getByRole('button', { name: 'Добавить (2)' }).click();

    // The dossier's screen: the two incidents are in it, not yet saved.
    const composition = page.getByRole('form', { name: 'Состав досье' });
    const picked = composition.getByRole('list', { name: 'Инциденты в досье' });
    await picked.getByText('Задержанные показаны избитыми по телевидению').waitFor();
    expect(await picked.getByRole('listitem').count()).toBe(2);
    await page.getByText('Есть несохранённые изменения').waitFor();
    const title = 'Досье к встрече с Уполномоченным по правам человека в Республике Казахстан';
    await composition.getByLabel('Название').fill(title);
    await composition.getByLabel('С кем').fill('Встреча с Уполномоченным по правам человека в Республике Казахстан');
    await composition.getByLabel('Место').fill('Астана');
    await composition.getByLabel('Дата').fill('2026-12-10');
    await composition.getByLabel('Гриф').fill('Для служебного пользования');
    expect(await composition.getByLabel('Язык досье').inputValue()).toBe('ru');
    const counterparts = composition.getByRole('group', { name: 'Адресаты' });
    await counterparts.getByRole('checkbox').first().check();
    await composition.getByLabel('Тезисы для беседы').fill('Просим сообщить о результатах проверки по делу задержанных на границе.');

    // Reorder from the keyboard: the ledger goes above the summary with Move up, the focus following it.
    const order = () => composition.locator('.dossier-sections li').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-section')));
    expect(await order()).toEqual(['cover', 'contents', 'summary', 'ledger', 'incidents', 'evidence', 'letters']);
    await composition.getByRole('button', { name: 'Выше: Журнал переписки' }).focus();
    await page.keyboard.press('Enter');
    expect(await order()).toEqual(['cover', 'contents', 'ledger', 'summary', 'incidents', 'evidence', 'letters']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Выше: Журнал переписки');
    await composition.getByText('Журнал переписки: место 3 из 7.').waitFor();
    await h.screenshot('dossiers-01-composition');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Build: saved first, then built as a job whose progress shows until main's answers are let through.
    const held = holdBuildStatus(h);
    await page.getByRole('button', { name: 'Собрать' }).click();
    const progress = page.getByRole('progressbar', { name: 'Ход сборки' });
    await progress.waitFor();
    await page.locator('.progress').getByRole('button', { name: 'Отмена' }).waitFor();
    await h.screenshot('dossiers-02-building');
    held.release();
    await page.getByText('Собрано.').waitFor();
    expect(await progress.count()).toBe(0);
    expect(await page.getByText('Есть несохранённые изменения').count()).toBe(0);
    const preview = page.getByRole('article', { name: 'Предварительный просмотр досье' });
    await preview.getByText(title).first().waitFor();
    // Texts the records lack in Russian, if any, are kept as written, deliberately.
    const unkept = page.getByRole('checkbox', { name: 'Оставить исходный текст', checked: false });
    while ((await unkept.count()) > 0) await unkept.first().check();
    await page.getByText('Собрано.').waitFor();
    const issue = page.getByRole('button', { name: 'Выпустить редакцию' });
    await expect.poll(() => issue.isDisabled()).toBe(false);
    await h.screenshot('dossiers-03-built');

    // Issue: edition 1, listed with its date, who and the SHA-256 behind «Подробнее».
    await issue.click();
    await page.getByText('Выпущена редакция 1. Она заморожена и больше не изменится.').waitFor();
    const editions = page.getByRole('table', { name: 'Редакции' });
    const first = editions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '1', exact: true }) });
    await first.getByText('e2e').waitFor();
    await first.getByText('Подробнее').click();
    await first.getByText(/^SHA-256 документа: [0-9a-f]{64}$/).waitFor();
    await h.screenshot('dossiers-04-issued');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Save PDF: the title and the section headings as the reader finds them.
    const pdf = join(files, 'dossier.pdf');
    h.dialogs.next.push(pdf);
    await first.getByRole('button', { name: 'Сохранить PDF…' }).click();
    await page.getByText('Сохранено: dossier.pdf').waitFor();
    const text = flat(pdfText(pdf));
    const headings = dossierPhrases.ru.sections;
    for (const phrase of [title, headings.contents, headings.summary, headings.ledger, headings.incidents, headings.evidence]) expect(text).toContain(flat(phrase));
    // The contents list the sections in the order chosen: the ledger before the summary.
    const contents = text.indexOf(flat(headings.contents));
    expect(text.indexOf(flat(headings.ledger), contents)).toBeLessThan(text.indexOf(flat(headings.summary), contents));

    // Print: the edition's own PDF in a blob: frame, the very bytes saved.
    await first.getByRole('button', { name: 'Печать' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as PrintWindow).__printed.length)).toBe(1);
    const printed = await page.evaluate(async () => {
      const w = window as unknown as PrintWindow;
      const blob = w.__blobs[w.__printed[0]!]!;
      return { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
    });
    expect(printed.type).toBe('application/pdf');
    expect(sha256(Buffer.from(printed.bytes))).toBe(sha256(readFileSync(pdf)));

    // Leaving with unsaved changes asks first; «Сохранить и закрыть» keeps them.
    await composition.getByLabel('Просьбы к встрече').fill('Содействовать посещению задержанных.');
    await page.getByRole('button', { name: 'Все досье' }).click();
    await page.getByRole('group', { name: 'В досье есть несохранённые изменения.' }).getByRole('button', { name: 'Сохранить и закрыть' }).click();

    // The list: the dossier with its edition; Delete is refused with the reason.
    const list = page.getByRole('table', { name: 'Сохранённые досье' });
    const row = list.getByRole('row').filter({ hasText: title });
    await row.getByText('2026-12-10').waitFor();
    await row.getByRole('button', { name: 'Удалить' }).click();
    await page.getByText(/У этого досье есть выпущенные редакции/).waitFor();
    await row.getByRole('button', { name: 'Дублировать' }).click();
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    const listed = (await h.app.router.handle('dossiers:list', {})) as { value: { id: string; title: string }[] };
    const kept = (await h.app.router.handle('dossiers:get', { id: listed.value.find((d) => d.title === title)!.id })) as { value: { notes: { requests: string } } };
    expect(kept.value.notes.requests).toBe('Содействовать посещению задержанных.');
    await h.screenshot('dossiers-05-list');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
  it('a Tajik dossier lists the texts the records lack in Tajik; Issue waits until each is translated or kept; sections reorder by drag and drop', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    const db = h.app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'e2e');
    const files = tempDir();

    await page.getByRole('navigation').getByRole('button', { name: 'Досье' }).click();
    await page.getByRole('button', { name: 'Новое досье' }).click();
    const composition = page.getByRole('form', { name: 'Состав досье' });
    await composition.getByLabel('Название').fill('Парванда барои мулоқот');
    await composition.getByLabel('Язык досье').selectOption('tg');
    await composition.getByRole('button', { name: 'Добавить: Задержанные показаны избитыми по телевидению' }).click();
    await composition.getByRole('list', { name: 'Инциденты в досье' }).getByText('Задержанные показаны избитыми по телевидению').waitFor();

    // Drag and drop: the evidence annex dropped on the cover goes first.
    const row = (section: string) => composition.locator(`.dossier-sections li[data-section="${section}"]`);
    await row('evidence').dragTo(row('cover'));
    const order = () => composition.locator('.dossier-sections li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-section')));
    expect((await order()).slice(0, 2)).toEqual(['evidence', 'cover']);
    // Unticked, the letters annex stays out of the dossier whatever its place.
    expect(await composition.getByRole('checkbox', { name: 'Приложение: письма' }).isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Собрать' }).click();
    await page.getByText('Собрано.').waitFor();
    const checks = page.locator('section.draft-checks');
    await checks.getByRole('heading', { name: 'Нет текста на языке досье' }).waitFor();
    const issue = page.getByRole('button', { name: 'Выпустить редакцию' });
    expect(await issue.isDisabled()).toBe(true);
    await page.getByText('Сначала заполните недостающие тексты.').waitFor();
    await h.screenshot('dossiers-06-missing-tg');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The incident's title typed in Tajik is saved to the record; the build runs again without it.
    const titleRow = checks.getByRole('group', { name: /^Инцидент: название/ }).filter({ hasText: 'Задержанные показаны избитыми по телевидению' });
    await titleRow.getByLabel('Перевод на таджикский').fill('Боздоштшудагон дар телевизион латукӯбшуда нишон дода шуданд');
    await titleRow.getByRole('button', { name: 'Сохранить перевод' }).click();
    await expect.poll(() => titleRow.count()).toBe(0);
    const preview = page.getByRole('article', { name: 'Предварительный просмотр досье' });
    await preview.getByText('Боздоштшудагон дар телевизион латукӯбшуда нишон дода шуданд').first().waitFor();
    // The rest are kept as written, deliberately; then Issue.
    const unkept = checks.getByRole('checkbox', { name: 'Оставить исходный текст', checked: false });
    while ((await unkept.count()) > 0) await unkept.first().check();
    await page.getByText('Собрано.').waitFor();
    await expect.poll(() => issue.isDisabled()).toBe(false);
    await issue.click();
    await page.getByText('Выпущена редакция 1. Она заморожена и больше не изменится.').waitFor();
    const docx = join(files, 'dossier-tg.docx');
    h.dialogs.next.push(docx);
    await page.getByRole('table', { name: 'Редакции' }).getByRole('button', { name: 'Сохранить DOCX…' }).click();
    await page.getByText('Сохранено: dossier-tg.docx').waitFor();
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    // The same screen in Tajik.
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('button', { name: 'Нашри таҳрир' }).waitFor();
    await h.screenshot('dossiers-07-issued-tg-ui');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../electron/ipc/router.ts';
import { DossierBuildJobs } from '../../electron/services/dossier/dossier-build-jobs.ts';
import type { MakeThumbnail } from '../../electron/services/dossier/dossier-facts.ts';
import { DossierService } from '../../electron/services/dossier/dossier-service.ts';
import { evidenceThumbnail } from '../../electron/services/dossier/evidence-thumbnail.ts';
import { addEvidence } from '../../electron/services/evidence/evidence-files.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { localToday } from '../../shared/domain/calendar.ts';
import { fontFamily } from '../../shared/document/layout.ts';
import { dossierPhrases } from '../../shared/templates/dossier/phrases.ts';
import { pageCount, pdfText } from '../support/documents.ts';
import { pngImage } from '../support/images.ts';
import { tempDir } from '../support/temp.ts';
import { accessibilityViolations, SCREENSHOTS } from './harness.ts';
import { printedFrame, watchPrinting, type PrintWindow } from './printing.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u2011/g, '-');

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

/**
 * Builds held at a step the test chooses, whatever the machine's speed. The window's three build channels are
 * answered by main's own job runner and dossier service (the same classes createApp makes, over the same open store),
 * built with the service's injection point for evidence pictures gated: armed with `holdNext`, a build waits at its
 * first picture — mid-build, its incident gathered — until released. The answers go through a router made from the
 * app's contract (createRouter), so inputs and results are checked exactly as main checks them.
 */
function gatedBuilds(h: ReturnType<typeof harness>) {
  let gate: { reached(): void; released: Promise<void> } | null = null;
  const thumbnail: MakeThumbnail = async (bytes, mediaType) => {
    const held = gate;
    gate = null;
    if (held) {
      held.reached();
      await held.released;
    }
    return evidenceThumbnail(bytes, mediaType);
  };
  const jobs = new DossierBuildJobs(new DossierService(() => h.app.session.store(), 'e2e', { thumbnail }), localToday);
  const cancels: string[] = [];
  const builds = createRouter({
    'dossiers:buildStart': ({ id }: { id: string }) => jobs.start(id),
    'dossiers:buildStatus': ({ jobId }: { jobId: string }) => jobs.status(jobId),
    'dossiers:buildCancel': ({ jobId }: { jobId: string }) => (cancels.push(jobId), jobs.cancel(jobId)),
  } as unknown as Handlers);
  const router = h.app.router;
  const handle = router.handle.bind(router);
  router.handle = (channel: string, input: unknown) => (channel.startsWith('dossiers:build') && channel !== 'dossiers:build' ? builds.handle(channel, input) : handle(channel, input));
  return {
    jobs,
    cancels,
    holdNext() {
      let reached!: () => void;
      let release!: () => void;
      const atStep = new Promise<void>((resolve) => (reached = resolve));
      gate = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
      return { reached: atStep, release };
    },
  };
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
    await first.getByRole('cell', { name: 'e2e', exact: true }).waitFor(); // the actor's cell: a SHA-256 in Details may contain «e2e» too
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
    const printed = await printedFrame(h, 1);
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
  it('Cancel stops a build held mid-way (no edition, no preview); the unissued build prints as a draft on every page; charts in the document’s font; the sidebar asks before unsaved changes are lost', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await watchPrinting(h);
    const db = h.app.session.store();
    await importInBatches(db, parseInterchange(db, fixture('border-detention.json')), 'e2e');
    const files = tempDir();
    const photo = join(files, 'photo.png');
    writeFileSync(photo, pngImage(64, 48));
    addEvidence(db, { incidentId: 'in-moscow-2024-10', path: photo, actor: 'e2e' });
    const builds = gatedBuilds(h);

    await page.getByRole('navigation').getByRole('button', { name: 'Досье' }).click();
    await page.getByRole('button', { name: 'Новое досье' }).click();
    const composition = page.getByRole('form', { name: 'Состав досье' });
    const title = 'Досье к встрече в Астане';
    await composition.getByLabel('Название').fill(title);
    await composition.getByLabel('Гриф').fill('Для служебного пользования');
    await composition.getByRole('button', { name: 'Добавить: Задержанные показаны избитыми по телевидению' }).click();

    // Build, held in main at the evidence picture (its incident gathered); Cancel from the progress bar.
    const held = builds.holdNext();
    await page.getByRole('button', { name: 'Собрать' }).click();
    await held.reached;
    const progress = page.locator('.progress');
    await progress.getByRole('progressbar', { name: 'Ход сборки' }).waitFor();
    await h.screenshot('dossiers-08-build-held');
    await progress.getByRole('button', { name: 'Отмена' }).click();
    await expect.poll(() => builds.cancels.length).toBe(1);
    held.release();
    await page.getByText('Сборка отменена; ничего не записано.').waitFor();
    expect(builds.jobs.status(builds.cancels[0]!)).toMatchObject({ state: 'cancelled', result: null });
    // The screen as it was before Build: no progress, no preview, Build again possible, nothing to issue or print.
    expect(await progress.count()).toBe(0);
    const preview = page.getByRole('article', { name: 'Предварительный просмотр досье' });
    expect(await preview.count()).toBe(0);
    await page.getByText('Сохраните и соберите досье, чтобы увидеть его здесь.').waitFor();
    expect(await page.getByRole('button', { name: 'Собрать' }).isDisabled()).toBe(false);
    // The keyboard's place: back on Build, where the Cancel it pressed was.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Собрать');
    expect(await page.getByRole('button', { name: 'Выпустить редакцию' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Печать проекта' }).count()).toBe(0);
    await page.getByText('Редакции ещё не выпускались.').waitFor();
    const listed = (await h.app.router.handle('dossiers:list', {})) as { value: { id: string }[] };
    const dossierId = listed.value[0]!.id;
    expect(await h.app.router.handle('dossiers:editions', { id: dossierId })).toEqual({ ok: true, value: [] });

    // Built through: the preview, its charts drawn inline in the document's font (not an <img> with a system face).
    await page.getByRole('button', { name: 'Собрать' }).click();
    await page.getByText('Собрано.').waitFor();
    await preview.getByText(title).first().waitFor();
    const charts = preview.locator('figure.doc-chart svg[role="img"]');
    await charts.first().waitFor();
    expect(await preview.locator('img[src^="data:image/svg"]').count()).toBe(0);
    const chartFont = await charts.first().locator('text').first().evaluate((text) => getComputedStyle(text).fontFamily);
    expect(chartFont.replace(/["']/g, '')).toContain(fontFamily);
    await expect.poll(() => page.evaluate((family) => document.fonts.check(`12px "${family}"`, 'Ж'), fontFamily)).toBe(true);
    await h.screenshot('dossiers-09-built');
    await charts.first().scrollIntoViewIfNeeded();
    await charts.first().screenshot({ path: join(SCREENSHOTS, 'dossiers-09-chart-in-preview.png') });

    // Print the draft: the build's PDF, every page marked «Проект по состоянию на …» beside the classification.
    await page.getByRole('button', { name: 'Печать проекта' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as PrintWindow).__printed.length)).toBe(1);
    const printed = await printedFrame(h, 1);
    expect(printed.type).toBe('application/pdf');
    const draft = join(files, 'draft.pdf');
    writeFileSync(draft, Buffer.from(printed.bytes));
    const pages = pdfText(draft).split('\f').slice(0, pageCount(draft));
    expect(pages.length).toBeGreaterThan(1);
    for (const text of pages) expect(flat(text)).toMatch(/Для служебного пользования · Проект по состоянию на \d{2}\.\d{2}\.\d{4}/);
    expect(await h.app.router.handle('dossiers:editions', { id: dossierId })).toEqual({ ok: true, value: [] });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Leaving through the sidebar with unsaved changes asks first, the focus on the question; «Остаться» keeps them.
    const requests = composition.getByLabel('Просьбы к встрече');
    await requests.fill('Содействовать посещению задержанных.');
    await page.getByRole('navigation').getByRole('button', { name: 'Инциденты' }).click();
    const asking = page.getByRole('group', { name: 'В досье есть несохранённые изменения.' });
    await asking.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Сохранить и закрыть');
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await h.screenshot('dossiers-10-leave-asks');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('group', { name: 'Дар парванда тағйироти нигоҳдоштанашуда ҳаст.' }).getByRole('button', { name: 'Мондан' }).waitFor();
    await h.screenshot('dossiers-11-leave-asks-tg');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Остаться' }).click();
    expect(await asking.count()).toBe(0);
    expect(await requests.inputValue()).toBe('Содействовать посещению задержанных.');

    // «Закрыть без сохранения»: the registry opens, the saved dossier keeps no request.
    const saved = async () => ((await h.app.router.handle('dossiers:get', { id: dossierId })) as { value: { notes: { requests: string } } }).value.notes.requests;
    await page.getByRole('navigation').getByRole('button', { name: 'Журнал регистрации писем' }).click();
    await asking.getByRole('button', { name: 'Закрыть без сохранения' }).click();
    await page.getByRole('navigation').locator('[aria-current="page"]').getByText('Журнал регистрации писем').waitFor();
    expect(await saved()).toBe('');

    // Reopened, changed again, and «Сохранить и закрыть» from the sidebar: saved, then the incident list.
    await page.getByRole('navigation').getByRole('button', { name: 'Досье' }).click();
    await page.getByRole('button', { name: `Открыть досье «${title}»` }).click();
    await requests.fill('Содействовать посещению задержанных.');
    await page.getByRole('navigation').getByRole('button', { name: 'Инциденты' }).click();
    await asking.getByRole('button', { name: 'Сохранить и закрыть' }).click();
    await page.getByRole('heading', { name: 'Инциденты', level: 1 }).waitFor();
    expect(await saved()).toBe('Содействовать посещению задержанных.');
  });
});

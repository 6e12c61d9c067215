import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportInterchange } from '../../electron/services/interchange/json-export.ts';
import { readXlsx } from '../../electron/services/interchange/sheets/xlsx-read.ts';
import { pngImage } from '../support/images.ts';
import { accessibilityViolations, openHarness, type Harness } from './harness.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();

const TITLE = 'Боздошти муҳоҷирон дар гузаргоҳи сарҳадии Фотех';
const GROUP = '40 муҳоҷирони меҳнатӣ, аз ҷумла занон ва кӯдакон';
const VIDEO = 'https://example.org/video/fotekh-queue';

/** The store, as the interchange file would carry it. */
const storeAsJson = (h: Harness) => JSON.parse(exportInterchange(h.app.session.store())) as { places: unknown[]; persons: unknown[]; incidents: { title: string }[] };

async function recordDetention(h: Harness): Promise<void> {
  const { page } = h;
  await page.getByRole('button', { name: 'Новый инцидент' }).first().click();
  const editor = page.locator('form.incident-editor');
  await editor.getByLabel('Название', { exact: true }).fill(TITLE);
  await editor.getByLabel('Дата начала').fill('2024-03-11');
  await editor.getByLabel('Дата окончания').fill('2024-03-14');
  await editor.getByLabel('Что произошло').fill('Чор рӯз бе ғизо дар гузаргоҳ нигоҳ дошта шуданд. <script>alert(1)</script>');

  await editor.getByRole('button', { name: '+ Новое место' }).click();
  await editor.getByLabel('Название места').fill('КПП «Фотех»');
  await editor.getByLabel('Вид места').selectOption('border-crossing');
  await editor.getByLabel('Страна (2 буквы)').fill('KZ');
  await editor.getByRole('button', { name: 'Сохранить место' }).click();
  await expect.poll(() => editor.getByLabel('Место', { exact: true }).inputValue()).toMatch(/^pl-/);

  await editor.getByRole('group', { name: 'Нарушения' }).getByLabel('Длительное задержание на границе').check();
  await editor.getByRole('group', { name: 'Нарушения' }).getByLabel('Лишение пищи или воды').check();

  // The victims: one group of 40 with women and children among them, entered right here.
  await editor.getByRole('button', { name: 'Добавить пострадавшего' }).click();
  const person = editor.getByRole('group', { name: 'Добавить пострадавшего' });
  await person.getByLabel('Вид', { exact: true }).selectOption('group');
  await person.getByLabel('Описание группы').fill(GROUP);
  await person.getByLabel('Число людей').fill('40');
  for (const label of ['Женщины', 'Дети', 'Трудовые мигранты']) await person.getByLabel(label, { exact: true }).check();
  await person.getByRole('button', { name: 'Добавить в инцидент' }).click();
  await editor.getByText('Пострадали 40 человек · 4 дня').waitFor();

  await editor.getByRole('button', { name: 'Добавить источник' }).click();
  await editor.getByLabel('Тип', { exact: true }).selectOption('social-media-video');
  await editor.getByLabel('Ссылка (адрес, документ, свидетель)').fill(VIDEO);

  await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await editor.getByText('Сохранено.').waitFor();

  // Three photos: two through the file picker, one dropped onto the window (made in the page: main gets its bytes,
  // never a path).
  const photos = [pngImage(640, 480), pngImage(800, 600, [30, 120, 30]), pngImage(400, 300, [10, 10, 200])];
  const paths = ['photo-1.png', 'photo-2.png'].map((name, i) => {
    const path = join(h.workDir, name);
    writeFileSync(path, photos[i]!);
    return path;
  });
  h.dialogs.next.push([paths[0]!, paths[1]!]);
  await editor.getByRole('button', { name: 'Выбрать файлы…' }).click();
  await editor.getByText('2 файла сохранены в хранилище.').waitFor();
  const transfer = await page.evaluateHandle((bytes: number[]) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'photo-3.png', { type: 'image/png' }));
    return data;
  }, [...photos[2]!]);
  await editor.getByTestId('evidence-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await editor.getByText('1 файл сохранён в хранилище.').waitFor();
  await expect.poll(() => editor.locator('.evidence-list img').count()).toBe(3);
  // Main stored the bytes the page sent, with the SHA-256 it computed itself.
  const incidentId = (storeAsJson(h).incidents[0] as unknown as { id: string }).id;
  const evidence = (await h.app.router.handle('evidence:list', { incidentId })) as { value: { fileName: string; sha256: string }[] };
  expect(evidence.value.find((record) => record.fileName === 'photo-3.png')?.sha256).toBe(createHash('sha256').update(photos[2]!).digest('hex'));

  // Keyboard-first: Ctrl+S saves from any field.
  await editor.getByLabel('Статус').selectOption('raised');
  await expect.poll(() => editor.getByText('Сохранено.').count()).toBe(0);
  await editor.getByLabel('Название', { exact: true }).press('Control+s');
  await editor.getByText('Сохранено.').waitFor();
  await editor.getByLabel('Статус').selectOption('documented');
  await editor.getByLabel('Название', { exact: true }).press('Control+s');
  await expect.poll(() => h.app.router.handle('incidents:get', { id: (storeAsJson(h).incidents[0] as unknown as { id: string }).id }).then((r) => (r as { value: { incident: { status: string } } }).value.incident.status)).toBe('documented');
}

describe('case records in the window', () => {
  it('records a border detention with a group, a video source and three photos; finds it; exports; imports into a fresh vault', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await recordDetention(h);
    await h.screenshot('records-01-incident-editor');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Script in a text field stays text.
    await expect.poll(() => page.getByLabel('Что произошло').inputValue()).toContain('<script>alert(1)</script>');

    const stored = storeAsJson(h);
    expect(stored.incidents).toHaveLength(1);
    expect(stored.incidents[0]).toMatchObject({ title: TITLE, startDate: '2024-03-11', endDate: '2024-03-14', violationTypes: ['prolonged-border-detention', 'deprivation-of-food-water'], sources: [{ type: 'social-media-video', reference: VIDEO }] });
    expect(stored.persons[0]).toMatchObject({ kind: 'group', name: GROUP, count: 40, characteristics: ['women', 'children', 'migrant-workers'] });

    // Found again by a Tajik word typed without Tajik letters, and by a date filter.
    await page.getByRole('button', { name: 'Закрыть', exact: true }).first().click();
    const search = page.getByRole('search');
    await search.getByLabel('Слова (название, описание, имена, источники)').fill('гузаргох');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найден 1 инцидент').waitFor();
    await search.getByLabel('Слова (название, описание, имена, источники)').fill('');
    await search.getByLabel('С', { exact: true }).fill('2025-01-01');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найдено 0 инцидентов').waitFor();
    await search.getByLabel('С', { exact: true }).fill('2024-03-01');
    await search.getByLabel('По', { exact: true }).fill('2024-03-31');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найден 1 инцидент').waitFor();
    // The search's place list was read when the page opened; reopen the section to see the new place.
    await page.getByRole('navigation').getByRole('button', { name: 'Места' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Инциденты' }).click();
    await search.getByLabel('Место', { exact: true }).selectOption({ label: 'КПП «Фотех» (KZ)' });
    await search.getByLabel('Конфиденциальность').selectOption('confidential');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найден 1 инцидент').waitFor();
    await search.getByLabel('Конфиденциальность').selectOption('public');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найдено 0 инцидентов').waitFor();
    await search.getByLabel('Конфиденциальность').selectOption('');
    await search.getByLabel('С', { exact: true }).fill('2024-03-01');
    await search.getByLabel('По', { exact: true }).fill('2024-03-31');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найден 1 инцидент').waitFor();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.getByText('Выбран 1').waitFor();
    await h.screenshot('records-02-list-filtered');

    const xlsx = join(h.workDir, 'incidents.xlsx');
    h.dialogs.next.push(xlsx);
    await page.getByRole('button', { name: 'Экспорт 1 выбранного в Excel…' }).click();
    await page.getByText('Экспортировано: incidents.xlsx').waitFor();
    const sheet = await readXlsx(readFileSync(xlsx));
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toContain(TITLE);
    expect(sheet.rows[0]).toContain('40');

    const json = join(h.workDir, 'dossier.json');
    h.dialogs.next.push(json);
    await page.getByRole('button', { name: 'Экспорт всех данных (JSON)…' }).click();
    await page.getByText('Экспортировано: dossier.json').waitFor();

    // A fresh vault on "another computer" imports the file with nothing lost.
    const fresh = await openHarness();
    try {
      await setUp(fresh);
      await fresh.page.getByRole('button', { name: 'Импорт…' }).click();
      fresh.dialogs.next.push(json);
      await fresh.page.getByRole('button', { name: 'Выбрать файл…' }).click();
      await fresh.page.getByText('Файл: dossier.json').waitFor();
      await fresh.page.getByRole('button', { name: 'Импортировать', exact: true }).click();
      await fresh.page.getByText('Импортировано: новых инцидентов 1, обновлено 0, лиц 1, мест 1.').waitFor();
      await fresh.page.getByRole('listbox').getByRole('option').filter({ hasText: TITLE }).waitFor();
      await fresh.screenshot('records-03-imported-in-fresh-vault');
      expect(storeAsJson(fresh)).toEqual(storeAsJson(h));
      expect(fresh.problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

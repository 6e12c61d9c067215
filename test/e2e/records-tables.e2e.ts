import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { derivedId } from '../../electron/services/interchange/table-rows.ts';
import type { Incident } from '../../shared/domain/records.ts';
import { accessibilityViolations } from './harness.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();

describe('spreadsheets, directories and a large list in the window', () => {
  it('imports a register with a column mapping and a report by row and column; merges a duplicate person', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    const csv = join(h.workDir, 'реестр.csv');
    writeFileSync(
      csv,
      [
        'Название;Дата;Место;Страна;Вид нарушения;Пострадавшие;Число пострадавших',
        'Задержание на КПП «Фотех»;11.03.2024;КПП «Фотех»;KZ;Длительное задержание на границе;мигранты;40',
        'Избиение при проверке документов;2024-13-02;;;Пытки;;',
        '"<img src=x onerror=alert(1)>";05.06.2024;Москва;RU;Выдворение без решения суда;;',
      ].join('\r\n'),
    );
    await page.getByRole('button', { name: 'Импорт…' }).click();
    h.dialogs.next.push(csv);
    await page.getByRole('button', { name: 'Выбрать файл…' }).click();
    await page.getByText('3 строки').waitFor();
    await expect.poll(() => page.getByLabel('Название *').inputValue()).toBe('0');
    await expect.poll(() => page.getByLabel('Дата начала *').inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Проверить' }).click();
    const report = page.getByRole('table', { name: 'Ошибки по строкам и столбцам' });
    await report.getByRole('row', { name: /^3 Дата Не дата/ }).waitFor();
    await h.screenshot('records-04-import-mapping-and-report');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByText(/Найдена 1 ошибка .* Ничего не импортировано/).waitFor();
    expect(await page.getByText('Найдено 0 инцидентов').count()).toBe(1);
    await page.getByRole('button', { name: 'Импортировать только 2 верные строки' }).click();
    await page.getByText('Импортировано: новых инцидентов 2, обновлено 0, лиц 1, мест 2.').waitFor();
    await page.getByText('Найдено 2 инцидента').waitFor();
    // Markup from the sheet is shown as text, never run.
    await page.getByRole('listbox').getByText('<img src=x onerror=alert(1)>').waitFor();

    // The same incident again with its violation left blank: the stored value is listed, and emptied only when confirmed.
    const call = (channel: string, input: unknown) => h.app.router.handle(channel, input) as Promise<{ ok: boolean; value?: { incident: Incident } }>;
    const fotekh = derivedId('row', 'Задержание на КПП «Фотех»', '2024-03-11', 'КПП «Фотех»');
    const violations = async () => (await call('incidents:get', { id: fotekh })).value?.incident.violationTypes;
    expect(await violations()).toEqual(['prolonged-border-detention']);
    const again = join(h.workDir, 'повтор.csv');
    writeFileSync(again, ['Название;Дата;Место;Страна;Вид нарушения', 'Задержание на КПП «Фотех»;11.03.2024;КПП «Фотех»;KZ;'].join('\r\n'));
    h.dialogs.next.push(again);
    await page.getByRole('button', { name: 'Выбрать файл…' }).click();
    await page.getByText('1 строка').waitFor();
    await page.getByRole('button', { name: 'Проверить' }).click();
    const emptied = page.getByRole('table', { name: 'Сохранённые значения, которые сотрут пустые ячейки' });
    await emptied.getByRole('row', { name: '2 Вид нарушения Задержание на КПП «Фотех»' }).waitFor();
    await page.getByText('1 пустая ячейка стёрла бы уже сохранённое значение.', { exact: false }).waitFor();
    await h.screenshot('records-04b-import-confirm-emptying');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByText('Пустые ячейки стёрли бы сохранённые значения. Ничего не импортировано; чтобы продолжить, подтвердите очистку.').waitFor();
    expect(await violations()).toEqual(['prolonged-border-detention']);
    await page.getByLabel('Очистить 1 сохранённое значение').check();
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByText('Импортировано: новых инцидентов 0, обновлено 1, лиц 0, мест 0.').waitFor();
    expect(await violations()).toEqual([]);

    // Two spellings of one man, entered separately: the directory offers the merge and keeps both incidents.
    await call('persons:save', { id: 'ps-a', kind: 'individual', name: 'Раҳимов Ҷамшед', birthDate: '1991-04-17', characteristics: [], disclosure: 'withheld' });
    await call('persons:save', { id: 'ps-b', kind: 'individual', name: 'Рахимов Джамшед', birthDate: '1991-04-17', characteristics: [], disclosure: 'withheld' });
    await page.getByRole('navigation').getByRole('button', { name: 'Лица' }).click();
    await page.getByLabel('Найти по имени (любое написание)').fill('рахимов');
    await page.getByRole('button', { name: 'Раҳимов Ҷамшед' }).click();
    await page.getByText('то же имя, та же дата рождения').waitFor();
    await page.getByRole('button', { name: 'Объединить с Раҳимов Ҷамшед' }).click();
    await page.getByText('Рахимов Джамшед: запись объединена с Раҳимов Ҷамшед; все связи с инцидентами сохранены.').waitFor();
    await h.screenshot('records-05-person-directory-merged');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await call('persons:get', { id: 'ps-b' })).toMatchObject({ ok: false });
    await page.getByRole('button', { name: 'Исправить запись' }).click();
    await page.getByLabel('ФИО латиницей').fill('Rakhimov Jamshed');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Сохранено: Раҳимов Ҷамшед').waitFor();
    expect(await call('persons:get', { id: 'ps-a' })).toMatchObject({ ok: true, value: { nameLatin: 'Rakhimov Jamshed', birthDate: '1991-04-17' } });

    await page.getByRole('navigation').getByRole('button', { name: 'Места' }).click();
    await page.getByRole('table', { name: '2 места' }).getByRole('row', { name: /КПП «Фотех» Другое KZ 1/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps a list of 100,000 incidents light: few rows in the page, keyboard to the end, sort, select all', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    const incidents: Incident[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `in-${String(i).padStart(6, '0')}`,
      originalLanguage: 'ru',
      title: `Задержание № ${i}`,
      description: '',
      startDate: `20${String(10 + (i % 15)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      datePrecision: 'day',
      violationTypes: ['arbitrary-detention'],
      methods: [],
      victimIds: [],
      sources: [],
      confidentiality: 'internal',
      status: 'documented',
    }));
    await importInBatches(h.app.session.store(), { places: [], persons: [], incidents }, 'e2e');
    await page.getByRole('search').getByRole('button', { name: 'Найти' }).click();
    await page.getByText('Найдено 100000 инцидентов').waitFor();
    const list = page.getByRole('listbox');
    await list.getByRole('option').first().waitFor();
    expect(await list.getByRole('option').count()).toBeLessThan(80);

    await page.getByRole('button', { name: 'Название' }).click();
    await list.getByRole('option', { name: /Задержание № 0 / }).waitFor();
    await list.focus();
    await page.keyboard.press('End');
    await list.getByRole('option', { name: /Задержание № 99999 / }).waitFor();
    expect(await list.getByRole('option').count()).toBeLessThan(80);
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.getByText('Выбрано 3').waitFor();
    await page.keyboard.press('Control+a');
    await page.getByText('Выбрано 100000').waitFor();
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByText('100000 ҳодиса ёфт шуд').waitFor();
    await h.screenshot('records-06-list-100k-tg');
  });
});

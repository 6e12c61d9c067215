import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/domain/calendar.ts';
import { accessibilityViolations } from './harness.ts';
import { lockByButton, PASS, setUp, unlock, useHarness } from './steps.ts';
import { tempDir } from '../support/temp.ts';

const harness = useHarness();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const today = () => new Date().toISOString().slice(0, 10);

describe('the correspondence registry in the window', () => {
  it('imports a register, shows the ledger 11 sent / 1 answered / 10 unanswered with the oldest, and links a reply in two clicks', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('button', { name: 'Импорт…' }).click();
    for (const file of ['border-detention.json', 'kz-ombudsman-letters.json']) {
      h.dialogs.next.push(fixture(file));
      await page.getByRole('button', { name: 'Выбрать файл…' }).click();
      await page.getByText(`Файл: ${file}`).waitFor();
      await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
      await page.getByText(/^Импортировано:/).waitFor();
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Журнал регистрации писем' }).click();
    const figure = (name: string) => page.locator(`[data-figure="${name}"]`).textContent();
    await expect.poll(() => figure('sent')).toBe('11');
    expect([await figure('answered'), await figure('unanswered'), await figure('overdue')]).toEqual(['1', '10', '10']);
    const waiting = daysBetween('2024-01-15', today());
    expect(await page.getByTestId('oldest-unanswered').textContent()).toBe(`Самое давнее без ответа: № 01-12/100 от 2024-01-15, ждёт ${waiting} ${waiting % 10 === 1 && waiting % 100 !== 11 ? 'день' : [2, 3, 4].includes(waiting % 10) && ![12, 13, 14].includes(waiting % 100) ? 'дня' : 'дней'}.`);
    await page.getByRole('img', { name: /по месяцам/ }).waitFor();
    await h.screenshot('registry-01-ledger');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Two clicks: "register reply" on the letter, then register (after typing their number).
    await page.getByRole('button', { name: 'Зарегистрировать ответ… № 01-12/109' }).click();
    await page.getByLabel('Их номер').fill('4/7-3001');
    await page.getByRole('button', { name: 'Зарегистрировать ответ', exact: true }).click();
    await page.getByText('Ответ № 4/7-3001 зарегистрирован и связан с № 01-12/109.').waitFor();
    await expect.poll(() => figure('answered')).toBe('2');
    expect(await figure('unanswered')).toBe('9');
    // The reply's card opens, and its link leads back to our letter, whose card lists the reply: both ways.
    const card = page.locator('section.letter-card');
    await card.getByRole('heading', { name: /^Входящее № 4\/7-3001 от / }).waitFor();
    await card.getByRole('button', { name: '№ 01-12/109 от 2024-10-15' }).click();
    await card.getByRole('heading', { name: 'Исходящее № 01-12/109 от 2024-10-15' }).waitFor();
    await card.getByText('Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех').waitFor();
    await card.getByRole('button', { name: /^№ 4\/7-3001 от / }).waitFor();
    // The scan of the letter as sent is kept with it, encrypted in the vault.
    const scan = join(tempDir(), 'исх-01-12-109.pdf');
    writeFileSync(scan, '%PDF-1.4\n% scan of the letter as sent\n%%EOF\n');
    h.dialogs.next.push(scan);
    await card.getByRole('button', { name: 'Прикрепить скан…' }).click();
    await card.getByText('Скан сохранён с письмом: исх-01-12-109.pdf').waitFor();
    await card.getByText(/исх-01-12-109\.pdf · 1 KB · SHA-256 [0-9a-f]{12}…/).waitFor();
    await h.screenshot('registry-02-reply-linked');

    // Filters: the period bounds the register and the ledger; direction and state narrow the register.
    await page.getByLabel('С', { exact: true }).fill('2024-06-01');
    await page.getByLabel('По', { exact: true }).fill('2024-08-31');
    await expect.poll(() => figure('sent')).toBe('3');
    expect(await page.locator('table.register caption').textContent()).toBe('Показано 3 из 13 писем');
    await page.getByLabel('С', { exact: true }).fill('');
    await page.getByLabel('По', { exact: true }).fill('');
    await page.getByLabel('Направление').selectOption('incoming');
    await expect.poll(() => page.locator('table.register caption').textContent()).toBe('Показано 2 из 13 писем');
    await page.getByLabel('Направление').selectOption('');
    await page.getByLabel('Состояние').selectOption('answered');
    await expect.poll(() => page.locator('table.register tbody tr').count()).toBe(2);
    await page.getByLabel('Состояние').selectOption('');
    await expect.poll(() => figure('sent')).toBe('11');

    // An outgoing letter registered from the window: next number of this year, deadline, the incident it raises.
    await page.getByRole('button', { name: 'Зарегистрировать исходящее…' }).click();
    const outgoing = page.getByRole('form', { name: /^Исходящее письмо:/ });
    await outgoing.getByLabel('Тема').fill('О задержанных, показанных по телевидению');
    await outgoing.getByLabel('Найти инцидент').fill('телевидению');
    await outgoing.getByRole('button', { name: 'Добавить: Задержанные показаны избитыми по телевидению' }).click();
    await outgoing.getByRole('list', { name: 'Выбранные инциденты' }).getByText('Задержанные показаны избитыми по телевидению').waitFor();
    await h.screenshot('registry-03-outgoing-form');
    await outgoing.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
    const year = today().slice(0, 4);
    await page.getByText(new RegExp(`^Зарегистрировано под № 01-12/1; ответ ожидается до \\d{4}-\\d{2}-\\d{2}\\.$`)).waitFor();
    await card.getByRole('heading', { name: `Исходящее № 01-12/1 от ${today()}` }).waitFor();
    expect(year).toMatch(/^\d{4}$/);

    // Registered letters are annulled with a reason, never deleted: it stays in the register, marked.
    await card.getByRole('button', { name: 'Аннулировать…' }).click();
    await card.getByLabel('Причина аннулирования').fill('Направлено ошибочно, будет заменено письмом с исправленным адресом');
    await card.getByRole('button', { name: 'Аннулировать № 01-12/1' }).click();
    await page.getByText('№ 01-12/1 аннулирован; он остаётся в журнале регистрации.').waitFor();
    await page.locator('table.register tr.state-annulled').getByText('Аннулировано').waitFor();
    const letters = (await h.app.router.handle('letters:list', { asOf: today() })) as { value: { letter: { number: string; annulled?: { reason: string } } }[] };
    expect(letters.value.find((entry) => entry.letter.number === '01-12/1')!.letter.annulled!.reason).toMatch(/^Направлено ошибочно/);

    // After the next unlock the reminder says how many replies are overdue, and leads to the registry.
    await lockByButton(h);
    await unlock(h, PASS);
    const reminder = page.getByRole('status', { name: 'Сроки ответов' });
    await reminder.getByText('Просрочено 9 писем').waitFor();
    await h.screenshot('registry-04-reminder-after-unlock');
    await reminder.getByRole('button', { name: 'Открыть журнал регистрации писем' }).click();
    await page.getByRole('heading', { name: 'Сводка' }).waitFor();

    // A new counterpart: the addressee block in the dative and the salutation are derived from name and position.
    await page.getByRole('button', { name: 'Новый адресат' }).click();
    const form = page.locator('form.counterpart-form');
    await form.getByLabel('Учреждение').fill('Генеральная прокуратура Республики Казахстан');
    await form.getByLabel('Должность').fill('Генеральный прокурор Республики Казахстан');
    await form.getByLabel('ФИО', { exact: true }).fill('Асылов Берик Жумабекович');
    await form.getByLabel('Страна (2 буквы)').fill('kz');
    await form.getByLabel('Срок ответа, дней').fill('10');
    await form.getByLabel('Считать').selectOption('working');
    const russian = form.getByRole('group', { name: 'Русский' });
    await expect.poll(() => russian.getByLabel('Блок адресата').inputValue()).toBe('Генеральному прокурору Республики Казахстан\nАсылову Б.Ж.');
    expect(await russian.getByLabel('Обращение').inputValue()).toBe('Уважаемый Берик Жумабекович!');
    await h.screenshot('registry-05-counterpart-form');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Сохранено: Генеральная прокуратура Республики Казахстан').waitFor();
    const saved = (await h.app.router.handle('counterparts:list', {})) as { value: { institution: string; addresseeDative: string; replyTerm: unknown; country: string }[] };
    expect(saved.value.find((c) => c.institution.startsWith('Генеральная'))).toMatchObject({ addresseeDative: 'Генеральному прокурору Республики Казахстан\nАсылову Б.Ж.', replyTerm: { days: 10, kind: 'working' }, country: 'KZ' });
  });

  it('sets the numbering pattern (refusing one without a sequence) and the holiday calendar (refusing impossible dates)', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('navigation').getByRole('button', { name: 'Настройки' }).click();
    const numbering = page.getByRole('form', { name: 'Регистрационные номера' });
    await expect.poll(() => numbering.getByTestId('number-preview').textContent()).toBe('Первое письмо этого года получит № 01-12/1.');
    await numbering.getByLabel('Шаблон').fill('{prefix}-{index}');
    await numbering.getByTestId('number-preview').getByText(/ровно один \{seq\}/).waitFor();
    await numbering.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').getByText('Проверьте: Шаблон: ровно один {seq}, только известные метки. Часть введённых данных неверна.').waitFor();
    await numbering.getByLabel('Шаблон').fill('ОМБ/{yy}-{seq:3}');
    await numbering.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Нумерация сохранена.').waitFor();
    expect(await h.app.router.handle('registry:numbering', {})).toMatchObject({ ok: true, value: { pattern: 'ОМБ/{yy}-{seq:3}' } });

    const calendar = page.getByRole('form', { name: 'Календарь праздников (сроки в рабочих днях)' });
    await calendar.getByLabel(/Переходящие праздники/).fill('2025-03-30, 2025-02-30');
    await calendar.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').getByText(/^Проверьте: Переходящие праздники: 2025-02-30\. /).waitFor();
    await calendar.getByLabel(/Переходящие праздники/).fill('2025-03-30, 2025-06-06');
    await calendar.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Календарь праздников сохранён.').waitFor();
    expect(await h.app.router.handle('registry:calendar', {})).toMatchObject({ ok: true, value: { movable: ['2025-03-30', '2025-06-06'] } });
    await h.screenshot('registry-07-settings');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('imports an existing register kept in a spreadsheet: columns guessed from Russian headers, bad rows named by row and column, the valid rows imported', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await h.app.router.handle('counterparts:save', { id: 'cp-kz', institution: 'Уполномоченный по правам человека в Республике Казахстан', position: 'Уполномоченный по правам человека', name: 'Иванова Татьяна Николаевна', country: 'KZ' });
    const csv = join(tempDir(), 'реестр-2024.csv');
    writeFileSync(
      csv,
      [
        '№;Дата;Вх/Исх;Адресат;Тема;В ответ на',
        '01-12/40;15.03.2024;исх;Уполномоченный по правам человека в Республике Казахстан;О выдворении без решения суда;',
        '01-12/41;15.04.2024;исх;Уполномоченный по правам человека в Республике Казахстан;О содержании без пищи;',
        '4/7-100;01.03.2024;вх;Уполномоченный по правам человека в Республике Казахстан;Ответ;01-12/40',
      ].join('\n'),
    );
    await page.getByRole('navigation').getByRole('button', { name: 'Журнал регистрации писем' }).click();
    await page.getByRole('button', { name: 'Импорт журнала регистрации писем…' }).click();
    h.dialogs.next.push(csv);
    await page.getByRole('button', { name: 'Выбрать файл…' }).click();
    await page.getByText('Файл: реестр-2024.csv').waitFor();
    expect(await page.getByLabel('Адресат (учреждение) *').inputValue()).toBe('3');
    expect(await page.getByLabel('В ответ на (номер)').inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    const report = page.locator('table.report-table');
    await report.getByText('Ответ датирован раньше письма, на которое он отвечает').waitFor();
    expect(await report.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['4', 'Дата', 'Ответ датирован раньше письма, на которое он отвечает', '01.03.2024']);
    await h.screenshot('registry-06-register-import-report');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Импортировать только 2 верные строки' }).click();
    await page.getByText(/Импортировано писем: 2 новых/).waitFor();
    await page.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(() => page.locator('[data-figure="sent"]').textContent()).toBe('2');
  });
});

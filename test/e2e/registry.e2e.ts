import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/domain/calendar.ts';
import { accessibilityViolations } from './harness.ts';
import { lockByButton, PASS, setUp, unlock, useHarness } from './steps.ts';

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
    await page.getByRole('navigation').getByRole('button', { name: 'Переписка' }).click();
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
    await h.screenshot('registry-02-reply-linked');

    // After the next unlock the reminder says how many replies are overdue, and leads to the registry.
    await lockByButton(h);
    await unlock(h, PASS);
    const reminder = page.getByRole('status', { name: 'Сроки ответов' });
    await reminder.getByText('Просрочено 9 писем').waitFor();
    await h.screenshot('registry-03-reminder-after-unlock');
    await reminder.getByRole('button', { name: 'Открыть переписку' }).click();
    await page.getByRole('heading', { name: 'Сводка' }).waitFor();

    // A new counterpart: the addressee block in the dative and the salutation are derived from name and position.
    await page.getByRole('button', { name: 'Новый адресат' }).click();
    const form = page.locator('form.counterpart-form');
    await form.getByLabel('Учреждение').fill('Генеральная прокуратура Республики Казахстан');
    await form.getByLabel('Должность').fill('Генеральный прокурор Республики Казахстан');
    await form.getByLabel('ФИО (фамилия первой)').fill('Асылов Берик Жумабекович');
    await form.getByLabel('Страна (2 буквы)').fill('kz');
    await form.getByLabel('Срок ответа, дней').fill('10');
    await form.getByLabel('Считать').selectOption('working');
    await expect.poll(() => form.getByTestId('derived-addressee').textContent()).toBe(
      'Если оставить пустым: Генеральному прокурору Республики Казахстан / Асылову Б. Ж. — Уважаемый Берик Жумабекович!',
    );
    await h.screenshot('registry-04-counterpart-form');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Сохранено: Генеральная прокуратура Республики Казахстан').waitFor();
    const saved = (await h.app.router.handle('counterparts:list', {})) as { value: { institution: string; addresseeDative: string; replyTerm: unknown; country: string }[] };
    expect(saved.value.find((c) => c.institution.startsWith('Генеральная'))).toMatchObject({ addresseeDative: 'Генеральному прокурору Республики Казахстан\nАсылову Б. Ж.', replyTerm: { days: 10, kind: 'working' }, country: 'KZ' });
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
    await page.getByRole('alert').getByText(/Проверьте: pattern/).waitFor();
    await numbering.getByLabel('Шаблон').fill('ОМБ/{yy}-{seq:3}');
    await numbering.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Нумерация сохранена.').waitFor();
    expect(await h.app.router.handle('registry:numbering', {})).toMatchObject({ ok: true, value: { pattern: 'ОМБ/{yy}-{seq:3}' } });

    const calendar = page.getByRole('form', { name: 'Календарь праздников (сроки в рабочих днях)' });
    await calendar.getByLabel(/Переходящие праздники/).fill('2025-03-30, 2025-02-30');
    await calendar.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').getByText(/Проверьте: movable\.1/).waitFor();
    await calendar.getByLabel(/Переходящие праздники/).fill('2025-03-30, 2025-06-06');
    await calendar.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Календарь праздников сохранён.').waitFor();
    expect(await h.app.router.handle('registry:calendar', {})).toMatchObject({ ok: true, value: { movable: ['2025-03-30', '2025-06-06'] } });
    await h.screenshot('registry-05-settings');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from './harness.ts';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();

describe('treaties and their ratification (Settings)', () => {
  it('shows the shipped table, corrects a state’s row with a note (audited) and resets it to the shipped one', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('button', { name: 'Настройки', exact: true }).click();
    await page.getByRole('heading', { name: 'Международные договоры и их ратификация' }).waitFor();
    const kazakhstan = page.getByTestId('ratification-KZ');
    // Columns: state, then ICCPR, CAT, ICRMW, … in the order of the table's header.
    await expect(kazakhstan.locator('td').nth(2).textContent()).resolves.toBe('не участник');
    await expect(page.getByTestId('ratification-TJ').locator('td').nth(2).textContent()).resolves.toBe('участник');
    await expect(kazakhstan.locator('td').nth(7).textContent()).resolves.toBe('из поставки');

    await kazakhstan.getByRole('button', { name: 'Изменить' }).click();
    await page.getByLabel('Конвенция о трудящихся-мигрантах').selectOption('party');
    await page.getByLabel('Где проверено (например, страница Сборника договоров ООН и дата)').fill('treaties.un.org, IV-13');
    await page.getByRole('form', { name: /^Изменить запись: .*KZ/ }).getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText(/^Запись для государства .*KZ.* сохранена/).waitFor();
    await expect(kazakhstan.locator('td').nth(2).textContent()).resolves.toBe('участник');
    await expect(kazakhstan.locator('td').nth(7).textContent()).resolves.toBe('исправлено офисом: treaties.un.org, IV-13');
    expect(h.app.session.store().prepare("SELECT count(*) FROM audit_log WHERE action = 'ratification.update' AND entity_id = 'ratification-KZ'").pluck().get()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await h.screenshot('ratification-settings');

    await kazakhstan.getByRole('button', { name: 'Вернуть из поставки' }).click();
    await page.getByText(/снова действует запись из поставки/).waitFor();
    await expect(kazakhstan.locator('td').nth(2).textContent()).resolves.toBe('не участник');
    expect(h.app.session.store().prepare("SELECT count(*) FROM audit_log WHERE action = 'ratification.reset'").pluck().get()).toBe(1);
  });
});

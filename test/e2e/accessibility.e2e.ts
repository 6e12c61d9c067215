import { describe, expect, it } from 'vitest';
import { accessibilityViolations } from './harness.ts';
import { lockByButton, PASS, useHarness } from './steps.ts';

const harness = useHarness();

describe('accessibility and browser storage', () => {
  it('has no serious or critical axe violations on any screen, in Russian and Tajik', async () => {
    const h = harness();
    const { page } = h;
    const check = async (screen: string) => expect({ screen, violations: await accessibilityViolations(page) }).toEqual({ screen, violations: [] });

    await page.getByRole('heading', { name: 'Создание хранилища' }).waitFor();
    await check('setup');
    await page.getByRole('button', { name: 'Создать хранилище' }).click(); // shows the refusal alerts
    await page.getByRole('alert').first().waitFor();
    await check('setup with errors');

    await page.getByLabel('Новая парольная фраза').fill(PASS);
    await page.getByLabel('Повторите парольную фразу').fill(PASS);
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    await page.getByTestId('recovery-key').waitFor();
    await check('recovery key');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Продолжить' }).click();

    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
    await check('shell');
    // Every landmark the brief asks for, once.
    for (const role of ['banner', 'navigation', 'main'] as const) expect(await page.getByRole(role).count()).toBe(1);
    await page.getByRole('button', { name: 'Настройки', exact: true }).click();
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Все проверки пройдены.').waitFor();
    await check('settings');

    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('heading', { name: 'Танзимот' }).waitFor();
    await check('settings (tg)');
    await page.getByRole('button', { name: 'Русский' }).click();

    await lockByButton(h);
    await check('unlock');
    for (const role of ['banner', 'main'] as const) expect(await page.getByRole(role).count()).toBe(1);
    await page.getByRole('button', { name: 'Забыли парольную фразу? Используйте ключ восстановления' }).click();
    await page.getByRole('heading', { name: 'Восстановление доступа' }).waitFor();
    await check('recover');
    // Browser storage is checked after every test by useHarness (localStorage, sessionStorage, IndexedDB).
  });
});

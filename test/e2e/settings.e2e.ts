import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness } from './harness.ts';
import { alertText, expectShell, lockByButton, PASS, setUp, unlock, useHarness } from './steps.ts';

const harness = useHarness();
/** Outlives each test's data folder, so a backup can move to "another computer" (a second harness). */
const carry = mkdtempSync(join(tmpdir(), 'ombuds-e2e-carry-'));
afterAll(() => rmSync(carry, { recursive: true, force: true }));

const NEXT = 'новая фраза для Худжанда 77';

describe('settings', () => {
  it('changes the passphrase, sets auto-lock, backs up, verifies and restores', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('button', { name: 'Настройки', exact: true }).click();
    await page.getByRole('heading', { name: 'Смена парольной фразы' }).waitFor();
    await page.getByLabel('Текущая парольная фраза').fill('неверная текущая');
    await page.getByLabel('Новая парольная фраза').fill(NEXT);
    await page.getByLabel('Повторите новую парольную фразу').fill(NEXT);
    await page.getByRole('button', { name: 'Сменить парольную фразу' }).click();
    expect(await alertText(h)).toContain('Неверная парольная фраза');
    await page.getByLabel('Текущая парольная фраза').fill(PASS);
    await page.getByRole('button', { name: 'Сменить парольную фразу' }).click();
    await page.getByText('Парольная фраза изменена.').waitFor();

    const minutes = page.getByLabel('Блокировать после стольких минут бездействия');
    await expect(minutes.inputValue()).resolves.toBe('10');
    await minutes.fill('0');
    await page.locator('section', { has: minutes }).getByRole('button', { name: 'Сохранить', exact: true }).click();
    expect(await alertText(h)).toContain('неверна');
    await minutes.fill('3');
    await page.locator('section', { has: minutes }).getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Сохранено.').waitFor();
    expect(h.app.session.getSettings().autoLockMinutes).toBe(3);

    // Cancelling the save dialog shows nothing; choosing a file saves a verified backup there.
    h.dialogs.next.push(null);
    await page.getByRole('button', { name: 'Создать резервную копию…' }).click();
    await page.getByRole('button', { name: 'Создать резервную копию…' }).waitFor({ state: 'visible' });
    expect(await page.getByText('Резервная копия сохранена').count()).toBe(0);
    const backup = join(h.workDir, 'office.ombudsbackup');
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Создать резервную копию…' }).click();
    await page.getByText('Резервная копия сохранена и проверена: office.ombudsbackup').waitFor();
    expect(statSync(backup).size).toBeGreaterThan(4096);
    copyFileSync(backup, join(carry, 'office.ombudsbackup'));

    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Все проверки пройдены.').waitFor();
    expect(await page.locator('[data-check]').count()).toBe(6);
    expect(await page.locator('[data-check][data-ok="true"]').count()).toBe(6);
    await h.screenshot('10-settings');

    // Restoring needs the explicit consent to replace the current store.
    const restore = page.getByRole('button', { name: 'Восстановить из копии…' });
    await page.getByLabel('Парольная фраза резервной копии').fill(NEXT);
    expect(await restore.isDisabled()).toBe(true);
    await page.getByRole('checkbox').check();
    h.dialogs.next.push(backup);
    await restore.click();
    await page.getByText('Резервная копия восстановлена и проверена.').waitFor();
    await page.getByRole('heading', { name: 'Смена парольной фразы' }).waitFor();

    await lockByButton(h);
    await unlock(h, NEXT);
    await expectShell(h);
  });

  it('a restore refused for a wrong backup passphrase says why and leaves the open vault as it was', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('button', { name: 'Настройки', exact: true }).click();
    const backup = join(h.workDir, 'before.ombudsbackup');
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Создать резервную копию…' }).click();
    await page.getByText('Резервная копия сохранена и проверена: before.ombudsbackup').waitFor();

    await page.getByLabel('Парольная фраза резервной копии').fill('не та фраза для копии');
    await page.getByRole('checkbox').check();
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Восстановить из копии…' }).click();
    await page.getByText('Неверная парольная фраза. Ничего не изменено.').waitFor();
    await h.screenshot('11-restore-refused');
    // Main checked the passphrase before closing anything: the vault is still open, the shell still shown.
    expect(h.app.session.status().state).toBe('unlocked');
    await page.getByRole('heading', { name: 'Восстановление из резервной копии' }).waitFor();
  });

  it('restores a backup on a new computer from the first-run screen', async () => {
    const h = harness();
    const { page } = h;
    const backup = join(carry, 'office.ombudsbackup');
    // Run alone, this test makes its own backup first (in a separate app and data folder).
    if (!statSync(backup, { throwIfNoEntry: false })) {
      const other = await openHarness();
      try {
        await setUp(other);
        await other.page.getByRole('button', { name: 'Настройки', exact: true }).click();
        await other.page.getByLabel('Текущая парольная фраза').fill(PASS);
        await other.page.getByLabel('Новая парольная фраза').fill(NEXT);
        await other.page.getByLabel('Повторите новую парольную фразу').fill(NEXT);
        await other.page.getByRole('button', { name: 'Сменить парольную фразу' }).click();
        await other.page.getByText('Парольная фраза изменена.').waitFor();
        other.dialogs.next.push(backup);
        await other.page.getByRole('button', { name: 'Создать резервную копию…' }).click();
        await other.page.getByText('Резервная копия сохранена и проверена').waitFor();
        expect(other.problems).toEqual([]);
      } finally {
        await other.close();
      }
    }

    await page.getByRole('heading', { name: 'Переезд на новый компьютер?' }).waitFor();
    await page.getByLabel('Парольная фраза резервной копии').fill('не та фраза для копии');
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Восстановить из резервной копии…' }).click();
    expect(await alertText(h)).toContain('Неверная парольная фраза');
    expect(h.app.session.status().state).toBe('uninitialized');

    await page.getByLabel('Парольная фраза резервной копии').fill(NEXT);
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Восстановить из резервной копии…' }).click();
    await expectShell(h);
    await h.screenshot('12-restored-new-computer');
    await lockByButton(h);
    await unlock(h, NEXT);
    await expectShell(h);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, closeBrowser, openHarness, type Harness } from './harness.ts';

const PASS = 'горная тропа вдоль Пянджа 2024';
let h: Harness;

beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  expect(h.problems).toEqual([]);
  await h.close();
});
afterAll(closeBrowser);

/** Setup through the window; returns the recovery key shown once. */
async function setUp(passphrase = PASS): Promise<string> {
  const { page } = h;
  await page.getByLabel('Новая парольная фраза').fill(passphrase);
  await page.getByLabel('Повторите парольную фразу').fill(passphrase);
  await page.getByRole('button', { name: 'Создать хранилище' }).click();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
  return key;
}

async function unlock(passphrase: string) {
  await h.page.getByLabel('Парольная фраза', { exact: true }).fill(passphrase);
  await h.page.getByRole('button', { name: 'Разблокировать', exact: true }).click();
}

describe('vault in the window', () => {
  it('first run in Russian: weak and mismatched passphrases refused, recovery key and sheet, then unlock and lock', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: 'Создание хранилища' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await h.screenshot('01-setup-ru');

    await page.getByLabel('Новая парольная фраза').fill('password123');
    await page.getByLabel('Повторите парольную фразу').fill('password123');
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('слишком легко угадать');
    await page.getByLabel('Новая парольная фраза').fill('короче');
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Не менее 10 символов');
    await page.getByLabel('Новая парольная фраза').fill(PASS);
    await page.getByLabel('Повторите парольную фразу').fill(`${PASS}!`);
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('не совпадают');
    expect(existsSync(join(h.dataDir, 'vault.json'))).toBe(false);
    await h.screenshot('02-setup-mismatch');

    await page.getByLabel('Повторите парольную фразу').fill(PASS);
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    const key = (await page.getByTestId('recovery-key').textContent())!.trim();
    expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(await page.getByRole('button', { name: 'Продолжить' }).isDisabled()).toBe(true);

    const sheet = join(h.workDir, 'recovery-sheet.pdf');
    h.dialogs.next.push(sheet);
    await page.getByRole('button', { name: 'Сохранить лист восстановления (PDF)…' }).click();
    await page.getByText('Сохранено: recovery-sheet.pdf').waitFor();
    expect(readFileSync(sheet).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' });
    // The sheet prints the key as two lines of four groups.
    expect(text).toContain(key.split('-').slice(0, 4).join('-'));
    expect(text).toContain(key.split('-').slice(4).join('-'));
    expect(text).toContain('лист восстановления');
    await h.screenshot('03-recovery-key');

    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
    await h.screenshot('04-shell');

    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
    await unlock('совсем не та фраза');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Неверная парольная фраза');
    await h.screenshot('05-unlock-wrong');
    await unlock(PASS);
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();

    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
    expect(h.app.session.status().state).toBe('locked');
  });

  it('switches language on every screen, including unlock, and sets html[lang]', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('heading', { name: 'Сохтани анбор' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('tg');
    await h.screenshot('06-setup-tg');
    await page.getByRole('button', { name: 'Русский' }).click();
    await setUp();
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('heading', { name: 'Кушодани анбор' }).waitFor();
    expect(await page.getByRole('button', { name: 'Кушодан', exact: true }).count()).toBe(1);
    await h.screenshot('07-unlock-tg');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Unlock the vault' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('settings: change passphrase, auto-lock, backup, verify and restore', async () => {
    const { page } = h;
    await setUp();
    await page.getByRole('button', { name: 'Настройки' }).click();
    await page.getByRole('heading', { name: 'Смена парольной фразы' }).waitFor();
    const next = 'новая фраза для Худжанда 77';
    await page.getByLabel('Текущая парольная фраза').fill('неверная текущая');
    await page.getByLabel('Новая парольная фраза').fill(next);
    await page.getByLabel('Повторите новую парольную фразу').fill(next);
    await page.getByRole('button', { name: 'Сменить парольную фразу' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Неверная парольная фраза');
    await page.getByLabel('Текущая парольная фраза').fill(PASS);
    await page.getByRole('button', { name: 'Сменить парольную фразу' }).click();
    await page.getByText('Парольная фраза изменена.').waitFor();

    const minutes = page.getByLabel('Блокировать после стольких минут бездействия');
    await expect(minutes.inputValue()).resolves.toBe('10');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('неверна');
    await minutes.fill('3');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Сохранено.').waitFor();
    expect(h.app.session.getSettings().autoLockMinutes).toBe(3);

    const backup = join(h.workDir, 'office.ombudsbackup');
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Создать резервную копию…' }).click();
    await page.getByText('Резервная копия сохранена и проверена: office.ombudsbackup').waitFor();
    expect(statSync(backup).size).toBeGreaterThan(4096);

    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Все проверки пройдены.').waitFor();
    expect(await page.locator('[data-check][data-ok="true"]').count()).toBe(4);
    await h.screenshot('08-settings');

    h.dialogs.next.push(backup);
    await page.getByLabel('Парольная фраза резервной копии').fill(next);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Восстановить из копии…' }).click();
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();

    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await unlock(next);
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
  });

  it('recovers with the recovery key and unlocks with the new passphrase', async () => {
    const { page } = h;
    const key = await setUp();
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await page.getByRole('button', { name: 'Забыли парольную фразу? Используйте ключ восстановления' }).click();
    await page.getByLabel('Ключ восстановления').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
    const fresh = 'свежая фраза после потери 5';
    await page.getByLabel('Новая парольная фраза').fill(fresh);
    await page.getByLabel('Повторите парольную фразу').fill(fresh);
    await page.getByRole('button', { name: 'Задать новую фразу и разблокировать' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Неверный ключ восстановления');
    await h.screenshot('09-recover');
    await page.getByLabel('Ключ восстановления').fill(key.toLowerCase());
    await page.getByRole('button', { name: 'Задать новую фразу и разблокировать' }).click();
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await unlock(fresh);
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
  });

  it('locks on idle: the window drops to the unlock screen with the reason and keeps nothing on screen', async () => {
    const { page } = h;
    await setUp();
    await page.getByRole('button', { name: 'Настройки' }).click();
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Все проверки пройдены.').waitFor();
    h.app.lock('idle');
    await page.getByText('Хранилище заблокировано после периода бездействия.').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('Все проверки пройдены');
    expect(body).not.toContain('Настройки');
    await h.screenshot('10-locked-idle');
  });

  it('has no serious accessibility violations and keeps nothing in browser storage', async () => {
    const { page } = h;
    expect(await accessibilityViolations(page)).toEqual([]);
    await setUp();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Настройки' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
    }));
    expect(storage).toEqual({ local: 0, session: 0, databases: 0 });
  });
});

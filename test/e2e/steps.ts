import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { closeBrowser, openHarness, type Harness } from './harness.ts';

/** A passphrase the forms accept (several unrelated words); the e2e suite works in Russian unless it switches. */
export const PASS = 'горная тропа вдоль Пянджа 2024';
export const RECOVERY_KEY_PATTERN = /^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/;

/**
 * One fresh harness (data folder, app, browser context) per test. After each test: no console error, page error
 * or CSP violation was seen, and the renderer left nothing in browser storage.
 */
export function useHarness(): () => Harness {
  let h: Harness | undefined;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    const current = h!;
    h = undefined;
    try {
      expect(current.problems).toEqual([]);
      expect(await current.browserStorage()).toEqual({ local: 0, session: 0, databases: [], contextEntries: 0 });
    } finally {
      await current.close();
    }
  });
  afterAll(closeBrowser);
  return () => h!;
}

/** Setup through the window; returns the recovery key shown once and leaves the shell open. */
export async function setUp(h: Harness, passphrase = PASS): Promise<string> {
  const { page } = h;
  await page.getByLabel('Новая парольная фраза').fill(passphrase);
  await page.getByLabel('Повторите парольную фразу').fill(passphrase);
  await page.getByRole('button', { name: 'Создать хранилище' }).click();
  const key = (await page.getByTestId('recovery-key').textContent())!.trim();
  expect(key).toMatch(RECOVERY_KEY_PATTERN);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).waitFor();
  return key;
}

export async function unlock(h: Harness, passphrase: string): Promise<void> {
  await h.page.getByLabel('Парольная фраза', { exact: true }).fill(passphrase);
  await h.page.getByRole('button', { name: 'Разблокировать', exact: true }).click();
}

export async function lockByButton(h: Harness): Promise<void> {
  await h.page.getByRole('button', { name: 'Заблокировать' }).click();
  await h.page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
}

export async function expectShell(h: Harness): Promise<void> {
  await h.page.getByRole('navigation', { name: 'Разделы' }).waitFor();
}

/** The text of the first alert, once one is shown. */
export async function alertText(h: Harness): Promise<string> {
  const alert = h.page.getByRole('alert').first();
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

import { describe, expect, it } from 'vitest';
import { alertText, expectShell, lockByButton, PASS, setUp, unlock, useHarness } from './steps.ts';

const harness = useHarness();

describe('lock, wait and recover', () => {
  it('recovers with the recovery key and then unlocks with the new passphrase', async () => {
    const h = harness();
    const { page } = h;
    const key = await setUp(h);
    await lockByButton(h);
    await page.getByRole('button', { name: 'Забыли парольную фразу? Используйте ключ восстановления' }).click();
    await page.getByRole('heading', { name: 'Восстановление доступа' }).waitFor();
    const submit = page.getByRole('button', { name: 'Задать новую фразу и разблокировать' });
    await page.getByLabel('Ключ восстановления').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
    const fresh = 'свежая фраза после потери 5';
    await page.getByLabel('Новая парольная фраза').fill(fresh);
    await page.getByLabel('Повторите парольную фразу').fill(fresh);
    await submit.click();
    expect(await alertText(h)).toContain('Неверный ключ восстановления');
    await h.screenshot('13-recover');
    // Typed by hand: lower case and spaces instead of dashes are accepted.
    await page.getByLabel('Ключ восстановления').fill(key.toLowerCase().replace(/-/g, ' '));
    await submit.click();
    await expectShell(h);
    await lockByButton(h);
    await unlock(h, PASS);
    expect(await alertText(h)).toContain('Неверная парольная фраза');
    await unlock(h, fresh);
    await expectShell(h);
  });

  it('locks on idle: drops to the unlock screen with the reason and keeps nothing of the session in the DOM', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('button', { name: 'Настройки', exact: true }).click();
    const backup = `${h.workDir}/idle-check.ombudsbackup`;
    h.dialogs.next.push(backup);
    await page.getByRole('button', { name: 'Создать резервную копию…' }).click();
    await page.getByText('idle-check.ombudsbackup').waitFor();
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Все проверки пройдены.').waitFor();
    await page.getByLabel('Текущая парольная фраза').fill(PASS);

    // What main does when its idle timer fires; the window learns it from the status poll.
    h.app.lock('idle');
    await page.getByText('Хранилище заблокировано после периода бездействия.').waitFor();
    const html = await page.content();
    for (const shown of ['idle-check.ombudsbackup', 'Все проверки пройдены', 'Настройки', 'Разделы', PASS]) {
      expect(html).not.toContain(shown);
    }
    // Input values are not in the markup; read them from the live elements.
    const values = await page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values.every((value) => value === '')).toBe(true);
    await h.screenshot('14-locked-idle');

    await unlock(h, PASS);
    await expectShell(h);
    // A fresh shell: back at the first section, nothing from before the lock.
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
  });

  it('after repeated wrong passphrases counts the wait down, then unlocks', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await lockByButton(h);
    const submit = page.getByRole('button', { name: 'Разблокировать', exact: true });
    const wait = page.locator('[role="alert"][data-code="too-many-attempts"]');
    // Five free attempts, then waits of 1, 2, 4 … s. Keep failing until a wait long enough to watch is running.
    let attempts = 0;
    while (attempts < 12) {
      await page.getByLabel('Парольная фраза', { exact: true }).fill(`неверная фраза номер ${attempts}`);
      await submit.click();
      attempts += 1;
      await page.getByRole('alert').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('button[type="submit"]')?.textContent?.includes('Выполняется'));
      const secondsShown = Number((await wait.textContent({ timeout: 500 }).catch(() => ''))?.match(/через (\d+)/)?.[1] ?? 0);
      if (secondsShown >= 3) break;
      // A short wait: let it run out before the next try.
      await page.waitForFunction(() => !document.querySelector('[data-code="too-many-attempts"]'));
    }
    expect(attempts).toBeGreaterThan(5);
    expect(await wait.textContent()).toMatch(/^Слишком много неудачных попыток\. Повторите через \d+ секунд[уы]?\.$/);
    expect(await submit.isDisabled()).toBe(true);
    await h.screenshot('15-unlock-wait');
    // The count goes down and the form comes back by itself.
    const first = Number((await wait.textContent())!.match(/через (\d+)/)![1]);
    await page.waitForFunction((start) => {
      const shown = document.querySelector('[data-code="too-many-attempts"]')?.textContent?.match(/через (\d+)/)?.[1];
      return shown !== undefined && Number(shown) < start;
    }, first);
    await wait.waitFor({ state: 'detached', timeout: 60_000 });
    await unlock(h, PASS);
    await expectShell(h);
  });
});

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
    // Main's clock (the throttle) and the page's (the countdown) move only when the test moves them: every wait is
    // shown and ended the same on an idle or a loaded machine, and none is sat out.
    h.clock.freeze();
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    const submit = page.getByRole('button', { name: 'Разблокировать', exact: true });
    const wait = page.locator('[role="alert"][data-code="too-many-attempts"]');
    const waitShown = async (text: string) => {
      await wait.waitFor();
      expect(await wait.textContent()).toBe(`Слишком много неудачных попыток. Повторите через ${text}.`);
    };
    /** One wrong passphrase, and main has counted it; returns the wait main now asks for. */
    const failOnce = async (attempt: number) => {
      await page.getByLabel('Парольная фраза', { exact: true }).fill(`неверная фраза номер ${attempt}`);
      await submit.click();
      while (h.app.session.status().failedAttempts < attempt) await new Promise((resolve) => setTimeout(resolve, 20));
      return h.app.session.status().retryAfterMs;
    };
    /** Both clocks move on by `ms`, firing the page's timers on the way. */
    const tick = async (ms: number) => {
      h.clock.advance(ms);
      await page.clock.runFor(ms);
    };
    /** The wait runs out, and the form comes back by itself. */
    const letPass = async (ms: number) => {
      await tick(ms);
      await wait.waitFor({ state: 'detached' });
    };

    // Five free attempts, then waits of 1, 2, 4 … s.
    for (let attempt = 1; attempt <= 4; attempt += 1) expect(await failOnce(attempt)).toBe(0);
    expect(await failOnce(5)).toBe(1000);
    await waitShown('1 секунду');
    await letPass(1000);
    expect(await failOnce(6)).toBe(2000);
    await waitShown('2 секунды');
    await letPass(2000);
    expect(await failOnce(7)).toBe(4000);
    await waitShown('4 секунды');
    expect(await submit.isDisabled()).toBe(true);
    await h.screenshot('15-unlock-wait');
    // The count goes down, and the form comes back when it ends.
    await tick(1000);
    await page.getByText('Повторите через 3 секунды.').waitFor();
    await letPass(3000);
    await unlock(h, PASS);
    await expectShell(h);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHarness } from './harness.ts';
import { alertText, expectShell, lockByButton, PASS, RECOVERY_KEY_PATTERN, setUp, unlock, useHarness } from './steps.ts';

const harness = useHarness();

describe('first run, lock and unlock', () => {
  it('in Russian: weak and mismatched passphrases refused, recovery key and sheet, then lock and unlock', async () => {
    const h = harness();
    const { page } = h;
    await page.getByRole('heading', { name: 'Создание хранилища' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await h.screenshot('01-setup-ru');

    const create = page.getByRole('button', { name: 'Создать хранилище' });
    await page.getByLabel('Новая парольная фраза').fill('password123');
    await page.getByLabel('Повторите парольную фразу').fill('password123');
    await expect(page.locator('meter').getAttribute('aria-valuetext')).resolves.toMatch(/слабая/i);
    await create.click();
    expect(await alertText(h)).toContain('слишком легко угадать');
    await h.screenshot('02-setup-weak');
    await page.getByLabel('Новая парольная фраза').fill('короче');
    await create.click();
    expect(await alertText(h)).toContain('Не менее 10 символов');
    await page.getByLabel('Новая парольная фраза').fill(PASS);
    await page.getByLabel('Повторите парольную фразу').fill(`${PASS}!`);
    await expect(page.locator('meter').getAttribute('aria-valuetext')).resolves.toMatch(/надёжная/i);
    await create.click();
    expect(await alertText(h)).toContain('не совпадают');
    // Nothing reached main: no vault was written for any refused passphrase.
    expect(existsSync(join(h.dataDir, 'vault.json'))).toBe(false);
    await h.screenshot('03-setup-mismatch');

    await page.getByLabel('Повторите парольную фразу').fill(PASS);
    await create.click();
    const key = (await page.getByTestId('recovery-key').textContent())!.trim();
    expect(key).toMatch(RECOVERY_KEY_PATTERN);
    const proceed = page.getByRole('button', { name: 'Продолжить' });
    expect(await proceed.isDisabled()).toBe(true);

    const sheet = join(h.workDir, 'recovery-sheet.pdf');
    h.dialogs.next.push(sheet);
    await page.getByRole('button', { name: 'Сохранить лист восстановления (PDF)…' }).click();
    await page.getByText('Сохранено: recovery-sheet.pdf').waitFor();
    expect(readFileSync(sheet).subarray(0, 4).toString()).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' });
    // The sheet may break the key between groups (it prints two lines of four); all of it must be there, in order.
    expect(text.replace(/[\s-]/g, '')).toContain(key.replace(/-/g, ''));
    for (const group of key.split('-')) expect(text).toContain(group);
    expect(text).toContain('лист восстановления');
    await h.screenshot('04-recovery-key');

    await page.getByRole('checkbox').check();
    await proceed.click();
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();
    await page.getByText('Найдено 0 инцидентов').waitFor();
    // The key is shown once: after confirming, it is nowhere in the page.
    expect(await page.content()).not.toContain(key);
    await h.screenshot('05-shell');

    await lockByButton(h);
    await unlock(h, 'совсем не та фраза');
    expect(await alertText(h)).toContain('Неверная парольная фраза');
    await h.screenshot('06-unlock-wrong');
    await unlock(h, PASS);
    await page.getByRole('heading', { name: 'Инциденты' }).waitFor();

    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
    expect(h.app.session.status().state).toBe('locked');
  });

  it('Ctrl+L locks with a Cyrillic keyboard layout too, and the shell works from the keyboard alone', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    // Tab cycles through the language switcher, Lock and every section, in that order, each with a visible
    // focus ring (an outline drawn by :focus-visible). Focus navigation continues from wherever focus was, so
    // look for the run rather than its start.
    const reached: { name: string; outline: string }[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          if (!active || active === document.body) return { name: '(body)', outline: 'none' };
          return { name: active.textContent?.trim() || active.tagName + (active.getAttribute('type') ?? '') + (active.className ?? ''), outline: getComputedStyle(active).outlineStyle };
        }),
      );
    }
    const names = reached.map((r) => r.name);
    const first = names.indexOf('Тоҷикӣ');
    expect(names.slice(first, first + 11)).toEqual(['Тоҷикӣ', 'Русский', 'English', 'Заблокировать', 'Инциденты', 'Лица', 'Места', 'Журнал регистрации писем', 'Подготовка писем', 'Досье', 'Настройки']);
    expect(reached.filter((r) => r.name !== '(body)' && r.outline === 'none')).toEqual([]);

    const settings = page.getByRole('button', { name: 'Настройки', exact: true });
    await settings.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Смена парольной фразы' }).waitFor();
    expect(await settings.getAttribute('aria-current')).toBe('page');

    // What a Russian layout reports for Ctrl+L: the key is «д», the physical key is still KeyL.
    await page.getByLabel('Текущая парольная фраза').focus();
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'д', code: 'KeyL', ctrlKey: true, bubbles: true })));
    await page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
    expect(h.app.session.status().state).toBe('locked');
    await unlock(h, PASS);
    await expectShell(h);
  });

  it('switches tg / ru / en on every screen, including setup and unlock, and sets html[lang]', async () => {
    const h = harness();
    const { page } = h;
    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('heading', { name: 'Сохтани анбор' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('tg');
    await page.getByLabel('Ибораи рамзи нав').fill('ҷӯйбори кӯҳӣ дар Ҳисор 1991');
    await page.getByText('Боэътимодии ибораи рамз').waitFor();
    await h.screenshot('07-setup-tg');
    await page.getByLabel('Ибораи рамзи нав').fill('');
    await page.getByRole('button', { name: 'Русский' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await setUp(h);

    await page.getByRole('button', { name: 'Тоҷикӣ' }).click();
    await page.getByRole('button', { name: 'Танзимот' }).click();
    await page.getByRole('heading', { name: 'Иваз кардани ибораи рамз' }).waitFor();
    await page.getByRole('button', { name: 'Санҷидан' }).click();
    await page.getByText('Ҳамаи санҷишҳо гузаштанд.').waitFor();
    await h.screenshot('08-settings-tg');
    await page.getByRole('button', { name: 'Қулф кардан' }).click();
    await page.getByRole('heading', { name: 'Кушодани анбор' }).waitFor();
    expect(await page.getByRole('button', { name: 'Кушодан', exact: true }).count()).toBe(1);
    expect(await page.getByText('Анбор қулф карда шуд.').count()).toBe(1);
    await h.screenshot('09-unlock-tg');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Unlock the vault' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Разблокировать хранилище' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  });

  it('starts in the system language when it is Tajik, Russian or English, and in Russian otherwise', async () => {
    for (const [locale, lang, heading] of [
      ['tg-TJ', 'tg', 'Сохтани анбор'],
      ['en-GB', 'en', 'Create the vault'],
      ['de-DE', 'ru', 'Создание хранилища'],
    ] as const) {
      const other = await openHarness({ locale });
      try {
        await other.page.getByRole('heading', { name: heading }).waitFor();
        expect(await other.page.locator('html').getAttribute('lang')).toBe(lang);
        expect(other.problems).toEqual([]);
      } finally {
        await other.close();
      }
    }
  });
});

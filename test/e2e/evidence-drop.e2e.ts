import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setUp, useHarness } from './steps.ts';

const harness = useHarness();

/** The same bytes in the page and here: different in every chunk, so a chunk out of place changes the SHA-256. */
const SIZE = Math.floor(2.5 * 1024 ** 2);
const pattern = (i: number) => (i * 31 + (i >> 20) * 7) & 0xff;

describe('evidence dropped onto the window', () => {
  it('reads a dropped file in the page and sends its bytes in chunks; main stores them with its own SHA-256 and applies the size limit', async () => {
    const h = harness();
    const { page } = h;
    await setUp(h);
    await page.getByRole('button', { name: 'Новый инцидент' }).first().click();
    const editor = page.locator('form.incident-editor');
    await editor.getByLabel('Название', { exact: true }).fill('Задержание на КПП «Фотех»');
    await editor.getByLabel('Дата начала').fill('2024-03-11');
    await editor.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await editor.getByText('Сохранено.').waitFor();

    // A DataTransfer made in the page, as the OS hands a drop to Chromium: main gets bytes, never a path.
    const transfer = await page.evaluateHandle(
      (size) => {
        const bytes = new Uint8Array(size).map((_, i) => (i * 31 + (i >> 20) * 7) & 0xff); // = pattern(i)
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'recording.bin', { type: 'application/octet-stream' }));
        return data;
      },
      SIZE,
    );
    await editor.getByTestId('evidence-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await editor.getByText('1 файл сохранён в хранилище.').waitFor();
    const hits = (await h.app.router.handle('incidents:search', {})) as { value: { id: string }[] };
    const list = async () => ((await h.app.router.handle('evidence:list', { incidentId: hits.value[0]!.id })) as { value: { fileName: string; size: number; sha256: string }[] }).value;
    const expected = createHash('sha256').update(Buffer.alloc(SIZE).map((_, i) => pattern(i))).digest('hex');
    expect(await list()).toMatchObject([{ fileName: 'recording.bin', size: SIZE, sha256: expected }]);
    await h.screenshot('evidence-drop-01-stored');

    // Over the limit set in main: refused with its message, nothing kept.
    expect((await h.app.router.handle('settings:update', { evidenceMaxMiB: 1 })).ok).toBe(true);
    await editor.getByTestId('evidence-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByText('Файл больше допустимого размера доказательства. Ничего не сохранено.').waitFor();
    expect(await list()).toHaveLength(1);
  });
});

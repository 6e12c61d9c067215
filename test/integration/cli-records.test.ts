import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliVault, runCli } from '../support/cli.ts';
import { asFormat2 } from '../support/interchange.ts';
import { tempDir } from '../support/temp.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/border-detention.json', import.meta.url));
const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };

/** A fresh vault with the tests' cheap KDF (support/cli.ts), so the CLI calls below unlock quickly. */
async function newStore(): Promise<string> {
  return (await cliVault(asUser.OMBUDS_PASSPHRASE)).store;
}

describe('CLI: import, search, export', () => {
  it('imports the border detention, finds it by a Tajik word and by dates, exports, and re-imports into a fresh vault losslessly', async () => {
    const store = await newStore();
    const imported = runCli(['import', '--store', store, FIXTURE], asUser);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe('places: 2 created, 0 updated\npersons: 2 created, 0 updated\nincidents: 2 created, 0 updated\n');
    expect(runCli(['import', '--store', store, FIXTURE], asUser).stdout).toContain('incidents: 0 created, 2 updated');

    const byWord = runCli(['search', '--store', store, 'ғизо'], asUser);
    expect(byWord.stdout).toBe('in-fotekh-2024-03\t2024-03-11..2024-03-14\tБоздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех\n');
    const json = runCli(['search', '--store', store, '--from', '2024-03-01', '--to', '2024-03-31', '--json'], asUser);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: 'in-fotekh-2024-03', title: 'Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех', startDate: '2024-03-11', endDate: '2024-03-14', status: 'documented', placeName: 'КПП «Фотех»', peopleAffected: 40 },
    ]);
    const byType = runCli(['search', '--store', store, '--type', 'ill-treatment', '--type', 'torture', '--json'], asUser);
    expect(JSON.parse(byType.stdout).map((hit: { id: string }) => hit.id)).toEqual(['in-moscow-2024-10']);

    const out = join(tempDir(), 'export.json');
    expect(runCli(['export', '--store', store, '--out', out], asUser).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(asFormat2(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
    const fresh = await newStore();
    expect(runCli(['import', '--store', fresh, out], asUser).status).toBe(0);
    const again = join(tempDir(), 'again.json');
    runCli(['export', '--store', fresh, '--out', again], asUser);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('rejects a bad file with every problem by JSON path, exit 10, and changes nothing', async () => {
    const store = await newStore();
    const bad = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    bad.incidents[1].violationTypes.push('made-up');
    bad.incidents[0].placeId = 'pl-nowhere';
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = runCli(['import', '--store', store, file], asUser);
    expect(result.status).toBe(10);
    expect(result.stderr).toContain('$.incidents[0].placeId');
    expect(result.stderr).toContain('$.incidents[1].violationTypes[3]');
    expect(runCli(['search', '--store', store, '--json'], asUser).stdout.trim()).toBe('[]');

    const text = join(tempDir(), 'list.txt');
    writeFileSync(text, 'title\nx\n');
    const unsupported = runCli(['import', '--store', store, text], asUser);
    expect(unsupported.status).toBe(64);
    expect(unsupported.stderr).toMatch(/\.json, \.csv or \.xlsx/);
    expect(runCli(['search', '--store', store, '--from', '2024-02-30'], asUser).status).toBe(64);
  });
});

describe('CLI: the border detention from start to finish', () => {
  it('records it with its group of 40 and video source, adds three photos, finds it, exports XLSX and JSON, imports into a fresh vault with nothing lost', async () => {
    const { pngImage } = await import('../support/images.ts');
    const { createHash } = await import('node:crypto');
    const store = await newStore();
    expect(runCli(['import', '--store', store, FIXTURE], asUser).status).toBe(0);
    const dir = tempDir();
    const photos = [pngImage(640, 480), pngImage(800, 600, [30, 120, 30]), pngImage(400, 300, [10, 10, 200])].map((bytes, i) => {
      const path = join(dir, `photo-${i + 1}.png`);
      writeFileSync(path, bytes);
      return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    const added = runCli(['evidence', '--store', store, '--incident', 'in-fotekh-2024-03', ...photos.map((p) => p.path)], asUser);
    expect(added.stderr).toBe('');
    const listed = runCli(['evidence', '--store', store, '--incident', 'in-fotekh-2024-03'], asUser).stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(listed.map((fields) => [fields[1], fields[2], fields[4]])).toEqual(photos.map((p, i) => [p.sha256, 'image/png', `photo-${i + 1}.png`]));
    expect(runCli(['evidence', '--store', store, '--incident', 'in-nowhere'], asUser).status).toBe(3);

    const byTajikWord = JSON.parse(runCli(['search', '--store', store, 'гузаргоҳ', '--from', '2024-03-01', '--to', '2024-03-31', '--json'], asUser).stdout);
    expect(byTajikWord).toMatchObject([{ id: 'in-fotekh-2024-03', peopleAffected: 40 }]);

    const xlsx = join(dir, 'list.xlsx');
    const json = join(dir, 'data.json');
    expect(runCli(['export', '--store', store, '--out', xlsx], asUser).status).toBe(0);
    expect(runCli(['export', '--store', store, '--out', json], asUser).status).toBe(0);
    const { readXlsx } = await import('../../electron/services/interchange/sheets/xlsx-read.ts');
    const sheet = await readXlsx(readFileSync(xlsx));
    expect(sheet.rows.find((row) => row[0] === 'in-fotekh-2024-03')).toEqual(expect.arrayContaining(['Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех', '2024-03-11', '2024-03-14', 'КПП «Фотех»', '40', '4']));

    const fresh = await newStore();
    expect(runCli(['import', '--store', fresh, json], asUser).stdout).toContain('incidents: 2 created');
    const again = join(dir, 'again.json');
    expect(runCli(['export', '--store', fresh, '--out', again], asUser).status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(json, 'utf8'));
  });
});

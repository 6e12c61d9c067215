import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVault, runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };

/** A fresh vault with the tests' cheap KDF (support/cli.ts), so the CLI calls below unlock quickly. */
async function newStore(): Promise<string> {
  return (await cliVault(asUser.OMBUDS_PASSPHRASE)).store;
}

/** A register as an office keeps it in Excel, saved as CSV by a Russian Excel: semicolons, dd.mm.yyyy, labels. */
const REGISTER = [
  'Название;Дата;Дата окончания;Место;Страна;Вид нарушения;Пострадавшие;Число пострадавших;Категории;Источник;Тип источника',
  'Боздошт дар гузаргоҳи Фотех;11.03.2024;14.03.2024;КПП «Фотех»;KZ;"Длительное задержание на границе; Лишение пищи или воды";40 мигрантов;40;"Женщины; Дети";https://example.org/v/1;Видео в социальных сетях',
  '"Выдворение без суда, ""=HYPERLINK""";2024-05;;;;expulsion-without-court-decision;;;;;',
].join('\r\n');

describe('CLI: spreadsheets', () => {
  it('imports a Russian CSV register with headers matched by name, re-imports idempotently, exports XLSX and imports it into a fresh vault', async () => {
    const store = await newStore();
    const dir = tempDir();
    const csv = join(dir, 'register.csv');
    writeFileSync(csv, REGISTER);
    const first = runCli(['import', '--store', store, csv], asUser);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('places: 1 created, 0 updated\npersons: 1 created, 0 updated\nincidents: 2 created, 0 updated\n');
    expect(runCli(['import', '--store', store, csv], asUser).stdout).toContain('incidents: 0 created, 2 updated');

    const hits = JSON.parse(runCli(['search', '--store', store, 'фотех', '--json'], asUser).stdout) as { title: string; startDate: string; endDate: string; peopleAffected: number }[];
    expect(hits).toMatchObject([{ title: 'Боздошт дар гузаргоҳи Фотех', startDate: '2024-03-11', endDate: '2024-03-14', peopleAffected: 40 }]);
    const month = JSON.parse(runCli(['search', '--store', store, '--type', 'expulsion-without-court-decision', '--json'], asUser).stdout) as { title: string; startDate: string }[];
    expect(month).toMatchObject([{ title: 'Выдворение без суда, "=HYPERLINK"', startDate: '2024-05-01' }]);

    const xlsx = join(dir, 'list.xlsx');
    expect(runCli(['export', '--store', store, '--out', xlsx], asUser).status).toBe(0);
    const fresh = await newStore();
    const imported = runCli(['import', '--store', fresh, xlsx], asUser);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('incidents: 2 created');
    const again = JSON.parse(runCli(['search', '--store', fresh, '--json'], asUser).stdout) as { title: string }[];
    expect(again.map((hit) => hit.title).sort()).toEqual(['Боздошт дар гузаргоҳи Фотех', 'Выдворение без суда, "=HYPERLINK"']);
  });

  it('refuses a register with a bad row (row and column named, nothing written) unless --valid-only; reads Windows-1251 when told', async () => {
    const store = await newStore();
    const dir = tempDir();
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, `${REGISTER}\r\nБез даты;31.02.2024;;;;Пытки;;;;;\r\nНеизвестный код;01.01.2024;;;;выдумка;;;;;\r\n`);
    const refused = runCli(['import', '--store', store, csv], asUser);
    expect(refused.status).toBe(10);
    expect(refused.stderr).toContain('row 4, column "Дата": invalid-date (startDate)');
    expect(refused.stderr).toContain('row 5, column "Вид нарушения": unknown-code (violationTypes)');
    expect(refused.stderr).toMatch(/2 problems in 2 rows; --valid-only imports the others/);
    expect(runCli(['search', '--store', store, '--json'], asUser).stdout.trim()).toBe('[]');

    const partial = runCli(['import', '--store', store, csv, '--valid-only'], asUser);
    expect(partial.status).toBe(0);
    expect(partial.stdout).toContain('incidents: 2 created');
    expect(partial.stdout).toContain('2 invalid rows skipped');

    const cp1251 = join(dir, 'cp1251.csv');
    writeFileSync(cp1251, encodeWindows1251('Название;Дата\r\nЗадержание в Москве;02.10.2024\r\n'));
    const notUtf8 = runCli(['import', '--store', store, cp1251], asUser);
    expect(notUtf8.status).toBe(10);
    expect(notUtf8.stderr).toMatch(/not UTF-8; give its encoding with --encoding/);
    const told = runCli(['import', '--store', store, cp1251, '--encoding', 'windows-1251'], asUser);
    expect(told.stderr).toBe('');
    expect(JSON.parse(runCli(['search', '--store', store, 'Москве', '--json'], asUser).stdout)).toMatchObject([{ title: 'Задержание в Москве', startDate: '2024-10-02' }]);

    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ title: 1, startDate: 0 }));
    const swapped = join(dir, 'swapped.csv');
    writeFileSync(swapped, 'a,b\n2024-06-01,Колонки без заголовков\n');
    expect(runCli(['import', '--store', store, swapped], asUser).stderr).toMatch(/no column found for title, startDate among: a, b; give --mapping/);
    expect(runCli(['import', '--store', store, swapped, '--mapping', mapping], asUser).status).toBe(0);
    writeFileSync(mapping, JSON.stringify({ title: 'b' }));
    expect(runCli(['import', '--store', store, swapped, '--mapping', mapping], asUser)).toMatchObject({ status: 64 });
    expect(readFileSync(swapped, 'utf8')).toContain('Колонки');
  });
});

/** Windows-1251 for Cyrillic (А–я, Ё, ё): enough for a test file; Node has no encoder for it. */
function encodeWindows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      throw new Error(`no Windows-1251 byte for ${ch}`);
    }),
  );
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentsCsv, neutralizeFormula, unneutralizeFormula } from '../../electron/services/interchange/csv-export.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { createVault } from '../../electron/store/vault.ts';
import { cliVault, runCli } from '../support/cli.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const FIXTURE_PATH = new URL('../fixtures/border-detention.json', import.meta.url);

/** A small RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"')));
}

describe('CSV export of the incident list', () => {
  it('writes UTF-8 with BOM, one row per incident with facts, and neutralizes formulas', async () => {
    const { vault } = await createVault(tempDir(), 'correct horse battery', { actor: 't', kdf: FAST_KDF });
    const file = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'));
    file.incidents[1].title = '=HYPERLINK("http://evil.example","нажми")';
    await importInBatches(vault.db, parseInterchange(vault.db, JSON.stringify(file)), 't');
    const csv = incidentsCsv(vault.db);
    expect(csv.startsWith('\uFEFF"id","title"')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      // The title in its original language (Tajik), then the language and the title per language (tg, ru, en): the
      // Tajik column repeats nothing, the Russian one is the translation, the English one is empty.
      'in-fotekh-2024-03', 'Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех', 'tg', '', 'Задержание граждан на пункте пропуска «Фотех»', '', '2024-03-11', '2024-03-14', 'day', 'КПП «Фотех»', 'KZ',
      'prolonged-border-detention; deprivation-of-food-water', '40', '4', 'documented', 'internal',
    ]);
    expect(rows[2]![1]).toBe(`'=HYPERLINK("http://evil.example","нажми")`);
    vault.close();
  });

  it('prefixes every formula trigger', () => {
    expect(['=1+1', '+7 900', '-2', '@SUM(A1)', '\tx', '\rx', 'safe'].map(neutralizeFormula)).toEqual(["'=1+1", "'+7 900", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'safe']);
  });

  it('is read back exactly: the import removes only the apostrophe the export added', () => {
    const texts = ['=1+1', "'=1+1", "''@x", "'plain", 'plain', '-20 °C', "'", '', "'\tx"];
    expect(texts.map((text) => unneutralizeFormula(neutralizeFormula(text)))).toEqual(texts);
    expect(neutralizeFormula("'=1+1")).toBe("''=1+1");
    expect(unneutralizeFormula("'plain")).toBe("'plain");
  });

  it('is available from the CLI', async () => {
    const env = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };
    const { store } = await cliVault(env.OMBUDS_PASSPHRASE);
    expect(runCli(['import', '--store', store, new URL(FIXTURE_PATH).pathname], env).status).toBe(0);
    const out = join(tempDir(), 'list.csv');
    expect(runCli(['export', '--store', store, '--out', out], env).status).toBe(0);
    expect(parseCsv(readFileSync(out, 'utf8')).map((row) => row[0])).toEqual(['id', 'in-fotekh-2024-03', 'in-moscow-2024-10']);
  });
});

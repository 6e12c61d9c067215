import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/border-detention.json', import.meta.url));
const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };

function newStore(): string {
  const store = join(tempDir(), 'vault');
  expect(runCli(['init', '--store', store], asUser).status).toBe(0);
  return store;
}

describe('CLI: import, search, export', () => {
  it('imports the border detention, finds it by a Tajik word and by dates, exports, and re-imports into a fresh vault losslessly', () => {
    const store = newStore();
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
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    const fresh = newStore();
    expect(runCli(['import', '--store', fresh, out], asUser).status).toBe(0);
    const again = join(tempDir(), 'again.json');
    runCli(['export', '--store', fresh, '--out', again], asUser);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('rejects a bad file with every problem by JSON path, exit 10, and changes nothing', () => {
    const store = newStore();
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

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliVault, runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };

describe('CLI: letters and the ledger', () => {
  it('imports a register of 11 letters and one reply; the ledger shows 11 sent / 1 answered / 10 unanswered with the oldest and its days waiting', async () => {
    const { store } = await cliVault(asUser.OMBUDS_PASSPHRASE);
    expect(runCli(['import', '--store', store, fixture('border-detention.json')], asUser).status).toBe(0);
    const imported = runCli(['import', '--store', store, fixture('kz-ombudsman-letters.json')], asUser);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('counterparts: 1 created, 0 updated\nletters: 12 created, 0 updated\n');
    expect(runCli(['import', '--store', store, fixture('kz-ombudsman-letters.json')], asUser).status).toBe(0); // idempotent

    const ledger = JSON.parse(runCli(['ledger', '--store', store, '--counterpart', 'cp-kz-ombudsman', '--as-of', '2025-01-10', '--json'], asUser).stdout);
    expect(ledger).toMatchObject({ sent: 11, answered: 1, unanswered: 10, overdue: 10, oldestUnanswered: { number: '01-12/100', date: '2024-01-15', daysWaiting: 361 } });
    const text = runCli(['ledger', '--store', store, '--counterpart', 'cp-kz-ombudsman', '--as-of', '2025-01-10'], asUser).stdout;
    expect(text).toContain('sent 11 · answered 1 · unanswered 10 · overdue 10');
    expect(text).toContain('oldest unanswered: 01-12/100 of 2024-01-15, waiting 361 days');
    const summer = JSON.parse(runCli(['ledger', '--store', store, '--counterpart', 'cp-kz-ombudsman', '--from', '2024-06-01', '--to', '2024-08-31', '--as-of', '2025-01-10', '--json'], asUser).stdout);
    expect(summer).toMatchObject({ sent: 3, answered: 0 });

    const overdue = JSON.parse(runCli(['letters', '--store', store, '--overdue', '--as-of', '2024-06-20', '--json'], asUser).stdout) as { number: string; state: string }[];
    expect(overdue.map((letter) => letter.number)).toEqual(['01-12/100', '01-12/101', '01-12/102', '01-12/103', '01-12/104']);
    const all = runCli(['letters', '--store', store, '--counterpart', 'cp-kz-ombudsman', '--as-of', '2025-01-10'], asUser).stdout.trim().split('\n');
    expect(all).toHaveLength(12);
    expect(all.find((line) => line.startsWith('01-12/110'))).toContain('\tanswered\t');

    expect(runCli(['ledger', '--store', store, '--counterpart', 'cp-nowhere'], asUser).status).toBe(3);
    expect(runCli(['ledger', '--store', store], asUser).status).toBe(64);
    expect(runCli(['ledger', '--store', store, '--counterpart', 'cp-kz-ombudsman', '--as-of', '2025-02-30'], asUser).status).toBe(64);
  });

  it('imports a register kept as a spreadsheet with --register, and names a missing column', async () => {
    const dir = tempDir();
    const { store } = await cliVault(asUser.OMBUDS_PASSPHRASE);
    for (const file of ['border-detention.json', 'kz-ombudsman-letters.json']) expect(runCli(['import', '--store', store, fixture(file)], asUser).status).toBe(0);
    const csv = join(dir, 'register.csv');
    writeFileSync(csv, 'Номер;Дата;Направление;Адресат;Тема;В ответ на\n01-12/300;02.12.2024;исх;cp-kz-ombudsman;Повторно;\n4/7-9;20.12.2024;вх;cp-kz-ombudsman;Ответ;01-12/300\n');
    const imported = runCli(['import', '--store', store, '--register', csv], asUser);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('letters: 2 created, 0 updated');
    expect(JSON.parse(runCli(['ledger', '--store', store, '--counterpart', 'cp-kz-ombudsman', '--as-of', '2025-01-10', '--json'], asUser).stdout)).toMatchObject({ sent: 12, answered: 2 });

    writeFileSync(csv, 'Дата;Тема\n02.12.2024;Без номера\n');
    const refused = runCli(['import', '--store', store, '--register', csv], asUser);
    expect(refused.status).toBe(64);
    expect(refused.stderr).toContain('no column found for direction, number, counterpart');
  });
});

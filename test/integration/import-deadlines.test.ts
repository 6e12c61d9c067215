import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import { importFile } from '../../electron/services/interchange/import-file.ts';
import { createVault } from '../../electron/store/vault.ts';
import { cliVault, runCli } from '../support/cli.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };
/** "Today" for every check: the register is read as of this day, never the machine's clock. */
const TODAY = '2025-03-03';

/**
 * A register kept elsewhere before the app: 11 letters of 2024 to one counterpart, none with `expectedReplyBy`,
 * and one reply (to the last). A second counterpart counts its term in working days.
 */
function historyFile(): string {
  const outgoing = Array.from({ length: 11 }, (_, i) => ({
    id: `hist-${i + 1}`,
    direction: 'outgoing',
    number: `01-12/${i + 1}`,
    date: `2024-${String(i + 1).padStart(2, '0')}-15`,
    counterpartId: 'cp-kz',
    subject: 'О задержании граждан Республики Таджикистан',
  }));
  const file = {
    format: 'ombuds-dossier/1',
    counterparts: [
      { id: 'cp-kz', institution: 'Уполномоченный по правам человека в Республике Казахстан', position: 'Уполномоченный', name: 'Иванова Татьяна Николаевна', country: 'KZ' },
      { id: 'cp-ru', institution: 'Уполномоченный по правам человека в Российской Федерации', position: 'Уполномоченный', name: 'Петрова Анна Сергеевна', country: 'RU', replyTerm: { days: 10, kind: 'working' } },
    ],
    letters: [
      ...outgoing,
      { id: 'hist-reply', direction: 'incoming', number: '4/7-2291', date: '2024-12-02', counterpartId: 'cp-kz', subject: 'Ответ', inReplyTo: 'hist-11', response: 'token-response' },
      // Sent the Friday before Navruz: ten working days skip the weekends and 21–24 March.
      { id: 'hist-ru', direction: 'outgoing', number: '01-12/50', date: '2024-03-15', counterpartId: 'cp-ru', subject: 'Об информации' },
      // A deadline the file gives is kept as it is.
      { id: 'hist-given', direction: 'outgoing', number: '01-12/51', date: '2024-03-15', counterpartId: 'cp-ru', subject: 'Об информации', expectedReplyBy: '2026-01-01' },
    ],
  };
  const path = join(tempDir(), 'history.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('a register imported from history shows its overdue letters', () => {
  it('gives imported outgoing letters without a deadline their counterpart’s term: 11 sent, 1 answered, 10 overdue in the ledger and the register', async () => {
    const { vault } = await createVault(tempDir(), 'correct horse battery', { actor: 'tester', kdf: FAST_KDF });
    const report = await importFile(vault.db, { path: historyFile(), mode: 'all-or-nothing' }, 'tester');
    expect(report).toMatchObject({ issueCount: 0, counts: { created: { letters: 14, counterparts: 2 } } });
    const registry = new CorrespondenceService(() => vault.db, 'tester');

    expect(registry.ledger('cp-kz', TODAY)).toMatchObject({ sent: 11, answered: 1, unanswered: 10, overdue: 10 });
    const overdue = registry.register('cp-kz', TODAY).filter((entry) => entry.state === 'overdue');
    expect(overdue.map((entry) => entry.letter.number)).toEqual(Array.from({ length: 10 }, (_, i) => `01-12/${i + 1}`));
    const letters = new Map(registry.letters().map((letter) => [letter.id, letter]));
    // 30 calendar days after 15 January 2024 is 14 February (a Wednesday).
    expect(letters.get('hist-1')!.expectedReplyBy).toBe('2024-02-14');
    // 30 days after 15 June 2024 is Monday 15 July; after 15 August it is Saturday 14 September, moved to Monday.
    expect(letters.get('hist-6')!.expectedReplyBy).toBe('2024-07-15');
    expect(letters.get('hist-8')!.expectedReplyBy).toBe('2024-09-16');
    // Ten working days from Friday 15 March 2024: 18–20 March, Navruz (21–24), 25–29 March, 1 April, 2 April.
    expect(letters.get('hist-ru')!.expectedReplyBy).toBe('2024-04-02');
    expect(letters.get('hist-given')!.expectedReplyBy).toBe('2026-01-01');
    expect(letters.get('hist-reply')!.expectedReplyBy).toBeUndefined();
    vault.close();
  });

  it('shows the same 10 overdue letters in the CLI’s `letters --overdue` and `ledger` on a fixed day', async () => {
    const { store } = await cliVault(asUser.OMBUDS_PASSPHRASE);
    const imported = runCli(['import', '--store', store, historyFile()], asUser);
    expect(imported.stderr).toBe('');
    const overdue = JSON.parse(runCli(['letters', '--store', store, '--counterpart', 'cp-kz', '--overdue', '--as-of', TODAY, '--json'], asUser).stdout) as { number: string; state: string }[];
    expect(overdue).toHaveLength(10);
    expect(overdue.every((letter) => letter.state === 'overdue')).toBe(true);
    const text = runCli(['ledger', '--store', store, '--counterpart', 'cp-kz', '--as-of', TODAY], asUser).stdout;
    expect(text).toContain('sent 11 · answered 1 · unanswered 10 · overdue 10');
  });
});

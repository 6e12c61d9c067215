import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../../electron/services/letter-files.ts';
import { LetterService } from '../../electron/services/letters/letter-service.ts';
import { createVault } from '../../electron/store/vault.ts';
import { runCli } from '../support/cli.ts';
import { pdfText } from '../support/documents.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const asUser = { OMBUDS_PASSPHRASE: 'Хорог 2024 кӯҳ ва дарё' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The scenario in a FAST_KDF vault made in-process (so each CLI call below unlocks quickly). */
async function scenarioVault(): Promise<string> {
  const store = join(tempDir(), 'vault');
  const { vault } = await createVault(store, asUser.OMBUDS_PASSPHRASE, { actor: 'clerk', kdf: FAST_KDF });
  const db = () => vault.db;
  for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(vault.db, parseInterchange(vault.db, fixture(name)), 'clerk');
  new LetterService(db, new CorrespondenceService(db, 'clerk'), new LetterFiles(db, () => 2 ** 31, 'clerk'), 'clerk').saveOffice(JSON.parse(fixture('office.json')));
  vault.close();
  return store;
}

describe('CLI: meeting dossiers', () => {
  it('creates a dossier from a composition file, lists and shows it, builds PDF and DOCX, issues editions and exports them unchanged', async () => {
    const dir = tempDir();
    const store = await scenarioVault();
    const cli = (...args: string[]) => runCli([args[0]!, '--store', store, ...args.slice(1)], asUser);
    const composition = join(dir, 'kz.json');
    writeFileSync(
      composition,
      JSON.stringify({
        title: 'Встреча с Уполномоченным Республики Казахстан',
        meeting: { with: 'Уполномоченный по правам человека в Республике Казахстан', place: 'Астана', date: '2026-12-10' },
        counterpartIds: ['cp-kz-ombudsman'],
        language: 'ru',
        selection: { kind: 'incidents', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] },
      }),
    );
    const created = cli('dossier', 'create', '--from', composition);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^dossier-[0-9a-f-]{36}$/);

    const listed = JSON.parse(cli('dossier', 'list', '--json').stdout);
    expect(listed).toEqual([expect.objectContaining({ id, title: 'Встреча с Уполномоченным Республики Казахстан', language: 'ru', meetingDate: '2026-12-10', editions: 0 })]);

    // Built, not issued: the PDF and DOCX are written, nothing is kept.
    const pdf = join(dir, 'draft.pdf');
    expect(cli('dossier', 'build', '--dossier', id, '--out', pdf).status).toBe(0);
    const text = pdfText(pdf);
    expect(text).toContain('Фотех');
    expect(text).not.toContain('Раҳимов'); // withheld
    expect(cli('dossier', 'build', '--dossier', id, '--out', join(dir, 'draft.docx')).status).toBe(0);
    expect(readFileSync(join(dir, 'draft.docx')).subarray(0, 2).toString()).toBe('PK');

    const issued = cli('dossier', 'issue', '--dossier', id);
    expect(issued.status).toBe(0);
    expect(issued.stdout).toMatch(/^edition 1, \d+ pages, SHA-256 [0-9a-f]{64}$/m);
    const pdfSha = /^pdf: \d+ bytes, SHA-256 ([0-9a-f]{64})$/m.exec(issued.stdout)![1];
    expect(cli('dossier', 'issue', '--dossier', id).stdout).toMatch(/^edition 2, /);

    const shown = JSON.parse(cli('dossier', 'show', id, '--json').stdout);
    expect(shown.composition).toMatchObject({ id, language: 'ru' });
    expect(shown.editions.map((e: { edition: number }) => e.edition)).toEqual([1, 2]);
    expect(cli('dossier', 'show', id).stdout).toMatch(/^edition 1\t/m);

    // The same edition exported twice: byte-identical, and the bytes kept at issue.
    const first = join(dir, 'edition-1.pdf');
    const again = join(dir, 'edition-1-again.pdf');
    expect(cli('dossier', 'export', '--dossier', id, '--edition', '1', '--out', first).status).toBe(0);
    expect(cli('dossier', 'export', '--dossier', id, '--edition', '1', '--out', again).status).toBe(0);
    expect(readFileSync(first).equals(readFileSync(again))).toBe(true);
    expect(sha256(readFileSync(first))).toBe(pdfSha);
  });

  it('refuses what it cannot do with a clear message and exit code, writing nothing', async () => {
    const dir = tempDir();
    const store = await scenarioVault();
    const cli = (...args: string[]) => runCli([args[0]!, '--store', store, ...args.slice(1)], asUser);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ id: 'empty', title: 'Пустое досье', meeting: {}, language: 'ru', selection: { kind: 'incidents', incidentIds: [] } }));
    expect(cli('dossier', 'create', '--from', empty).stdout.trim()).toBe('empty');

    const refused = cli('dossier', 'build', '--dossier', 'empty', '--out', join(dir, 'empty.pdf'));
    expect(refused.status).toBe(64);
    expect(refused.stderr).toContain('the dossier selects no incidents');
    expect(() => readFileSync(join(dir, 'empty.pdf'))).toThrow();

    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, '{ "title": ');
    expect(cli('dossier', 'create', '--from', notJson).status).toBe(64);
    writeFileSync(notJson, JSON.stringify({ title: 'x', language: 'fr', meeting: {}, selection: { kind: 'incidents', incidentIds: [] } }));
    const invalid = cli('dossier', 'create', '--from', notJson);
    expect(invalid.status).toBe(64);
    expect(invalid.stderr).toContain('language');

    expect(cli('dossier', 'export', '--dossier', 'empty', '--edition', '1', '--out', join(dir, 'x.pdf')).status).toBe(3);
    expect(cli('dossier', 'export', '--dossier', 'empty', '--edition', 'one', '--out', join(dir, 'x.pdf')).status).toBe(64);
    expect(cli('dossier', 'build', '--dossier', 'empty', '--out', join(dir, 'x.txt')).status).toBe(64);
    expect(cli('dossier', 'frobnicate').status).toBe(64);
    expect(JSON.parse(cli('dossier', 'list', '--json').stdout).map((d: { id: string }) => d.id)).toEqual(['empty']);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertIncident } from '../../electron/store/repositories/incident-repository.ts';
import { upsertCounterpart, upsertLetter } from '../../electron/store/repositories/letter-repository.ts';
import { createVault } from '../../electron/store/vault.ts';
import { counterpartSchema, letterSchema } from '../../shared/domain/correspondence.ts';
import { runCli } from '../support/cli.ts';
import { pngImage } from '../support/images.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const PASS = 'correct horse battery';
const asUser = { OMBUDS_PASSPHRASE: PASS };
/** What must never reach a terminal raw: C0 but tab and newline (ESC, BEL, CR…), DEL, C1 (CSI 0x9B), bidi controls. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function store(): Promise<string> {
  const dir = join(tempDir(), 'vault');
  (await createVault(dir, PASS, { actor: 'tester', kdf: FAST_KDF })).vault.close();
  return dir;
}

/**
 * A store holding ids and text with escape codes, as one written before ids and text were checked may (the
 * repositories write what they are given; the schemas refuse such values today).
 */
async function storeWithHostileRecords(): Promise<string> {
  const dir = join(tempDir(), 'vault');
  const { vault } = await createVault(dir, PASS, { actor: 'tester', kdf: FAST_KDF });
  upsertIncident(vault.db, {
    id: 'in-\u001b[31mred',
    originalLanguage: 'ru',
    title: 'Title \u202eevil\u0007 \u001b]0;owned\u0007',
    description: '',
    startDate: '2024-03-11',
    datePrecision: 'day',
    violationTypes: [],
    methods: [],
    victimIds: [],
    sources: [],
    confidentiality: 'confidential',
    status: 'documented',
  });
  upsertCounterpart(vault.db, counterpartSchema.parse({ id: 'cp-kz', institution: 'Омбудсмен', position: 'Уполномоченный', name: 'Иванова Т. Н.', country: 'KZ' }));
  upsertLetter(vault.db, { ...letterSchema.parse({ id: 'l-1', direction: 'outgoing', number: '01-12/1', date: '2024-10-15', counterpartId: 'cp-kz', subject: 'S' }), number: '01\u009b2J', subject: 'Subject\r\u001b[2Kspoofed' });
  vault.close();
  return dir;
}

describe('CLI output hygiene (issue 10, item 11)', () => {
  it('search prints ids and titles with escape codes escaped, one line per incident; --json stays valid and equal', async () => {
    const dir = await storeWithHostileRecords();
    const search = runCli(['search', '--store', dir], asUser);
    expect(search.status).toBe(0);
    expect(search.stdout).toBe('in-\\u001b[31mred\t2024-03-11\tTitle \\u202eevil\\u0007 \\u001b]0;owned\\u0007\n');
    expect(search.stdout).not.toMatch(RAW_CONTROL);
    const json = runCli(['search', '--store', dir, '--json'], asUser);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ id: 'in-\u001b[31mred', title: 'Title \u202eevil\u0007 \u001b]0;owned\u0007' });

    const letters = runCli(['letters', '--store', dir, '--as-of', '2024-10-20'], asUser);
    expect(letters.stdout).toBe('01\\u009b2J\t2024-10-15\toutgoing\tcp-kz\twaiting\t\tSubject\\u000d\\u001b[2Kspoofed\n');
    const ledger = runCli(['ledger', '--store', dir, '--counterpart', 'cp-kz', '--as-of', '2025-01-10'], asUser);
    expect(ledger.stdout).toContain('oldest unanswered: 01\\u009b2J of 2024-10-15');
    expect(`${ledger.stdout}${runCli(['letters', '--store', dir, '--json', '--as-of', '2024-10-20'], asUser).stdout}`).not.toMatch(RAW_CONTROL);
  });

  it('the evidence listing escapes a file name with escape codes', async () => {
    const dir = join(tempDir(), 'vault');
    const { vault } = await createVault(dir, PASS, { actor: 'tester', kdf: FAST_KDF });
    upsertIncident(vault.db, { id: 'in-1', originalLanguage: 'ru', title: 'T', description: '', startDate: '2024-03-11', datePrecision: 'day', violationTypes: [], methods: [], victimIds: [], sources: [], confidentiality: 'confidential', status: 'documented' });
    vault.close();
    const photo = join(tempDir(), 'photo\u001b[8m.png');
    writeFileSync(photo, pngImage(4, 4));
    const added = runCli(['evidence', '--store', dir, '--incident', 'in-1', photo], asUser);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/\timage\/png\t\d+\tphoto\\u001b\[8m\.png\n$/);
    expect(runCli(['evidence', '--store', dir, '--incident', 'in-1'], asUser).stdout).not.toMatch(RAW_CONTROL);
  });

  it('verify prints exactly one line', async () => {
    const dir = await store();
    const verify = runCli(['verify', '--store', dir], asUser);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^ok: integrity, cipher-integrity \(\d+ pages\), audit-chain \(1 row\), schema (\d+) of \1[^\n]*\n$/);
    expect(verify.stderr).toBe('');
    const json = runCli(['verify', '--store', dir, '--json'], asUser);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, checks: expect.arrayContaining([{ name: 'audit-chain', ok: true, detail: 'ok (1 row)' }]) });
  });

  it('import problems print escaped paths and headers, never the file content; counts say "1 problem"', async () => {
    const dir = await store();
    const sheet = join(tempDir(), 'list.csv');
    // A header with a C1 CSI (which JSON.stringify leaves raw) and a bad date cell that tries to retitle the terminal.
    writeFileSync(sheet, ['Название,Дата\u009b2J', 'Fine,2024-03-11', 'Bad,\u001b]0;pwned\u0007'].join('\r\n'), 'utf8');
    const mapping = join(tempDir(), 'map.json');
    writeFileSync(mapping, JSON.stringify({ title: 0, startDate: 1 }));
    const rows = runCli(['import', '--store', dir, sheet, '--mapping', mapping], asUser);
    expect(rows.status).toBe(10);
    expect(rows.stderr).toContain('row 3, column "Дата\\u009b2J": invalid-date (startDate)');
    expect(rows.stderr).toMatch(/\(1 problem in 1 row; --valid-only imports the others\)\n$/);
    expect(rows.stderr).not.toMatch(RAW_CONTROL);
    expect(rows.stderr).not.toContain('pwned');

    const json = join(tempDir(), 'bad.json');
    writeFileSync(json, JSON.stringify({ format: 'ombuds-dossier/1', places: [{ id: 'pl-1', name: 'Somewhere', country: 'KZ', 'x\u001b[31m\u202e': 1 }] }));
    const paths = runCli(['import', '--store', dir, json], asUser);
    expect(paths.status).toBe(10);
    expect(paths.stderr).toContain('$.places[0]["x\\u001b[31m\\u202e"]: unknown field\n');
    expect(paths.stderr).toMatch(/\(1 problem\)\n$/);
    expect(paths.stderr).not.toMatch(RAW_CONTROL);

    writeFileSync(json, '{"format": "ombuds-dossier/1", "places": [{"name": "Секретное место" oops}]}');
    const malformed = runCli(['import', '--store', dir, json], asUser);
    expect(malformed.status).toBe(10);
    expect(malformed.stderr).toContain('$: not valid JSON (line 1, column ');
    expect(malformed.stderr).not.toContain('Секретное');
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { AppError } from '../../electron/errors/app-error.ts';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { importFile } from '../../electron/services/interchange/import-file.ts';
import { ImportRejected, parseInterchange } from '../../electron/services/interchange/json-import.ts';
import type { Db } from '../../electron/store/open.ts';
import { createVault, type OpenVault } from '../../electron/store/vault.ts';
import { dateBounds } from '../../shared/domain/dates.ts';
import { runCli } from '../support/cli.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const PASS = 'correct horse battery';
const asUser = { OMBUDS_PASSPHRASE: PASS };
const KZ = 'Уполномоченный по правам человека в Республике Казахстан';
type Row = Record<string, unknown>;
const fixture = () => JSON.parse(FIXTURE) as { format: string; places: Row[]; persons: Row[]; counterparts: Row[]; incidents: Row[]; letters: Row[] };

async function vaultIn(dir = join(tempDir(), 'vault')): Promise<OpenVault> {
  return (await createVault(dir, PASS, { actor: 'tester', kdf: FAST_KDF })).vault;
}

/** Windows-1251: ASCII as is, А…я at 0xC0…0xFF (enough for the test's words). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`no Windows-1251 byte for ${char}`);
    }),
  );
}

/** Every file of a folder with its bytes, to show a refused import changed nothing. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));

function rejection(db: Db, file: unknown): { problem: string; path: string; message: string }[] {
  try {
    parseInterchange(db, typeof file === 'string' ? file : JSON.stringify(file));
  } catch (error) {
    if (error instanceof ImportRejected) return error.issues;
    throw error;
  }
  throw new Error('the file was accepted');
}
const paths = (issues: { problem: string; path: string }[]) => issues.map((issue) => `${issue.problem} ${issue.path}`);

function csv(lines: string[]): string {
  const path = join(tempDir(), 'list.csv');
  writeFileSync(path, lines.join('\r\n'), 'utf8');
  return path;
}

const counterpart = { id: 'cp-kz', institution: KZ, position: 'Уполномоченный по правам человека', name: 'Иванова Татьяна Николаевна', country: 'KZ' };
const letter = { id: 'l-out', direction: 'outgoing', number: '01-12/1', date: '2024-10-15', counterpartId: 'cp-kz', subject: 'Обращение' };

describe('interchange JSON is strict UTF-8 (issue 10, item 9)', () => {
  it('refuses a Windows-1251 file as not UTF-8 (exit 10) and leaves the store byte-identical; a UTF-8 BOM is fine', async () => {
    const dir = join(tempDir(), 'vault');
    (await vaultIn(dir)).close();
    const file = join(tempDir(), 'cp1251.json');
    writeFileSync(file, windows1251(JSON.stringify({ format: 'ombuds-dossier/1', places: [{ id: 'pl-1', name: 'Москва', country: 'RU' }] })));
    const before = snapshot(dir);
    const result = runCli(['import', '--store', dir, file], asUser);
    expect(result.status).toBe(10);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^ombuds: the file is not UTF-8.*\(JSON must be UTF-8: save the file as UTF-8 and import again\)\n$/);
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);

    const vault = await vaultIn();
    await expect(importFile(vault.db, { path: file, mode: 'all-or-nothing' }, 'tester')).rejects.toMatchObject({ code: 'import-encoding' });
    const withBom = join(tempDir(), 'bom.json');
    writeFileSync(withBom, `\uFEFF${FIXTURE}`, 'utf8');
    expect((await importFile(vault.db, { path: withBom, mode: 'all-or-nothing' }, 'tester')).counts?.created.incidents).toBe(2);
    vault.close();
  });

  it('refuses \\ud800 escapes (half a character) by their JSON path', async () => {
    const vault = await vaultIn();
    const text = FIXTURE.replace('"title": "Боздошти', '"title": "\\ud800Боздошти').replace('"nameLatin": "40 migrant workers"', '"nameLatin": "40 migrant workers", "\\udfff": 1');
    expect(rejection(vault.db, text)).toEqual([
      { path: '$.persons[0]["\\udfff"]', problem: 'invalid', message: 'a \\u escape that is half of a character (a lone surrogate)' },
      { path: '$.incidents[0].title', problem: 'invalid', message: 'a \\u escape that is half of a character (a lone surrogate)' },
    ]);
    // A pair of escapes is one character, and welcome.
    expect(() => parseInterchange(vault.db, FIXTURE.replace('"title": "Боздошти', '"title": "\\ud83d\\ude00 Боздошти'))).not.toThrow();
    vault.close();
  });
});

describe('ids are printable everywhere (issue 10, item 9)', () => {
  it('an interchange file: ids and id references with NUL, ESC or U+202E, or spaces at an end, are refused at their path', async () => {
    const vault = await vaultIn();
    const file = fixture();
    file.places[0]!.id = 'pl-\u0000';
    file.persons[1]!.id = 'ps-\u001b[31mred';
    file.incidents[0]!.id = 'in-\u202eevil';
    file.incidents[1]!.victimIds = ['ps-rahimov', ' ps-rahimov'];
    file.counterparts = [{ ...counterpart, id: 'cp-kz\u0085' }];
    file.letters = [{ ...letter, incidentIds: ['in-moscow-2024-10\u200f'] }];
    const issues = rejection(vault.db, file);
    expect(paths(issues)).toEqual(
      expect.arrayContaining([
        'invalid $.places[0].id',
        'invalid $.persons[1].id',
        'invalid $.counterparts[0].id',
        'invalid $.incidents[0].id',
        'invalid $.incidents[1].victimIds[1]',
        'invalid $.letters[0].incidentIds[0]',
      ]),
    );
    // The messages name the rule, never the value.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    for (const issue of issues) expect(issue.message).not.toMatch(/[\u0000-\u001f\u0085\u200f\u202e]|red|evil/);
    expect(vault.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(0);
    vault.close();
  });

  it('a spreadsheet: an id cell with ESC, C1 or a bidi control is refused by row and column', async () => {
    const vault = await vaultIn();
    const path = csv(['id,title,startDate', 'in-ok,Fine,2024-03-11', 'in-\u001b[31m,Red,2024-03-12', 'in-\u202eevil,Bidi,2024-03-13', 'in-\u009b31m,C1,2024-03-14']);
    const report = await importFile(vault.db, { path, mode: 'all-or-nothing', mapping: { id: 0, title: 1, startDate: 2 } }, 'tester');
    expect(report.rowIssues.map((issue) => [issue.row, issue.column, issue.field, issue.problem])).toEqual([
      [3, 'id', 'id', 'invalid-value'],
      [4, 'id', 'id', 'invalid-value'],
      [5, 'id', 'id', 'invalid-value'],
    ]);
    expect(report.counts).toBeNull();
    expect(vault.db.prepare('SELECT count(*) FROM incident').pluck().get()).toBe(0);
    vault.close();
  });

  it('IPC: id fields with NUL, ESC or U+202E are refused naming the field', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'tester', kdf: FAST_KDF });
    const call = (channel: string, input: unknown) => app.router.handle(channel, input);
    await call('vault:create', { passphrase: passphraseBytes(PASS) });
    const incident = { id: 'in-1', title: 'Задержание', startDate: '2024-03-11' };
    expect(await call('incidents:save', incident)).toMatchObject({ ok: true });
    expect(await call('incidents:save', { ...incident, id: 'in-\u0000' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'id' } });
    expect(await call('incidents:get', { id: 'in-1\u001b[2J' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'id' } });
    expect(await call('incidents:save', { ...incident, victimIds: ['ps-\u202e'] })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'victimIds.0' } });
    expect(await call('persons:save', { id: ' ps-1', kind: 'individual', name: 'Раҳимов' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'id' } });
    expect(await call('letters:list', { counterpartId: 'cp\u0007', asOf: '2024-03-11' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'counterpartId' } });
    app.dispose();
  });

  it('text fields: control characters other than tab and newline are refused, titles are one line', async () => {
    const vault = await vaultIn();
    const file = fixture();
    file.incidents[0]!.title = 'two\nlines';
    file.incidents[0]!.description = 'kept:\n\tindented';
    file.incidents[1]!.description = 'bell \u0007';
    file.places[0]!.name = 'КПП \u001b[2J';
    file.persons[0]!.contact = 'c1 \u0085';
    expect(paths(rejection(vault.db, file))).toEqual(['invalid $.places[0].name', 'invalid $.persons[0].contact', 'invalid $.incidents[0].title', 'invalid $.incidents[1].description']);
    vault.close();
  });
});

describe('validation gaps (issue 10, item 12)', () => {
  it('a reply loop with equal dates, and a letter answering itself, are refused at their path — exit 10, not an internal error', async () => {
    const dir = join(tempDir(), 'vault');
    const vault = await vaultIn(dir);
    const loop = {
      ...fixture(),
      counterparts: [counterpart],
      letters: [
        { ...letter, inReplyTo: 'l-in' },
        { ...letter, id: 'l-in', direction: 'incoming', number: '4/7', inReplyTo: 'l-out' },
        { ...letter, id: 'l-self', number: '01-12/2', inReplyTo: 'l-self' },
      ],
    };
    expect(paths(rejection(vault.db, loop))).toEqual(['invalid $.letters[2].inReplyTo', 'reply-cycle $.letters[0].inReplyTo', 'reply-cycle $.letters[1].inReplyTo']);
    // A loop through a stored letter: the file's reply to it would make the stored one answer its own answer.
    await importInBatches(vault.db, parseInterchange(vault.db, JSON.stringify({ ...fixture(), counterparts: [counterpart], letters: [{ ...letter, id: 'l-a', number: '1' }, { ...letter, id: 'l-b', number: '2', direction: 'incoming', inReplyTo: 'l-a' }] })), 'tester');
    expect(paths(rejection(vault.db, { format: 'ombuds-dossier/1', letters: [{ ...letter, id: 'l-a', number: '1', inReplyTo: 'l-b' }] }))).toEqual(['reply-cycle $.letters[0].inReplyTo']);
    vault.close();

    const file = join(tempDir(), 'loop.json');
    writeFileSync(file, JSON.stringify({ ...loop, letters: loop.letters.slice(0, 2) }));
    const result = runCli(['import', '--store', dir, file], asUser);
    expect(result.status).toBe(10);
    expect(result.stderr).toContain('$.letters[0].inReplyTo: the letters answer each other in a loop');
    expect(result.stderr).toMatch(/\(2 problems\)\n$/);
  });

  it('a register spreadsheet: a reply loop is refused by row and column', async () => {
    const vault = await vaultIn();
    new CorrespondenceService(() => vault.db, 'tester').saveCounterpart(counterpart);
    const path = csv(['№;Дата;Вх/Исх;Адресат;Тема;В ответ на', `01-12/1;15.03.2024;исх;${KZ};Обращение;4/7`, `4/7;15.03.2024;вх;${KZ};Ответ;01-12/1`]);
    const report = await importFile(vault.db, { path, kind: 'letters', mode: 'all-or-nothing', mapping: { number: 0, date: 1, direction: 2, counterpart: 3, subject: 4, inReplyTo: 5 } }, 'tester');
    expect(report.rowIssues.map((issue) => [issue.row, issue.column, issue.problem])).toEqual([
      [2, 'В ответ на', 'reply-cycle'],
      [3, 'В ответ на', 'reply-cycle'],
    ]);
    expect(report.counts).toBeNull();
    vault.close();
  });

  it('the registry refuses a letter answering itself and a loop through stored letters, naming the field', async () => {
    const vault = await vaultIn();
    const registry = new CorrespondenceService(() => vault.db, 'tester');
    registry.saveCounterpart(counterpart);
    const incoming = { id: 'in-1', number: '4/7', date: '2024-10-15', counterpartId: 'cp-kz', subject: 'Письмо' };
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof AppError ? { code: error.code, detail: error.detail } : error;
      }
      throw new Error('accepted');
    };
    expect(refusal(() => registry.registerIncoming({ ...incoming, inReplyTo: 'in-1' }))).toEqual({ code: 'invalid-input', detail: 'inReplyTo' });
    registry.registerIncoming(incoming);
    registry.registerIncoming({ ...incoming, id: 'in-2', number: '4/8', inReplyTo: 'in-1' });
    expect(refusal(() => registry.registerIncoming({ ...incoming, inReplyTo: 'in-2' }))).toEqual({ code: 'invalid-input', detail: 'inReplyTo: the letters would answer each other in a loop' });
    expect(registry.letters().find((l) => l.id === 'in-1')?.inReplyTo).toBeUndefined();
    vault.close();
  });

  it('dates outside 1900-01-01 … a year from today, and birth dates in the future, are refused with their path', async () => {
    const vault = await vaultIn();
    const tomorrow = new Date(Date.parse(`${dateBounds('birth').latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const file = { ...fixture(), counterparts: [counterpart], letters: [{ ...letter, date: '9999-12-31' }] };
    file.incidents[0]!.startDate = '0000-01-01';
    file.incidents[1]!.startDate = '1899-12-31';
    (file.incidents[1]!.sources as { date?: string }[])[0]!.date = '9999-01-01';
    file.persons[1]!.birthDate = tomorrow;
    expect(paths(rejection(vault.db, file))).toEqual([
      'invalid $.persons[1].birthDate',
      'invalid $.incidents[0].startDate',
      'invalid $.incidents[1].startDate',
      'invalid $.incidents[1].sources[0].date',
      'invalid $.letters[0].date',
    ]);

    const path = csv(['title,startDate', 'Year zero,01.01.0000', 'Far future,9999-12-31', 'Fine,2024-03-11']);
    const report = await importFile(vault.db, { path, mode: 'all-or-nothing', mapping: { title: 0, startDate: 1 } }, 'tester');
    expect(report.rowIssues.map((issue) => [issue.row, issue.column, issue.problem])).toEqual([
      [2, 'startDate', 'invalid-date'],
      [3, 'startDate', 'invalid-date'],
    ]);
    vault.close();

    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'tester', kdf: FAST_KDF });
    const call = (channel: string, input: unknown) => app.router.handle(channel, input);
    await call('vault:create', { passphrase: passphraseBytes(PASS) });
    expect(await call('incidents:save', { id: 'in-1', title: 'T', startDate: '9999-01-01' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'startDate' } });
    expect(await call('persons:save', { id: 'ps-1', kind: 'individual', name: 'Раҳимов', birthDate: tomorrow })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'birthDate' } });
    await call('counterparts:save', counterpart);
    expect(await call('letters:registerIncoming', { id: 'in-1', number: '1', date: '0000-01-01', counterpartId: 'cp-kz', subject: 'S' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'date' } });
    app.dispose();
  });

  it('country codes must be ISO 3166-1 alpha-2 (JSON path, row and column, IPC field)', async () => {
    const vault = await vaultIn();
    const file = { ...fixture(), counterparts: [{ ...counterpart, country: 'EU' }] };
    file.places[0]!.country = 'XX';
    file.persons[0]!.citizenship = 'XK';
    expect(paths(rejection(vault.db, file))).toEqual(expect.arrayContaining(['invalid $.places[0].country', 'invalid $.persons[0].citizenship', 'invalid $.counterparts[0].country']));

    const path = csv(['title,startDate,place,country', 'Nowhere,2024-03-11,Somewhere,XX', 'Almaty,2024-03-12,Алматы,kz']);
    const report = await importFile(vault.db, { path, mode: 'all-or-nothing', mapping: { title: 0, startDate: 1, place: 2, country: 3 } }, 'tester');
    expect(report.rowIssues.map((issue) => [issue.row, issue.column, issue.problem])).toEqual([[2, 'country', 'invalid-value']]);
    vault.close();

    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'tester', kdf: FAST_KDF });
    const call = (channel: string, input: unknown) => app.router.handle(channel, input);
    await call('vault:create', { passphrase: passphraseBytes(PASS) });
    expect(await call('places:save', { id: 'pl-1', name: 'Somewhere', country: 'ZZ' })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'country' } });
    expect(await call('places:save', { id: 'pl-1', name: 'Алматы', country: 'KZ' })).toMatchObject({ ok: true });
    app.dispose();
  });
});

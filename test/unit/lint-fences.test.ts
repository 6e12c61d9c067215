import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The fences of eslint.config.js, proved on code that crosses them: lint must fail there, and only there.
// The files named need not exist; ESLint applies the config by path.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

const SQL = /SQL and the database driver live only in electron\/store/;
const IPC = /(ipcMain is used only|IPC handlers are registered only) in electron\/main\/ipc\/register\.ts/;
const CLI = /The CLI reaches the vault only through electron\/services/;
const DRIVER = /'better-sqlite3-multiple-ciphers' import is restricted/;

/** The messages lint gives `code` as if it were the file at `filePath`; a parse error fails the test outright. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result!.messages;
  expect(messages.filter((message) => message.fatal), JSON.stringify(messages)).toEqual([]);
  return messages.map((message) => message.message);
}

const sqlInService = `import type { Db } from '../store/open.ts';
export const count = (db: Db) => db.prepare('SELECT count(*) FROM incident').pluck().get();
`;

describe('SQL only in electron/store', () => {
  it('fails SQL and the driver API in a service, the CLI, main and documents', async () => {
    expect(await lint('electron/services/x.ts', sqlInService)).toContainEqual(expect.stringMatching(SQL));
    expect(await lint('electron/cli/commands/x.ts', sqlInService.replace('../store', '../../store'))).toContainEqual(expect.stringMatching(SQL));
    expect(await lint('electron/main/x.ts', sqlInService)).toContainEqual(expect.stringMatching(SQL));
    expect(await lint('electron/documents/x.ts', sqlInService)).toContainEqual(expect.stringMatching(SQL));
  });

  it('fails each way SQL can be written outside the store', async () => {
    const cases = [
      // A transaction begun by hand, on a connection of any name.
      `export const begin = (connection: { exec(sql: string): void }) => connection.exec('BEGIN IMMEDIATE');`,
      // SQL in a template, or in a constant handed on to someone else.
      "export const wipe = (store: () => { exec(sql: string): void }) => store().exec(`DELETE FROM settings`);",
      `export const QUERY = 'SELECT value FROM settings WHERE key = ?';`,
      // The driver's transaction API, on vault.db, this.db or a session's store().
      `export const t = (vault: { db: { transaction(fn: () => void): () => void } }) => vault.db.transaction(() => undefined)();`,
      `export class S { constructor(private readonly store: () => { pragma(p: string): unknown }) {} mode() { return this.store().pragma('journal_mode'); } }`,
    ];
    for (const code of cases) expect(await lint('electron/services/x.ts', code), code).toContainEqual(expect.stringMatching(SQL));
  });

  it('fails importing the driver or the statement cache outside the store', async () => {
    const driver = `import Database from 'better-sqlite3-multiple-ciphers';\nexport const open = (path: string) => new Database(path);\n`;
    expect(await lint('electron/services/x.ts', driver)).toContainEqual(expect.stringMatching(DRIVER));
    expect(await lint('electron/main/x.ts', driver)).toContainEqual(expect.stringMatching(DRIVER));
    expect(await lint('electron/cli/x.ts', driver)).toContainEqual(expect.stringMatching(DRIVER));
    const statements = `import { statement } from '../store/statements.ts';\nexport const s = statement;\n`;
    expect(await lint('electron/services/x.ts', statements)).toContainEqual(expect.stringMatching(/Prepared SQL lives in the repositories/));
  });

  it('lets the store hold SQL and the driver, and services compose with the store helpers', async () => {
    expect(await lint('electron/store/repositories/x.ts', sqlInService.replace('../store/open.ts', '../open.ts'))).toEqual([]);
    expect(await lint('electron/store/x.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const open = (path: string) => new Database(path);\n`)).toEqual([]);
    const composed = `import type { Db } from '../store/open.ts';
import { inTransaction } from '../store/transaction.ts';
import { readSettings } from '../store/repositories/settings-repository.ts';
export const settings = (db: Db) => inTransaction(db, () => readSettings(db));
// A regular expression's exec is not SQL.
export const year = (text: string) => /^(\\d{4})-/.exec(text)?.[1] ?? /^(\\d{4})$/.exec('2024')?.[1];
`;
    expect(await lint('electron/services/x.ts', composed)).toEqual([]);
  });
});

describe('ipcMain only where channels are registered', () => {
  const handler = `import { ipcMain } from 'electron';\nexport const bind = () => ipcMain.handle('vault:status', () => ({}));\n`;

  it('fails ipcMain anywhere but electron/main/ipc/register.ts', async () => {
    for (const file of ['electron/main/index.ts', 'electron/main/window.ts', 'electron/main/ipc/other.ts', 'electron/preload/index.ts']) {
      expect(await lint(file, handler), file).toContainEqual(expect.stringMatching(IPC));
    }
    const aliased = `import { ipcMain as bus } from 'electron';\nexport const bind = () => bus.on('x', () => undefined);\n`;
    const member = `import * as electron from 'electron';\nexport const bind = () => electron.ipcMain.handle('x', () => 1);\n`;
    const bracket = `import * as electron from 'electron';\nexport const bind = () => electron['ipcMain'].handle('x', () => 1);\n`;
    const contents = `import type { WebContents } from 'electron';\nexport const bind = (contents: WebContents) => contents.ipc.handle('x', () => 1);\n`;
    for (const code of [aliased, member, bracket, contents]) expect(await lint('electron/main/window.ts', code), code).toContainEqual(expect.stringMatching(IPC));
  });

  it('lets register.ts bind the channels', async () => {
    expect(await lint('electron/main/ipc/register.ts', handler)).toEqual([]);
  });
});

describe("'electron' only in the shell", () => {
  it('keeps the window guards plain: electron/security may not import electron', async () => {
    const code = `import { BrowserWindow } from 'electron';\nexport const count = () => BrowserWindow.getAllWindows().length;\n`;
    expect(await lint('electron/security/x.ts', code)).toContainEqual(expect.stringMatching(/Only electron\/main and electron\/preload import 'electron'/));
    expect(await lint('electron/main/x.ts', code)).toEqual([]);
  });
});

describe('the CLI reaches the vault only through services', () => {
  it('fails any import from electron/store, types included', async () => {
    const imports = [
      `import { lettersOf } from '../../store/repositories/letter-repository.ts';\nexport const f = lettersOf;\n`,
      `import { createBackup } from '../../store/backup.ts';\nexport const f = createBackup;\n`,
      `import type { OpenVault } from '../../store/vault.ts';\nexport type V = OpenVault;\n`,
    ];
    for (const code of imports) expect(await lint('electron/cli/commands/x.ts', code), code).toContainEqual(expect.stringMatching(CLI));
    expect(await lint('electron/cli/x.ts', `import { checksFileModes } from '../store/permissions.ts';\nexport const f = checksFileModes;\n`)).toContainEqual(expect.stringMatching(CLI));
  });

  it('lets it use the services and the atomic file write', async () => {
    const code = `import { writeFileAtomic } from '../../store/atomic-write.ts';
import { verifyVault, type OpenVault } from '../../services/vault-service.ts';
import { RecordsService } from '../../services/records-service.ts';
export const f = (vault: OpenVault) => [writeFileAtomic, verifyVault(vault), new RecordsService(() => vault.db, 'cli')];
`;
    expect(await lint('electron/cli/commands/x.ts', code)).toEqual([]);
  });
});

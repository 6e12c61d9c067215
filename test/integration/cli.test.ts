import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { runCli } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const PASS = 'Хорог 2024 кӯҳ ва дарё';
const asUser = { OMBUDS_PASSPHRASE: PASS };

function init(): { store: string; recoveryKey: string } {
  const store = join(tempDir(), 'vault');
  const result = runCli(['init', '--store', store], asUser);
  expect(result.status).toBe(0);
  const recoveryKey = result.stdout.trim().split('\n').at(-1)!;
  expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  return { store, recoveryKey };
}

/** Errors are one line on stderr, never a stack trace. */
function expectOneLineError(result: { stderr: string }, pattern: RegExp) {
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
}

describe('CLI', () => {
  it('init, unlock-check with env and file passphrase, wrong passphrase, refuses a second init', () => {
    const { store } = init();
    expect(runCli(['unlock-check', '--store', store], asUser)).toMatchObject({ status: 0 });
    const file = join(tempDir(), 'pass.txt');
    writeFileSync(file, `${PASS}\n`);
    expect(runCli(['unlock-check', '--store', store, '--passphrase-file', file]).status).toBe(0);
    const wrong = runCli(['unlock-check', '--store', store], { OMBUDS_PASSPHRASE: 'not it at all' });
    expect(wrong.status).toBe(2);
    expectOneLineError(wrong, /^ombuds: wrong passphrase/);
    const again = runCli(['init', '--store', store], asUser);
    expect(again.status).toBe(64);
    expectOneLineError(again, /already exists/);
    const noSecret = runCli(['unlock-check', '--store', store]);
    expect(noSecret.status).toBe(64);
    expectOneLineError(noSecret, /no passphrase given/);
  });

  it('change-passphrase and recover', () => {
    const { store, recoveryKey } = init();
    const weak = runCli(['change-passphrase', '--store', store], { ...asUser, OMBUDS_NEW_PASSPHRASE: 'short' });
    expect(weak.status).toBe(64);
    expectOneLineError(weak, /too weak/);
    expect(runCli(['change-passphrase', '--store', store], { ...asUser, OMBUDS_NEW_PASSPHRASE: 'second passphrase 2' }).status).toBe(0);
    expect(runCli(['unlock-check', '--store', store], asUser).status).toBe(2);
    expect(runCli(['unlock-check', '--store', store], { OMBUDS_PASSPHRASE: 'second passphrase 2' }).status).toBe(0);

    const badKey = runCli(['recover', '--store', store, '--recovery-key', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH'], { OMBUDS_NEW_PASSPHRASE: 'third passphrase 3' });
    expect(badKey.status).toBe(2);
    expectOneLineError(badKey, /wrong recovery key/);
    expect(runCli(['recover', '--store', store, '--recovery-key', recoveryKey.toLowerCase()], { OMBUDS_NEW_PASSPHRASE: 'third passphrase 3' }).status).toBe(0);
    expect(runCli(['unlock-check', '--store', store], { OMBUDS_PASSPHRASE: 'third passphrase 3' }).status).toBe(0);
  });

  it('backup, verify, restore into a new folder and over the store; refuses a foreign file', () => {
    const { store } = init();
    const out = join(tempDir(), 'office.ombudsbackup');
    const backup = runCli(['backup', '--store', store, '--out', out], asUser);
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/verified/);
    const verify = runCli(['verify', '--store', store], asUser);
    expect(verify.status).toBe(0);
    // One line, as the README promises, whatever checks there are.
    expect(verify.stdout).toMatch(/^ok: integrity, cipher-integrity \(\d+ pages\), audit-chain \(2 rows\), schema \d+ of \d+[^\n]*\n$/);

    const fresh = join(tempDir(), 'new-laptop');
    expect(runCli(['restore', '--store', fresh, '--from', out], asUser).status).toBe(0);
    expect(runCli(['verify', '--store', fresh], asUser).status).toBe(0);
    expect(runCli(['restore', '--store', store, '--from', out], asUser).status).toBe(0);

    const foreign = join(tempDir(), 'notes.txt');
    writeFileSync(foreign, 'meeting notes');
    const refused = runCli(['restore', '--store', store, '--from', foreign], asUser);
    expect(refused.status).toBe(6);
    expectOneLineError(refused, /not an Ombuds Dossier backup; nothing was replaced/);
  });

  it('verify exits non-zero with a precise message on a damaged store; unlock says restore from backup', () => {
    const { store } = init();
    const path = join(store, 'store.db');
    const bytes = readFileSync(path);
    bytes[bytes.length - 200]! ^= 0xff;
    writeFileSync(path, bytes);
    const verify = runCli(['verify', '--store', store], asUser);
    expect(verify.status).toBe(4);
    expect(verify.stdout).toBe('');
    expectOneLineError(verify, /store damaged — restore from backup.*verify failed — .*cipher-integrity: pages? \d+(, \d+)* fails? authentication/);

    bytes[300]! ^= 0xff;
    writeFileSync(path, bytes);
    const unlock = runCli(['unlock-check', '--store', store], asUser);
    expect(unlock.status).toBe(4);
    expectOneLineError(unlock, /^ombuds: store damaged — restore from backup/);
  });

  it('emergency-key prints the raw data key that opens the store with standard SQLCipher 4 settings', () => {
    const { store, recoveryKey } = init();
    const result = runCli(['emergency-key', '--store', store, '--recovery-key', recoveryKey]);
    expect(result.status).toBe(0);
    const hex = result.stdout.trim();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const db = new Database(join(store, 'store.db'), { readonly: true });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${hex}'"`);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    db.close();
  });

  it('usage errors: unknown command, missing --store, missing flag values', () => {
    expect(runCli(['frobnicate', '--store', tempDir()]).status).toBe(64);
    expect(runCli(['verify']).status).toBe(64);
    expect(runCli(['unlock-check', '--store', tempDir(), '--bogus']).status).toBe(64);
    const missing = runCli(['emergency-key', '--store', tempDir()]);
    expect(missing.status).toBe(64);
    expectOneLineError(missing, /missing --recovery-key/);
    expect(runCli(['--help']).status).toBe(0);
    const notFound = runCli(['unlock-check', '--store', tempDir()], asUser);
    expect(notFound.status).toBe(3);
    expectOneLineError(notFound, /no vault in this folder/);
  });
});

import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { ATTEMPTS_FILE } from '../../electron/cli/attempts-file.ts';
import { DEFAULT_KDF, passphraseSlotOf, readEnvelope } from '../../electron/store/envelope.ts';
import { checksFileModes } from '../../electron/store/permissions.ts';
import { createVault } from '../../electron/store/vault.ts';
import { cliVault, runCli } from '../support/cli.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const PASS = 'Хорог 2024 кӯҳ ва дарё';
const asUser = { OMBUDS_PASSPHRASE: PASS };

/**
 * `ombuds init` itself: pays production's Argon2id (256 MiB, 10 passes) at init and at every later unlock, so only
 * the tests of init, unlocking and the CLI's own passphrase handling use it; the others start from cliVault.
 */
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
    // init writes production's key derivation, not the tests' cheap one.
    expect(passphraseSlotOf(readEnvelope(store))).toMatchObject(DEFAULT_KDF);
    expect(runCli(['unlock-check', '--store', store], asUser)).toMatchObject({ status: 0 });
    const file = join(tempDir(), 'pass.txt');
    writeFileSync(file, `${PASS}\n`, { mode: 0o600 });
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

  // Full Argon2id on purpose after the first step: the CLI's new passphrase is wrapped with production's cost.
  it('change-passphrase and recover', async () => {
    const { store, recoveryKey } = await cliVault(PASS);
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

  it('backup, verify, restore into a new folder and over the store; refuses a foreign file', async () => {
    const { store } = await cliVault(PASS);
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

  it('verify exits non-zero with a precise message on a damaged store; unlock says restore from backup', async () => {
    const { store } = await cliVault(PASS);
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

  it('verify names vault.json, not the store, when only the recovery slot is damaged; the passphrase still opens', async () => {
    const { store } = await cliVault(PASS);
    const envelope = JSON.parse(readFileSync(join(store, 'vault.json'), 'utf8'));
    const wrapped = Buffer.from(envelope.recovery.wrappedKey, 'base64');
    wrapped[0]! ^= 0x01;
    envelope.recovery.wrappedKey = wrapped.toString('base64');
    writeFileSync(join(store, 'vault.json'), JSON.stringify(envelope));
    const verify = runCli(['verify', '--store', store], asUser);
    expect(verify.status).toBe(4);
    expectOneLineError(verify, /^ombuds: vault\.json \(the key envelope\) is damaged.*recovery-slot: recovery slot altered/);
    expect(runCli(['unlock-check', '--store', store], asUser).status).toBe(0);
  });

  it('emergency-key prints the raw data key that opens the store with standard SQLCipher 4 settings', async () => {
    const { store, recoveryKey } = await cliVault(PASS);
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

  describe('secrets and failed attempts (issue 10, item 6)', () => {
    /** A vault made in-process with the cheap KDF, so each CLI attempt stays quick. */
    async function fastVault() {
      const store = join(tempDir(), 'vault');
      (await createVault(store, PASS, { actor: 'tester', kdf: FAST_KDF })).vault.close();
      return store;
    }
    const vaultFiles = (store: string) => ['vault.json', 'store.db'].map((name) => readFileSync(join(store, name)));
    const attemptsPath = (store: string) => join(store, ATTEMPTS_FILE);

    it.skipIf(!checksFileModes)('--passphrase-file and --new-passphrase-file refuse a file that group or others can read', async () => {
      const store = await fastVault();
      const file = join(tempDir(), 'pass.txt');
      for (const mode of [0o644, 0o640, 0o604]) {
        writeFileSync(file, PASS);
        chmodSync(file, mode);
        const refused = runCli(['unlock-check', '--store', store, '--passphrase-file', file]);
        expect(refused.status).toBe(64);
        expectOneLineError(refused, new RegExp(`passphrase file can be read by other users \\(mode 0${mode.toString(8)}\\); make it private with chmod 600`));
      }
      const next = join(tempDir(), 'next.txt');
      writeFileSync(next, 'another passphrase 42');
      chmodSync(next, 0o644);
      const refusedNew = runCli(['change-passphrase', '--store', store, '--new-passphrase-file', next], asUser);
      expect(refusedNew.status).toBe(64);
      expectOneLineError(refusedNew, /new passphrase file can be read by other users \(mode 0644\)/);
      chmodSync(file, 0o600);
      expect(runCli(['unlock-check', '--store', store, '--passphrase-file', file]).status).toBe(0);
    });

    it('counts failures across calls in a 0600 file that holds no secret, never touching the vault; a success resets it', async () => {
      const store = await fastVault();
      const before = vaultFiles(store);
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const wrong = runCli(['unlock-check', '--store', store], { OMBUDS_PASSPHRASE: `not the passphrase ${attempt}` });
        expect(wrong.status).toBe(2);
        expectOneLineError(wrong, /^ombuds: wrong passphrase; the vault was not changed \(sure it is right\? then vault\.json may be damaged: use the recovery key\)$/);
        const saved = JSON.parse(readFileSync(attemptsPath(store), 'utf8'));
        expect(Object.keys(saved).sort()).toEqual(['failures', 'format', 'lastFailureAt']);
        expect(saved.failures).toBe(attempt);
      }
      if (checksFileModes) expect(statSync(attemptsPath(store)).mode & 0o777).toBe(0o600);
      expect(vaultFiles(store)).toEqual(before);
      // A wrong recovery key counts too.
      expect(runCli(['emergency-key', '--store', store, '--recovery-key', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH']).status).toBe(2);
      expect(JSON.parse(readFileSync(attemptsPath(store), 'utf8')).failures).toBe(5);

      writeFileSync(attemptsPath(store), JSON.stringify({ format: 'ombuds-unlock-attempts/1', failures: 4, lastFailureAt: new Date().toISOString() }));
      expect(runCli(['unlock-check', '--store', store], asUser).status).toBe(0);
      expect(existsSync(attemptsPath(store))).toBe(false);
    });

    it('after five failures refuses every attempt until the wait is over, even the right passphrase, without asking for it', async () => {
      const store = await fastVault();
      const before = vaultFiles(store);
      // Twenty failures just now: the wait is at its 5-minute cap, so no test timing can reach its end.
      writeFileSync(attemptsPath(store), JSON.stringify({ format: 'ombuds-unlock-attempts/1', failures: 20, lastFailureAt: new Date().toISOString() }));
      for (const args of [['unlock-check'], ['verify'], ['emergency-key', '--recovery-key', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH']]) {
        const refused = runCli([...args, '--store', store], asUser);
        expect(refused.status).toBe(2);
        expectOneLineError(refused, /^ombuds: too many failed attempts; wait and try again \(try again in (\d+) s\)$/);
        const seconds = Number(/in (\d+) s/.exec(refused.stderr)![1]);
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual(300);
      }
      // A passphrase file is not even opened while the wait runs (so a prompt would not be shown either).
      expect(runCli(['unlock-check', '--store', store, '--passphrase-file', join(tempDir(), 'missing.txt')]).stderr).toMatch(/too many failed attempts/);
      // A last failure dated in the future (a clock set back, an edited file) cannot lock anyone out for longer.
      writeFileSync(attemptsPath(store), JSON.stringify({ format: 'ombuds-unlock-attempts/1', failures: 5, lastFailureAt: new Date(Date.now() + 86_400_000).toISOString() }));
      const capped = runCli(['unlock-check', '--store', store], asUser);
      expect(Number(/in (\d+) s/.exec(capped.stderr)![1])).toBeLessThanOrEqual(300);
      expect(vaultFiles(store)).toEqual(before);
    });
  });
});

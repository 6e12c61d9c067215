import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { addEvidence } from '../../electron/services/evidence/evidence-files.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../../electron/services/letter-files.ts';
import { appendAudit } from '../../electron/store/audit.ts';
import { createVault, unlockVault, type OpenVault } from '../../electron/store/vault.ts';
import { verifyStore } from '../../electron/store/verify.ts';
import { exited, startChild, waitForLine } from '../support/children.ts';
import { runCli } from '../support/cli.ts';
import { pngImage } from '../support/images.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { routerCall } from '../support/router-call.ts';

/**
 * The write-ahead log after a crash (store/wal-check.ts): committed work that only the WAL holds is kept by a copy
 * when SQLite would drop it, and the administrator is told; a WAL a crash leaves whole raises nothing. And the
 * large writes checkpoint, so their work does not wait in the WAL (store/checkpoint.ts).
 */
const PASS = 'correct horse battery';
const actor = 'tester';
const FRAME = 24 + 4096;
const COPY_NAME = /^store\.db-wal\.\d{8}T\d{6}Z$/;

const walPath = (dir: string) => join(dir, 'store.db-wal');
const recovery = (dir: string) => join(dir, 'wal-recovery');
const copies = (dir: string) => (existsSync(recovery(dir)) ? readdirSync(recovery(dir)) : []);
const probeRows = (vault: OpenVault) => vault.db.prepare('SELECT txn FROM wal_probe ORDER BY txn').pluck().all() as number[];
const walCheck = (vault: OpenVault) => verifyStore(vault.db, join(vault.dir, 'store.db'), vault.dek).checks.find((check) => check.name === 'wal');
const cli = (command: string, dir: string) => runCli([command, '--store', dir], { OMBUDS_PASSPHRASE: PASS });

/** A vault whose writer committed `count` transactions and was then killed -9: the commits live only in the WAL. */
async function vaultAfterCrash(count = 20): Promise<string> {
  const dir = tempDir();
  (await createVault(dir, PASS, { actor, kdf: FAST_KDF })).vault.close();
  const writer = startChild('commit-then-die.ts', [dir, PASS, String(count)]);
  await waitForLine(writer, (line) => line === `committed ${count}`);
  await exited(writer);
  expect(writer.signalCode).toBe('SIGKILL');
  expect(statSync(walPath(dir)).size).toBeGreaterThan(10 * FRAME);
  return dir;
}

function flipByte(path: string, offset: number): Buffer {
  const bytes = readFileSync(path);
  bytes[offset]! ^= 0x01;
  writeFileSync(path, bytes);
  return bytes;
}

describe('a WAL left by a crash', () => {
  it('a healthy one: no warning, every committed transaction present, verify ok', async () => {
    const dir = await vaultAfterCrash();
    const check = cli('unlock-check', dir);
    expect(check.status).toBe(0);
    expect(check.stderr).not.toMatch(/write-ahead/);
    const vault = await unlockVault(dir, PASS);
    expect(probeRows(vault)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verifyStore(vault.db, join(dir, 'store.db'), vault.dek).ok).toBe(true);
    vault.close();
    expect(copies(dir)).toEqual([]);
  });

  it('one flipped byte in a committed frame: copied aside byte for byte before SQLite reads it; unlock warns, verify fails until the copy is moved away', async () => {
    const dir = await vaultAfterCrash();
    // A frame halfway through the log: past the commit that created the probe table (how many frames that takes
    // grows with the schema), before the last commits.
    const middle = Math.floor((statSync(walPath(dir)).size - 32) / FRAME / 2);
    const damaged = flipByte(walPath(dir), 32 + middle * FRAME + 24 + 1000);

    const check = cli('unlock-check', dir);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/^ombuds: warning: a damaged write-ahead log was set aside as wal-recovery\/store\.db-wal\.\d{8}T\d{6}Z; .*\n$/);
    expect(check.stderr.trim().split('\n')).toHaveLength(1);
    const [copy] = copies(dir);
    expect(copy).toMatch(COPY_NAME);
    const copyPath = join(recovery(dir), copy!);
    expect(readFileSync(copyPath).equals(damaged)).toBe(true);
    expect(statSync(copyPath).mode & 0o777).toBe(0o600);
    expect(statSync(recovery(dir)).mode & 0o777).toBe(0o700);
    // What SQLite did with the damaged log: it kept the frames before the break and dropped every later commit.
    // Those commits are in the copy, and the administrator is told.
    const vault = await unlockVault(dir, PASS);
    expect(probeRows(vault).length).toBeLessThan(20);
    expect(walCheck(vault)).toMatchObject({ ok: false, detail: expect.stringContaining(`wal-recovery/${copy}`) });
    vault.close();

    for (let run = 0; run < 2; run += 1) {
      const verify = cli('verify', dir);
      expect(verify.status).toBe(4);
      expect(verify.stdout + verify.stderr).toContain(`wal-recovery/${copy}`);
    }
    expect(copies(dir)).toEqual([copy]);
    renameSync(copyPath, join(tempDir(), copy!));
    expect(cli('verify', dir).status).toBe(0);
    expect(cli('unlock-check', dir).stderr).not.toMatch(/write-ahead/);
  });

  it('a garbage WAL: copied aside instead of being deleted without a word; the store still opens whole', async () => {
    const dir = tempDir();
    const { vault: created } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    created.close();
    const garbage = randomBytes(3 * FRAME);
    writeFileSync(walPath(dir), garbage, { mode: 0o600 });
    const vault = await unlockVault(dir, PASS);
    const check = walCheck(vault);
    const others = verifyStore(vault.db, join(dir, 'store.db'), vault.dek).checks.filter((c) => c.name !== 'wal');
    vault.close();
    expect(check?.ok).toBe(false);
    expect(others.every((c) => c.ok)).toBe(true);
    const [copy] = copies(dir);
    expect(copy).toMatch(COPY_NAME);
    expect(readFileSync(join(recovery(dir), copy!)).equals(garbage)).toBe(true);
    expect(cli('verify', dir).status).toBe(4);
  });

  it('a torn last frame (a write cut off between its header and its page) is what kill -9 leaves: not reported', async () => {
    const dir = await vaultAfterCrash();
    const bytes = readFileSync(walPath(dir));
    const frames = Math.floor((bytes.length - 32) / FRAME);
    // The slot's page area still holds what was there before: here, the page of the first frame.
    bytes.copy(bytes, 32 + (frames - 1) * FRAME + 24, 32 + 24, 32 + FRAME);
    writeFileSync(walPath(dir), bytes);
    const vault = await unlockVault(dir, PASS);
    expect(probeRows(vault)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(walCheck(vault)?.ok).toBe(true);
    vault.close();
    expect(copies(dir)).toEqual([]);
  });

  it('keeps no copy of the WAL of a store another process holds (it was live, not left by a crash)', async () => {
    const dir = tempDir();
    (await createVault(dir, PASS, { actor, kdf: FAST_KDF })).vault.close();
    const holder = startChild('hold-store.ts', [dir, PASS]);
    try {
      await waitForLine(holder, (line) => line === 'ready');
      writeFileSync(walPath(dir), randomBytes(2 * FRAME));
      await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-in-use' });
      expect(existsSync(recovery(dir))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
  });
});

describe('large writes reach store.db at once', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  const walBytes = (dir: string) => statSync(walPath(dir)).size;
  /** A small committed write, so the WAL holds something that only a checkpoint by the next step would move. */
  const touch = (vault: OpenVault) => appendAudit(vault.db, { actor, action: 'test.touch', entity: 'test' });

  it('an import, an evidence intake and a letter scan each end with an empty WAL', async () => {
    const dir = tempDir();
    const { vault } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    touch(vault);
    expect(walBytes(dir)).toBeGreaterThan(0);
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(vault.db, parseInterchange(vault.db, fixture(name)), actor);
    expect(walBytes(dir)).toBe(0);

    touch(vault);
    const photo = join(tempDir(), 'photo.png');
    writeFileSync(photo, pngImage(320, 240));
    addEvidence(vault.db, { incidentId: 'in-fotekh-2024-03', path: photo, actor });
    expect(walBytes(dir)).toBe(0);

    touch(vault);
    const letterId = vault.db.prepare('SELECT id FROM letter ORDER BY id LIMIT 1').pluck().get() as string;
    new LetterFiles(() => vault.db, () => 2 ** 31, actor).attachScan(letterId, photo);
    expect(walBytes(dir)).toBe(0);
    vault.close();
  });

  it('a letter registration ends with an empty WAL', async () => {
    const dir = tempDir();
    const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
    const call = routerCall(app.router);
    await call('vault:create', { passphrase: passphraseBytes(PASS) });
    const db = app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), actor);
    await call('office:save', JSON.parse(fixture('office.json')));
    expect(walBytes(dir)).toBeGreaterThan(0);
    const draft = await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: ['in-fotekh-2024-03'] });
    await call('letters:registerDraft', draft);
    expect(walBytes(dir)).toBe(0);
    app.dispose();
  });
});

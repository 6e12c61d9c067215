import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultSession } from '../../electron/services/vault-session.ts';
import { appendAudit } from '../../electron/store/audit.ts';
import { backupSteps, createBackup } from '../../electron/store/backup.ts';
import { readBackup } from '../../electron/store/backup-file.ts';
import { parseEnvelope, unwrapWithPassphrase, type Envelope } from '../../electron/store/envelope.ts';
import { restoreSteps } from '../../electron/store/restore.ts';
import { changePassphrase, createVault, unlockVault, vaultExists, type OpenVault } from '../../electron/store/vault.ts';
import { verifyStore } from '../../electron/store/verify.ts';
import { exited, startChild } from '../support/children.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

/**
 * kill -9 at every step of a restore and of a backup, each in a child process that stops itself at the named step
 * (store/restore.ts and store/backup.ts call a step callback; no timing). After each: the folder holds one whole
 * vault — the old one before the restore's journal was committed, the restored one after — opening with its own
 * passphrase only, verified, and with no copy of a store or an envelope left anywhere once it has been opened.
 */
const BACKUP_PASS = 'passphrase of the backup day';
const LIVE_PASS = 'passphrase of today';
const FINAL_PASS = 'passphrase set after the crash';
const actor = 'tester';

const fill = (vault: OpenVault, label: string, rows: number) =>
  vault.db.transaction(() => {
    for (let i = 0; i < rows; i += 1) appendAudit(vault.db, { actor, action: 'test.fill', entity: 'test', entityId: `${label}-${i}` });
  })();
const filled = (vault: OpenVault, label: string) =>
  vault.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'test.fill' AND entity_id LIKE ?`).pluck().get(`${label}-%`) as number;
const listing = (dir: string) => readdirSync(dir).sort();

/** A vault whose backup was made under BACKUP_PASS; since then 5 more rows and the passphrase became LIVE_PASS. */
let template: { root: string; dir: string; backup: string };

beforeAll(async () => {
  // Outlives the single test (tempDir's folders are removed after each).
  const root = mkdtempSync(join(tmpdir(), 'ombuds-kill-template-'));
  const dir = join(root, 'vault');
  const { vault } = await createVault(dir, BACKUP_PASS, { actor, kdf: FAST_KDF });
  fill(vault, 'in-backup', 20);
  const backup = join(root, 'office.ombudsbackup');
  createBackup(vault, backup, actor);
  fill(vault, 'after-backup', 5);
  (await changePassphrase(vault, BACKUP_PASS, LIVE_PASS, { actor, kdf: FAST_KDF })).close();
  template = { root, dir, backup };
});

afterAll(() => rmSync(template.root, { recursive: true, force: true }));

function copyOfTemplate(): string {
  const dir = join(tempDir(), 'vault');
  cpSync(template.dir, dir, { recursive: true });
  return dir;
}

/** Runs the child to its end; `signal` is SIGKILL when it stopped itself at the step. */
async function runUntilKilled(args: string[]): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = startChild('kill-at-step.ts', args);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  await exited(child);
  return { signal: child.signalCode, stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** Every key envelope found in the folder, loose (vault.json and copies) or inside a backup container. */
function envelopesUnder(dir: string): { path: string; envelope: Envelope }[] {
  return filesUnder(dir).flatMap((path) => {
    const found: { path: string; envelope: Envelope }[] = [];
    try {
      found.push({ path, envelope: parseEnvelope(readFileSync(path, 'utf8')) });
    } catch {
      // not an envelope
    }
    try {
      found.push({ path, envelope: readBackup(path).envelope });
    } catch {
      // not a backup
    }
    return found;
  });
}

async function expectNothingOpensWith(dir: string, oldPassphrases: string[]): Promise<void> {
  const envelopes = envelopesUnder(dir);
  // The scan sees the live envelope, so it would see a copy too.
  expect(envelopes.map(({ path }) => relative(dir, path))).toEqual(['vault.json']);
  for (const { envelope } of envelopes) {
    for (const old of oldPassphrases) await expect(unwrapWithPassphrase(envelope, old)).rejects.toMatchObject({ code: 'wrong-passphrase' });
  }
}

describe('kill -9 during restore', () => {
  it('has a step list that names the journal as the commit point', () => {
    expect(restoreSteps).toContain('journal-written');
    expect(new Set(restoreSteps).size).toBe(restoreSteps.length);
  });

  it.each(restoreSteps)('killed at %s: one whole vault opens with its own passphrase, verified; no copies left; old passphrases open nothing', async (step) => {
    const dir = copyOfTemplate();
    const run = await runUntilKilled(['restore', dir, template.backup, BACKUP_PASS, step]);
    expect(run.stderr).toBe('');
    expect(run.signal).toBe('SIGKILL');

    // Never a folder without a vault: the window would offer to create one.
    expect(vaultExists(dir)).toBe(true);
    expect(new VaultSession({ dataDir: dir, actor }).status().state).toBe('locked');
    const stopped = listing(dir);
    if (!['opened', 'audited', 'leftovers-removed'].includes(step)) expect(stopped.some((name) => name.startsWith('.') || name === 'restore-journal.json')).toBe(true);

    const restored = restoreSteps.indexOf(step) >= restoreSteps.indexOf('journal-written');
    const [right, wrong] = restored ? [BACKUP_PASS, LIVE_PASS] : [LIVE_PASS, BACKUP_PASS];
    await expect(unlockVault(dir, wrong)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const vault = await unlockVault(dir, right);
    expect(verifyStore(vault.db, join(dir, 'store.db'), vault.dek).ok).toBe(true);
    expect(filled(vault, 'in-backup')).toBe(20);
    expect(filled(vault, 'after-backup')).toBe(restored ? 0 : 5);
    (await changePassphrase(vault, right, FINAL_PASS, { actor, kdf: FAST_KDF })).close();

    expect(listing(dir)).toEqual(['store.db', 'vault.json']);
    await expectNothingOpensWith(dir, [BACKUP_PASS, LIVE_PASS]);
    (await unlockVault(dir, FINAL_PASS)).close();
  });

  it('removes a temp file left by a killed envelope write at the next open (it holds a whole envelope)', async () => {
    const dir = copyOfTemplate();
    writeFileSync(join(dir, '.vault.json.0123456789ab.tmp'), readFileSync(join(dir, 'vault.json')), { mode: 0o600 });
    (await unlockVault(dir, LIVE_PASS)).close();
    expect(listing(dir)).toEqual(['store.db', 'vault.json']);
  });

  it('keeps every file of an interrupted restore when its journal is damaged, and says so', async () => {
    const dir = copyOfTemplate();
    writeFileSync(join(dir, 'restore-journal.json'), '{"format":"ombuds-restore-journal/1","tag":"../../etc"}', { mode: 0o600 });
    await expect(unlockVault(dir, LIVE_PASS)).rejects.toMatchObject({ code: 'store-damaged', detail: expect.stringContaining('restore-journal.json is damaged') });
    expect(listing(dir)).toEqual(['restore-journal.json', 'store.db', 'vault.json']);
  });
});

describe('kill -9 during backup', () => {
  it.each(backupSteps)('killed at %s: the vault opens and verifies; the next backup to that folder removes what was left', async (step) => {
    const dir = copyOfTemplate();
    const target = tempDir();
    const run = await runUntilKilled(['backup', dir, join(target, 'office.ombudsbackup'), LIVE_PASS, step]);
    expect(run.stderr).toBe('');
    expect(run.signal).toBe('SIGKILL');
    const renamed = backupSteps.indexOf(step) >= backupSteps.indexOf('container-renamed');
    if (backupSteps.indexOf(step) >= backupSteps.indexOf('copy-written')) {
      // What the kill left: the keyed copy (it opens with this day's passphrase through any envelope of this vault).
      expect(readdirSync(target).some((name) => name.startsWith('.ombuds-backup-'))).toBe(true);
    }

    const vault = await unlockVault(dir, LIVE_PASS);
    expect(verifyStore(vault.db, join(dir, 'store.db'), vault.dek).ok).toBe(true);
    expect(filled(vault, 'after-backup')).toBe(5);
    createBackup(vault, join(target, 'next.ombudsbackup'), actor);
    vault.close();

    expect(listing(dir)).toEqual(['store.db', 'vault.json']);
    const names = listing(target);
    expect(names).toEqual(renamed ? ['next.ombudsbackup', 'office.ombudsbackup'] : ['next.ombudsbackup']);
    for (const name of names) expect(readBackup(join(target, name)).envelope.vaultId).toBeTruthy();
  });

  it('leaves files of other programs in the backup folder alone', async () => {
    const dir = copyOfTemplate();
    const target = tempDir();
    const theirs = ['.notes.txt.0123456789ab.tmp', '.ombuds-backup-xyz.db', 'photo.jpg'];
    for (const name of theirs) writeFileSync(join(target, name), 'not ours');
    const vault = await unlockVault(dir, LIVE_PASS);
    createBackup(vault, join(target, 'b.ombudsbackup'), actor);
    vault.close();
    expect(listing(target)).toEqual([...theirs, 'b.ombudsbackup'].sort());
  });
});

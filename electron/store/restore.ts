import { closeSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { AppError } from '../errors/app-error.ts';
import { fsyncDirectory } from './atomic-write.ts';
import { appendAudit } from './audit.ts';
import { copyRange, readBackup, type BackupHeader } from './backup-file.ts';
import { unwrapWithPassphrase, writeEnvelope, type Envelope } from './envelope.ts';
import { finishInterruptedRestore, newRestoreTag, stagingFolder, swapSteps, writeRestoreJournal } from './restore-journal.ts';
import { openVaultWithKey, storePath, type OpenVault } from './vault.ts';
import { verifyStore } from './verify.ts';

/** Whatever the envelope's unwrap takes: text, or bytes the caller zeroes. */
type Passphrase = Parameters<typeof unwrapWithPassphrase>[1];

/** A backup file proven ours and intact, with the data key its passphrase unwrapped. */
export interface OpenedBackup {
  file: string;
  header: BackupHeader;
  dek: Buffer;
}

/** The steps of a restore, in order; tests stop a process at each (kill -9) to prove none leaves the folder without a vault. */
export const restoreSteps = ['staging-made', 'store-staged', 'envelope-staged', 'staging-verified', ...swapSteps, 'opened', 'audited'] as const;
export type RestoreStep = (typeof restoreSteps)[number];

export interface RestoreOptions {
  /** Called as each step is reached; does nothing in the app. */
  onStep?: (step: RestoreStep) => void;
}

/** Checks a backup file (magic, size, checksum) and its passphrase without touching any store. */
export async function openBackup(file: string, passphrase: Passphrase): Promise<OpenedBackup> {
  const header = readBackup(file);
  return { file, header, dek: await unwrapWithPassphrase(header.envelope, passphrase) };
}

/**
 * Restores a backup into `dir` — an empty folder on a new computer, or over an existing vault, which the
 * caller must have closed (no other process may use the folder meanwhile).
 */
export async function restoreBackup(dir: string, backupFile: string, passphrase: Passphrase, actor: string, options: RestoreOptions = {}): Promise<OpenVault> {
  return restoreOpenedBackup(dir, await openBackup(backupFile, passphrase), actor, options);
}

/**
 * The restore itself, for a caller that opened the backup first (its key is zeroed here). Nothing in `dir` is
 * touched until the backup is proven ours, intact and opening — migrated and fully verified — in a staging
 * folder; then the journal commits the swap and the files change places (restore-journal.ts), so a process
 * killed at any step leaves either the old vault or the restored one, and the next unlock completes the swap.
 */
export function restoreOpenedBackup(dir: string, opened: OpenedBackup, actor: string, options: RestoreOptions = {}): OpenVault {
  const onStep = options.onStep ?? (() => undefined);
  const { file: backupFile, header: backup, dek } = opened;
  const tag = newRestoreTag();
  const staging = stagingFolder(dir, tag);
  let committed = false;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A restore cut off earlier is completed first, so this one starts from a whole vault.
    finishInterruptedRestore(dir);
    mkdirSync(staging, { mode: 0o700 });
    onStep('staging-made');
    stageStore(backupFile, backup.storeOffset, backup.storeBytes, storePath(staging));
    onStep('store-staged');
    writeEnvelope(staging, backup.envelope);
    onStep('envelope-staged');
    checkStaged(staging, backup.envelope, dek);
    fsyncDirectory(staging);
    onStep('staging-verified');

    writeRestoreJournal(dir, tag, onStep);
    committed = true;
    finishInterruptedRestore(dir, onStep);

    const vault = openVaultWithKey(dir, backup.envelope, Buffer.from(dek));
    onStep('opened');
    appendAudit(vault.db, { actor, action: 'vault.restore', entity: 'vault', entityId: backup.envelope.vaultId });
    onStep('audited');
    return vault;
  } finally {
    dek.fill(0);
    // Before the commit the live files were never touched: the staged copy just goes.
    if (!committed) rmSync(staging, { recursive: true, force: true });
  }
}

function stageStore(backupFile: string, offset: number, length: number, target: string): void {
  const fd = openSync(target, 'wx', 0o600);
  try {
    copyRange(backupFile, fd, offset, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens the staged store as the vault will be opened (migrations included) and runs every check of verify. */
function checkStaged(staging: string, envelope: Envelope, dek: Buffer): void {
  let vault: OpenVault;
  try {
    vault = openVaultWithKey(staging, envelope, Buffer.from(dek));
  } catch (error) {
    if (error instanceof AppError && error.code === 'store-newer-version') throw error;
    throw new AppError('backup-damaged', { detail: 'the store in the backup cannot be opened', cause: error });
  }
  try {
    const report = verifyStore(vault.db, storePath(staging), vault.dek);
    const failed = report.checks.find((check) => !check.ok);
    if (failed) throw new AppError('backup-damaged', { detail: `backup store fails ${failed.name}: ${failed.detail}` });
  } finally {
    vault.close();
  }
}

import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError, toAppError } from '../errors/app-error.ts';
import { appendAudit } from './audit.ts';
import { copyRange, sha256OfFile, writeBackupHeader } from './backup-file.ts';
import { fsyncDirectory } from './atomic-write.ts';
import { removeBackupLeftovers } from './leftovers.ts';
import { openStore } from './open.ts';
import type { OpenVault } from './vault.ts';
import { tableRowCounts, verifyStore } from './verify.ts';

export const BACKUP_EXTENSION = '.ombudsbackup';

/** The steps of a backup, in order; tests stop a process at each (kill -9) to prove the next backup cleans up. */
export const backupSteps = ['leftovers-removed', 'copy-written', 'copy-checked', 'container-written', 'container-renamed', 'audited'] as const;
export type BackupStep = (typeof backupSteps)[number];

export interface BackupOptions {
  /** Called as each step is reached; does nothing in the app. */
  onStep?: (step: BackupStep) => void;
}

/**
 * Writes a verified backup of the open vault to `outFile`.
 * `VACUUM INTO` writes a copy keyed with the same DEK (never `db.backup()`, which would write it unkeyed);
 * the copy is reopened and checked (integrity, cipher integrity, row counts) before the container is
 * assembled beside the target and renamed into place. On any failure — full disk, read-only folder —
 * every temporary file is removed, so no partial backup is ever left. A process killed half-way cannot remove
 * them, and the keyed copy opens with the passphrase of its day, so each backup first removes what a killed
 * one left in its folder (leftovers.ts).
 */
export function createBackup(vault: OpenVault, outFile: string, actor: string, now = new Date(), options: BackupOptions = {}): { bytes: number } {
  const onStep = options.onStep ?? (() => undefined);
  const folder = dirname(outFile);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('io-error', { detail: 'backup folder does not exist' });
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new AppError('read-only', { detail: 'backup folder is not writable', cause: error });
  }
  try {
    removeBackupLeftovers(folder, outFile);
  } catch (error) {
    throw toAppError(error);
  }
  onStep('leftovers-removed');
  const tag = randomBytes(6).toString('hex');
  const copyPath = join(folder, `.ombuds-backup-${tag}.db`);
  const containerPath = join(folder, `.${basename(outFile)}.${tag}.tmp`);
  try {
    vault.db.prepare('VACUUM INTO ?').run(copyPath);
    onStep('copy-written');
    checkCopy(vault, copyPath);
    onStep('copy-checked');
    const bytes = statSync(copyPath).size;
    const digest = sha256OfFile(copyPath);
    const fd = openSync(containerPath, 'wx', 0o600);
    try {
      writeBackupHeader(fd, vault.envelope, bytes, digest, now);
      copyRange(copyPath, fd);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    onStep('container-written');
    renameSync(containerPath, outFile);
    fsyncDirectory(folder);
    onStep('container-renamed');
    appendAudit(vault.db, { actor, action: 'vault.backup', entity: 'vault', entityId: vault.envelope.vaultId });
    onStep('audited');
    return { bytes: statSync(outFile).size };
  } catch (error) {
    throw toAppError(error);
  } finally {
    for (const path of [copyPath, `${copyPath}-journal`, `${copyPath}-wal`, `${copyPath}-shm`, containerPath]) rmSync(path, { force: true });
  }
}

function checkCopy(vault: OpenVault, copyPath: string): void {
  // The vault's own key, not a copy: openStore keeps no reference, and a copy would outlive the lock unzeroed.
  const copy = openStore(copyPath, vault.dek, { readonly: true });
  try {
    // The copy must be whole; its schema version is whatever the original's is.
    const report = verifyStore(copy, copyPath, vault.dek);
    if (report.checks.some((check) => check.name !== 'schema-version' && !check.ok)) throw new AppError('io-error', { detail: 'backup copy failed verification' });
    const original = JSON.stringify(tableRowCounts(vault.db));
    if (JSON.stringify(tableRowCounts(copy)) !== original) throw new AppError('io-error', { detail: 'backup copy row counts differ' });
  } finally {
    copy.close();
  }
}

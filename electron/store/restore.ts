import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { fsyncDirectory } from './atomic-write.ts';
import { appendAudit } from './audit.ts';
import { copyRange, readBackup, type BackupHeader } from './backup-file.ts';
import { ENVELOPE_FILE, unwrapWithPassphrase, writeEnvelope } from './envelope.ts';
import { openVaultWithKey, storePath, type OpenVault } from './vault.ts';
import { verifyStore } from './verify.ts';

const LIVE_FILES = [ENVELOPE_FILE, 'store.db', 'store.db-wal', 'store.db-shm'];

/** A backup file proven ours and intact, with the data key its passphrase unwrapped. */
export interface OpenedBackup {
  file: string;
  header: BackupHeader;
  dek: Buffer;
}

/** Checks a backup file (magic, size, checksum) and its passphrase without touching any store. */
export async function openBackup(file: string, passphrase: string): Promise<OpenedBackup> {
  const header = readBackup(file);
  return { file, header, dek: await unwrapWithPassphrase(header.envelope, passphrase) };
}

/**
 * Restores a backup into `dir` — an empty folder on a new computer, or over an existing vault, which the
 * caller must have closed. Nothing in `dir` is touched until the backup is proven ours, intact and opening
 * with `passphrase` in a staging folder; the old files are then kept aside until the restored store has been
 * reopened and verified in place, and put back if that fails.
 */
export async function restoreBackup(dir: string, backupFile: string, passphrase: string, actor: string): Promise<OpenVault> {
  return restoreOpenedBackup(dir, await openBackup(backupFile, passphrase), actor);
}

/** The restore itself, for a caller that opened the backup first (and zeroes its key when done). */
export function restoreOpenedBackup(dir: string, opened: OpenedBackup, actor: string): OpenVault {
  const { file: backupFile, header: backup, dek } = opened;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tag = randomBytes(6).toString('hex');
  const staging = join(dir, `.restore-${tag}`);
  const aside = join(dir, `.previous-${tag}`);
  try {
    mkdirSync(staging, { mode: 0o700 });
    stageStore(backupFile, backup.storeOffset, backup.storeBytes, storePath(staging));
    writeEnvelope(staging, backup.envelope);
    checkStaged(staging, backup.envelope, dek);

    mkdirSync(aside, { mode: 0o700 });
    const moved = moveFiles(dir, aside, LIVE_FILES);
    moveFiles(staging, dir, [ENVELOPE_FILE, 'store.db']);
    fsyncDirectory(dir);
    let vault: OpenVault;
    try {
      vault = openVaultWithKey(dir, backup.envelope, Buffer.from(dek));
      if (!verifyStore(vault.db, storePath(dir), vault.dek).ok) {
        vault.close();
        throw new AppError('backup-damaged', { detail: 'restored store failed verification' });
      }
    } catch (error) {
      moveFiles(dir, staging, [ENVELOPE_FILE, 'store.db', 'store.db-wal', 'store.db-shm']);
      moveFiles(aside, dir, moved);
      fsyncDirectory(dir);
      throw error;
    }
    appendAudit(vault.db, { actor, action: 'vault.restore', entity: 'vault', entityId: backup.envelope.vaultId });
    rmSync(aside, { recursive: true, force: true });
    return vault;
  } finally {
    dek.fill(0);
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(aside) && readdirSync(aside).length === 0) rmSync(aside, { recursive: true, force: true });
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

function checkStaged(staging: string, envelope: Parameters<typeof openVaultWithKey>[1], dek: Buffer): void {
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

function moveFiles(from: string, to: string, names: readonly string[]): string[] {
  const moved: string[] = [];
  for (const name of names) {
    if (!existsSync(join(from, name))) continue;
    renameSync(join(from, name), join(to, name));
    moved.push(name);
  }
  return moved;
}

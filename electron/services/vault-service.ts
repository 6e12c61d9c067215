import type { Settings, VerifyReport } from '../../shared/domain/vault.ts';
import { AppError } from '../errors/app-error.ts';
import { createBackup } from '../store/backup.ts';
import { newPassphraseProblem, type Passphrase } from '../store/passphrase-bytes.ts';
import { readSettings } from '../store/repositories/settings-repository.ts';
import { restoreBackup } from '../store/restore.ts';
import { changePassphrase, createVault, recoverVault, storePath, unlockVault, type OpenVault, type UnlockHooks } from '../store/vault.ts';
import { verifyStore } from '../store/verify.ts';
import { setAsideWalCopies } from '../store/wal-check.ts';

/**
 * The vault's life for a front end that opens it for one call and closes it again: the CLI. (The window keeps one
 * vault open in VaultSession.) Both run the same store functions; the CLI reaches the store only through this
 * module and the record services, never directly (lint: electron/cli imports nothing from electron/store).
 * Passphrases are bytes the caller owns and zeroes; nothing here keeps one.
 */

export type { OpenVault, UnlockHooks } from '../store/vault.ts';
export type { PermissionFix } from '../store/permissions.ts';
export type { Passphrase } from '../store/passphrase-bytes.ts';
export { emergencyDataKey, unlockVault } from '../store/vault.ts';
/** Whether this system has owner-only file modes to check (not Windows): the vault's rule, applied to secret files too. */
export { checksFileModes } from '../store/permissions.ts';

/** A new passphrase too weak to protect case data is refused before anything is written. */
export function assertStrongPassphrase(passphrase: Passphrase): void {
  const problem = newPassphraseProblem(passphrase);
  if (problem) throw new AppError('weak-passphrase', { detail: problem });
}

/** A new vault in `dataDir`, left open; the recovery key is returned once, to be shown once. */
export function initVault(dataDir: string, passphrase: Passphrase, actor: string): Promise<{ vault: OpenVault; recoveryKey: string }> {
  assertStrongPassphrase(passphrase);
  return createVault(dataDir, passphrase, { actor });
}

/** Checks the new passphrase, opens with the current one, re-wraps the data key, and closes again. */
export async function changeVaultPassphrase(dataDir: string, current: Passphrase, next: Passphrase, actor: string, hooks: UnlockHooks): Promise<void> {
  assertStrongPassphrase(next);
  const vault = await unlockVault(dataDir, current, hooks);
  try {
    (await changePassphrase(vault, current, next, { actor })).close();
  } finally {
    vault.close();
  }
}

/** Forgotten passphrase: the recovery key opens the vault, a new passphrase is set, and the vault is closed. */
export async function recoverWithKey(dataDir: string, recoveryKey: string, next: Passphrase, actor: string, hooks: UnlockHooks): Promise<void> {
  assertStrongPassphrase(next);
  (await recoverVault(dataDir, recoveryKey, next, { actor, ...hooks })).close();
}

/** A verified, encrypted backup of the open vault (VACUUM INTO a keyed copy, see store/backup.ts). */
export const backupVault = (vault: OpenVault, outFile: string, actor: string): { bytes: number } => createBackup(vault, outFile, actor);

/** Restores a backup into `dataDir` (verified before anything is replaced, see store/restore.ts) and closes it. */
export async function restoreVault(dataDir: string, backupFile: string, passphrase: Passphrase, actor: string): Promise<void> {
  (await restoreBackup(dataDir, backupFile, passphrase, actor)).close();
}

/** Every check `verify` runs: integrity, page HMACs, the audit chain, schema, recovery slot, no damaged WAL set aside. */
export const verifyVault = (vault: OpenVault): VerifyReport => verifyStore(vault.db, storePath(vault.dir), vault.dek, vault.envelope);

/** The newest damaged write-ahead log set aside at an open (store/wal-check.ts), if one is kept. */
export const setAsideWalCopy = (vault: OpenVault): string | undefined => setAsideWalCopies(storePath(vault.dir)).at(-1);

/** The vault's settings (auto-lock, evidence size limit), as the window's session reads them at unlock. */
export const vaultSettings = (vault: OpenVault): Settings => readSettings(vault.db);

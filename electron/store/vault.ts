import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { appendAudit } from './audit.ts';
import {
  createEnvelope,
  DEFAULT_KDF,
  DEK_BYTES,
  ENVELOPE_FILE,
  readEnvelope,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  withNewPassphrase,
  writeEnvelope,
  type Envelope,
  type KdfParams,
} from './envelope.ts';
import { migrate } from './migrate.ts';
import { openStore, startsWithPlaintextHeader, STORE_FILE, type Db } from './open.ts';
import { openVaultStore } from './open-vault-store.ts';
import type { Passphrase } from './passphrase-bytes.ts';
import { createPrivateFile, secureVaultPermissions, type PermissionFix } from './permissions.ts';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key.ts';
import { finishInterruptedRestore, restoreJournalExists } from './restore-journal.ts';
import { deleteIncompleteFiles } from './repositories/chunked-file-repository.ts';

/** An unlocked vault: the open store and the DEK that opened it. `close()` zeroes the key. */
export interface OpenVault {
  readonly dir: string;
  readonly envelope: Envelope;
  readonly db: Db;
  readonly dek: Buffer;
  close(): void;
}

export const storePath = (dir: string) => join(dir, STORE_FILE);
/** A committed restore not yet completed counts: its folder holds the old vault or the restored one (restore-journal.ts). */
export const vaultExists = (dir: string) => existsSync(join(dir, ENVELOPE_FILE)) || existsSync(storePath(dir)) || restoreJournalExists(dir);

export function openVaultWithKey(dir: string, envelope: Envelope, dek: Buffer): OpenVault {
  let db: Db;
  try {
    db = openVaultStore(dir, dek);
    migrate(db);
    // Files whose intake was cut off by a crash never counted; their chunks go now (secure_delete zeroes them).
    deleteIncompleteFiles(db, 'evidence');
    deleteIncompleteFiles(db, 'letter-file');
  } catch (error) {
    dek.fill(0);
    throw error;
  }
  let closed = false;
  return {
    dir,
    envelope,
    db,
    dek,
    close() {
      if (closed) return;
      closed = true;
      try {
        db.close();
      } finally {
        dek.fill(0);
      }
    },
  };
}

export interface CreateOptions {
  actor: string;
  kdf?: KdfParams;
}

/**
 * First run: a random DEK, a new store keyed with it, the envelope written last. Returns the recovery key once.
 * The folder is 0700 and every file 0600 from the start (store.db is made before SQLite opens it, which gives its
 * -wal and -shm the same mode), whatever the umask.
 */
export async function createVault(dir: string, passphrase: Passphrase, options: CreateOptions): Promise<{ vault: OpenVault; recoveryKey: string }> {
  if (vaultExists(dir)) throw new AppError('vault-exists');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  secureVaultPermissions(dir);
  const dek = randomBytes(DEK_BYTES);
  const recovery = generateRecoveryKey();
  try {
    const envelope = await createEnvelope(dek, passphrase, recovery.bytes, options.kdf ?? DEFAULT_KDF);
    createPrivateFile(storePath(dir));
    const db = openStore(storePath(dir), dek, { create: true });
    try {
      migrate(db);
      appendAudit(db, { actor: options.actor, action: 'vault.create', entity: 'vault', entityId: envelope.vaultId });
    } finally {
      db.close();
    }
    if (startsWithPlaintextHeader(storePath(dir))) throw new AppError('internal', { detail: 'store was written unencrypted' });
    writeEnvelope(dir, envelope);
    return { vault: openVaultWithKey(dir, envelope, Buffer.from(dek)), recoveryKey: recovery.text };
  } catch (error) {
    // Nothing of a failed first run is worth keeping; never leave a store without its envelope.
    for (const suffix of ['', '-wal', '-shm']) rmSync(storePath(dir) + suffix, { force: true });
    rmSync(join(dir, ENVELOPE_FILE), { force: true });
    throw error;
  } finally {
    dek.fill(0);
    recovery.bytes.fill(0);
  }
}

export interface UnlockHooks {
  /** Told which entries were too open and have been tightened (the CLI warns on stderr). */
  onPermissionsTightened?(fixes: PermissionFix[]): void;
}

/** Every open first closes the vault's files to other users, or refuses (see permissions.ts). */
function checkPermissions(dir: string, hooks: UnlockHooks): void {
  if (!existsSync(dir)) return; // readEnvelope says vault-not-found
  const fixes = secureVaultPermissions(dir);
  if (fixes.length > 0) hooks.onPermissionsTightened?.(fixes);
}

/** The caller owns a passphrase given as bytes and zeroes it; the data key lives in the returned vault until close. */
export async function unlockVault(dir: string, passphrase: Passphrase, hooks: UnlockHooks = {}): Promise<OpenVault> {
  checkPermissions(dir, hooks);
  finishInterruptedRestore(dir);
  const envelope = readEnvelope(dir);
  return openVaultWithKey(dir, envelope, await unwrapWithPassphrase(envelope, passphrase));
}

export function unlockVaultWithRecoveryKey(dir: string, recoveryKey: string, hooks: UnlockHooks = {}): OpenVault {
  checkPermissions(dir, hooks);
  finishInterruptedRestore(dir);
  const envelope = readEnvelope(dir);
  const keyBytes = parseRecoveryKey(recoveryKey);
  try {
    return openVaultWithKey(dir, envelope, unwrapWithRecoveryKey(envelope, keyBytes));
  } finally {
    keyBytes.fill(0);
  }
}

/** Re-wraps the DEK under a new passphrase; the envelope file is replaced atomically, the store is untouched. */
async function rewrapPassphrase(vault: OpenVault, newPassphrase: Passphrase, action: string, actor: string, kdf?: KdfParams): Promise<OpenVault> {
  const envelope = await withNewPassphrase(vault.envelope, vault.dek, newPassphrase, kdf ?? DEFAULT_KDF);
  writeEnvelope(vault.dir, envelope);
  appendAudit(vault.db, { actor, action, entity: 'vault', entityId: envelope.vaultId });
  return { ...vault, envelope, close: vault.close };
}

export async function changePassphrase(vault: OpenVault, current: Passphrase, next: Passphrase, options: CreateOptions): Promise<OpenVault> {
  const check = await unwrapWithPassphrase(vault.envelope, current);
  check.fill(0);
  return rewrapPassphrase(vault, next, 'vault.change-passphrase', options.actor, options.kdf);
}

/** Forgotten passphrase: the recovery key opens the store, then a new passphrase is set. */
export async function recoverVault(
  dir: string,
  recoveryKey: string,
  newPassphrase: Passphrase,
  options: CreateOptions & UnlockHooks,
): Promise<OpenVault> {
  const vault = unlockVaultWithRecoveryKey(dir, recoveryKey, options);
  try {
    return await rewrapPassphrase(vault, newPassphrase, 'vault.recover', options.actor, options.kdf);
  } catch (error) {
    vault.close();
    throw error;
  }
}

/** Emergency access: the raw DEK, so an administrator can open store.db with standard SQLCipher 4 tools. */
export function emergencyDataKey(dir: string, recoveryKey: string): string {
  finishInterruptedRestore(dir);
  const envelope = readEnvelope(dir);
  const keyBytes = parseRecoveryKey(recoveryKey);
  let dek: Buffer;
  try {
    dek = unwrapWithRecoveryKey(envelope, keyBytes);
  } finally {
    keyBytes.fill(0);
  }
  // Printing it is the point of this command: the hex string is the one copy of the key that cannot be zeroed.
  const hex = dek.toString('hex');
  dek.fill(0);
  return hex;
}

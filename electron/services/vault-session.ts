import { writeFileSync } from 'node:fs';
import {
  type Language,
  type LockReason,
  type Settings,
  type VaultStatus,
  type VerifyReport,
} from '../../shared/domain/vault.ts';
import { renderRecoverySheet } from '../documents/recovery-sheet.ts';
import { AppError } from '../errors/app-error.ts';
import { audited } from '../store/audit.ts';
import type { Db } from '../store/open.ts';
import { createBackup } from '../store/backup.ts';
import type { KdfParams } from '../store/envelope.ts';
import { openBackup, restoreOpenedBackup } from '../store/restore.ts';
import { changePassphrase, createVault, recoverVault, unlockVault, vaultExists, type OpenVault } from '../store/vault.ts';
import { readSettings, writeSettings } from '../store/repositories/settings-repository.ts';
import { isWrongSecret, UnlockThrottle } from './unlock-throttle.ts';
// The CLI applies the same passphrase rule and runs the same checks (vault-service.ts).
import { assertStrongPassphrase as assertStrong, verifyVault } from './vault-service.ts';

export interface VaultSessionOptions {
  dataDir: string;
  actor: string;
  /** Wall-clock time; injectable for tests. Wall-clock, not a monotonic timer, so time asleep counts as idle. */
  now?: () => number;
  /** Argon2id cost for new wraps; tests pass a cheaper one. */
  kdf?: KdfParams;
}

/**
 * The one open vault of a running app and its lifecycle: create, unlock, lock (user, idle, suspend),
 * passphrase change, recovery, backup, restore and verify. Operations run one at a time, in order.
 * Passphrases arrive as UTF-8 bytes (the contract takes nothing else) and are handed straight to the vault, which
 * copies them for the KDF and zeroes its copy; none is kept here, and the caller (the router, for IPC) zeroes its
 * own. Lock closes the store and zeroes the data key (README, Security).
 */
export class VaultSession {
  private vault: OpenVault | null = null;
  private pendingRecoveryKey: string | null = null;
  private lastLockReason: LockReason | null = null;
  private settings: Settings | null = null;
  private lastActivity: number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockListeners: (() => void)[] = [];
  private readonly throttle: UnlockThrottle;
  private readonly now: () => number;
  private readonly options: VaultSessionOptions;

  constructor(options: VaultSessionOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.throttle = new UnlockThrottle(this.now);
    this.lastActivity = this.now();
  }

  /** Serializes operations so two quick clicks cannot unlock or restore twice at once. */
  private exclusive<T>(operation: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private get actor() {
    return this.options.actor;
  }

  /** The open store for record services; `vault-locked` when locked. */
  store(): Db {
    return this.requireVault().db;
  }

  private requireVault(): OpenVault {
    if (!this.vault) throw new AppError(vaultExists(this.options.dataDir) ? 'vault-locked' : 'vault-not-found');
    return this.vault;
  }

  private opened(vault: OpenVault): void {
    this.vault = vault;
    this.settings = readSettings(vault.db);
    this.lastActivity = this.now();
  }

  status(): VaultStatus {
    const state = this.vault ? 'unlocked' : vaultExists(this.options.dataDir) ? 'locked' : 'uninitialized';
    return {
      state,
      lastLockReason: this.lastLockReason,
      recoveryKeyPending: this.vault !== null && this.pendingRecoveryKey !== null,
      failedAttempts: this.throttle.failedAttempts,
      retryAfterMs: this.throttle.retryAfterMs(),
    };
  }

  create(passphrase: Uint8Array): Promise<{ recoveryKey: string }> {
    return this.exclusive(async () => {
      assertStrong(passphrase);
      const { vault, recoveryKey } = await createVault(this.options.dataDir, passphrase, { actor: this.actor, kdf: this.options.kdf });
      this.opened(vault);
      this.pendingRecoveryKey = recoveryKey;
      return { recoveryKey };
    });
  }

  async recoverySheet(language: Language): Promise<Buffer> {
    const vault = this.requireVault();
    if (!this.pendingRecoveryKey) throw new AppError('invalid-input', { detail: 'no recovery key to print' });
    return renderRecoverySheet({ recoveryKey: this.pendingRecoveryKey, vaultId: vault.envelope.vaultId, createdAt: new Date(vault.envelope.createdAt), language });
  }

  async saveRecoverySheet(language: Language, path: string): Promise<void> {
    writeFileSync(path, await this.recoverySheet(language), { mode: 0o600 });
  }

  /** The key was written down: forget it, it is never shown again. */
  confirmRecoverySaved(): void {
    this.requireVault();
    this.pendingRecoveryKey = null;
  }

  /** Runs an attempt with a secret under the growing-delay throttle. */
  private async attempt<T>(operation: () => Promise<T>): Promise<T> {
    this.throttle.assertMayTry();
    try {
      const result = await operation();
      this.throttle.recordSuccess();
      return result;
    } catch (error) {
      if (isWrongSecret(error)) this.throttle.recordFailure();
      throw error;
    }
  }

  unlock(passphrase: Uint8Array): Promise<void> {
    return this.exclusive(async () => {
      if (this.vault) return;
      this.opened(await this.attempt(() => unlockVault(this.options.dataDir, passphrase)));
      this.lastLockReason = null;
    });
  }

  recover(recoveryKey: string, newPassphrase: Uint8Array): Promise<void> {
    return this.exclusive(async () => {
      assertStrong(newPassphrase);
      this.closeVault();
      this.opened(await this.attempt(() => recoverVault(this.options.dataDir, recoveryKey, newPassphrase, { actor: this.actor, kdf: this.options.kdf })));
      this.lastLockReason = null;
    });
  }

  changePassphrase(current: Uint8Array, next: Uint8Array): Promise<void> {
    return this.exclusive(async () => {
      assertStrong(next);
      const vault = this.requireVault();
      this.vault = await this.attempt(() => changePassphrase(vault, current, next, { actor: this.actor, kdf: this.options.kdf }));
    });
  }

  /** Runs `listener` whenever the store closes (lock, restore), before it closes. */
  onLock(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  private closeVault(): void {
    if (this.vault) for (const listener of this.lockListeners) listener();
    this.vault?.close();
    this.vault = null;
    this.settings = null;
    this.pendingRecoveryKey = null;
  }

  /** Closes the store and zeroes the key. Safe to call when locked. */
  lock(reason: LockReason): void {
    if (!this.vault) return;
    this.closeVault();
    this.lastLockReason = reason;
  }

  touch(): void {
    this.lastActivity = this.now();
  }

  /** Locks when the idle period has passed; called by a timer. Returns whether it locked. */
  checkIdle(): boolean {
    if (!this.vault || !this.settings) return false;
    if (this.now() - this.lastActivity < this.settings.autoLockMinutes * 60_000) return false;
    this.lock('idle');
    return true;
  }

  /** A verified, encrypted backup (VACUUM INTO a keyed copy, see store/backup.ts). */
  writeBackup(path: string): Promise<void> {
    return this.exclusive(() => {
      createBackup(this.requireVault(), path, this.actor);
    });
  }

  /** Restores over the current store (or into an empty data folder); the restored vault is left unlocked. */
  restore(path: string, passphrase: Uint8Array): Promise<void> {
    return this.exclusive(async () => {
      // Prove the file and its passphrase before closing the open store, so a wrong file or passphrase
      // leaves the user where they were.
      const opened = await this.attempt(() => openBackup(path, passphrase));
      const wasOpen = this.vault !== null;
      this.closeVault();
      try {
        this.opened(restoreOpenedBackup(this.options.dataDir, opened, this.actor));
        this.lastLockReason = null;
      } catch (error) {
        if (wasOpen) this.lastLockReason = 'restore';
        throw error;
      }
    });
  }

  verify(): VerifyReport {
    const vault = this.requireVault();
    return verifyVault(vault);
  }

  getSettings(): Settings {
    this.requireVault();
    return this.settings!;
  }

  updateSettings(changes: Partial<Settings>): Settings {
    const vault = this.requireVault();
    const before = this.settings!;
    audited(vault.db, () => ({ actor: this.actor, action: 'settings.update', entity: 'settings', before, after: { ...before, ...changes } }), () => writeSettings(vault.db, changes));
    this.settings = readSettings(vault.db);
    return this.settings;
  }
}

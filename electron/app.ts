import type { Dialogs } from './ipc/dialogs.ts';
import { createRouter, type Handlers, type Router } from './ipc/router.ts';
import type { LockReason } from '../shared/domain/vault.ts';
import { BACKUP_EXTENSION } from './store/backup.ts';
import type { KdfParams } from './store/envelope.ts';
import { RecordsService } from './services/records-service.ts';
import { VaultSession } from './services/vault-session.ts';

/** Composition root shared by Electron main and the end-to-end bridge: one router over the same services. */
export interface AppOptions {
  /** The data folder holding vault.json and store.db. */
  dataDir: string;
  dialogs: Dialogs;
  /** Who acts, for the audit log (e.g. the OS user name). */
  actor: string;
  /** Argon2id cost for new wraps (tests may pass a cheaper one). */
  kdf?: KdfParams;
  /** How often the idle auto-lock is checked. */
  idleCheckMs?: number;
}

export interface App {
  router: Router;
  session: VaultSession;
  /** Locks now (OS suspend, screen lock, menu shortcut). Safe to call when already locked. */
  lock(reason: LockReason): void;
  /** Locks and stops timers; call on quit. */
  dispose(): void;
}

const today = () => new Date().toISOString().slice(0, 10);

function handlers(session: VaultSession, records: RecordsService, dialogs: Dialogs): Handlers {
  return {
    'vault:status': () => session.status(),
    'vault:create': ({ passphrase }) => session.create(passphrase),
    'vault:saveRecoverySheet': async ({ language }) => {
      await session.recoverySheet(language); // fail before asking for a path when there is nothing to print
      const path = await dialogs.chooseSavePath('recovery-sheet', `ombuds-recovery-sheet-${today()}.pdf`);
      if (!path) return { saved: false, fileName: null };
      await session.saveRecoverySheet(language, path);
      return { saved: true, fileName: path.split(/[\\/]/).pop() ?? null };
    },
    'vault:confirmRecoverySaved': () => (session.confirmRecoverySaved(), {}),
    'vault:unlock': async ({ passphrase }) => (await session.unlock(passphrase), {}),
    'vault:lock': () => (session.lock('user'), {}),
    'vault:changePassphrase': async ({ current, next }) => (await session.changePassphrase(current, next), {}),
    'vault:recover': async ({ recoveryKey, newPassphrase }) => (await session.recover(recoveryKey, newPassphrase), {}),
    'vault:backup': async () => {
      session.getSettings(); // refuse while locked before showing a dialog
      const path = await dialogs.chooseSavePath('backup', `ombuds-backup-${today()}${BACKUP_EXTENSION}`);
      if (!path) return { saved: false, fileName: null };
      await session.writeBackup(path);
      return { saved: true, fileName: path.split(/[\\/]/).pop() ?? null };
    },
    'vault:restore': async ({ passphrase }) => {
      const path = await dialogs.chooseOpenPath('backup');
      if (!path) return { restored: false };
      await session.restore(path, passphrase);
      return { restored: true };
    },
    'vault:verify': () => session.verify(),
    'settings:get': () => session.getSettings(),
    'settings:update': (changes) => session.updateSettings(changes),
    'session:activity': () => (session.touch(), {}),
    'vocabulary:list': ({ kind }) => records.terms(kind),
    'vocabulary:add': (term) => records.addTerm(term),
    'incidents:search': (query) => records.search(query),
    'incidents:get': ({ id }) => records.incident(id),
    'incidents:save': (incident) => records.saveIncident(incident),
    'persons:suggestDuplicates': (candidate) => records.duplicates(candidate),
  };
}

export function createApp(options: AppOptions): App {
  const session = new VaultSession({ dataDir: options.dataDir, actor: options.actor, kdf: options.kdf });
  const records = new RecordsService(() => session.store(), options.actor);
  const router = createRouter(handlers(session, records, options.dialogs), { onActivity: () => session.touch() });
  const timer = setInterval(() => session.checkIdle(), options.idleCheckMs ?? 15_000);
  timer.unref();
  return {
    router,
    session,
    lock: (reason) => session.lock(reason),
    dispose() {
      clearInterval(timer);
      session.lock('user');
    },
  };
}

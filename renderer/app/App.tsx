import { useCallback, useEffect, useState } from 'react';
import type { AppErrorValue } from '../../shared/ipc/result.ts';
import { call } from '../bridge.ts';
import { Shell, type ShellEntry } from '../features/shell/Shell.tsx';
import { RecoverScreen } from '../features/vault/RecoverScreen.tsx';
import { RecoveryKeyScreen } from '../features/vault/RecoveryKeyScreen.tsx';
import { SetupScreen } from '../features/vault/SetupScreen.tsx';
import { UnlockScreen } from '../features/vault/UnlockScreen.tsx';
import { TopBar } from './TopBar.tsx';
import { useActivityReporting, useLockShortcut, useVaultStatus } from './useVaultStatus.ts';

const FRESH: ShellEntry = { section: 'incidents', notice: null };

/**
 * The top-level state machine, driven by main's vault status (uninitialized → setup, locked → unlock,
 * unlocked with the recovery key pending → recovery key, unlocked → shell). Everything shown while unlocked
 * lives under <Shell>, keyed by the unlock session, so a lock — from any cause — unmounts it and drops every
 * record from memory; nothing is ever written to browser storage.
 */
export function App() {
  const { status, refresh } = useVaultStatus();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  const [session, setSession] = useState(0);
  const [entry, setEntry] = useState<ShellEntry>(FRESH);
  const [carriedError, setCarriedError] = useState<AppErrorValue | null>(null);
  const unlocked = status?.state === 'unlocked';
  const inShell = unlocked && !status.recoveryKeyPending;
  useActivityReporting(unlocked);

  const lock = useCallback(async () => {
    await call('vault:lock', {});
    await refresh();
  }, [refresh]);
  useLockShortcut(inShell, lock);

  /** A new unlocked session begins: a fresh shell, nothing carried over from the previous one. */
  const opened = useCallback(
    async (next: ShellEntry = FRESH) => {
      setRecovering(false);
      setCarriedError(null);
      setEntry(next);
      setSession((n) => n + 1);
      await refresh();
    },
    [refresh],
  );

  /** A failed restore closes the live store in main; say why on the unlock screen that replaces the shell. */
  const restoreFailed = useCallback(
    async (error: AppErrorValue) => {
      const now = await refresh();
      setCarriedError(now?.state === 'locked' ? error : null);
    },
    [refresh],
  );

  // The recovery key is held only while main says it is pending; a lock forgets it here too.
  useEffect(() => {
    if (!unlocked) setRecoveryKey(null);
  }, [unlocked]);

  return (
    <div className="app">
      <TopBar onLock={inShell ? lock : null} />
      {!status ? null : status.state === 'uninitialized' ? (
        <SetupScreen
          onCreated={(key) => {
            setRecoveryKey(key);
            void opened();
          }}
          onRestored={() => opened()}
        />
      ) : status.state === 'locked' ? (
        recovering ? (
          <RecoverScreen onRecovered={() => opened()} onBack={() => setRecovering(false)} />
        ) : (
          <UnlockScreen status={status} carriedError={carriedError} onUnlocked={() => opened()} onForgot={() => setRecovering(true)} />
        )
      ) : status.recoveryKeyPending ? (
        <RecoveryKeyScreen recoveryKey={recoveryKey} onConfirmed={() => void refresh().then(() => setRecoveryKey(null))} />
      ) : (
        <Shell
          key={session}
          entry={entry}
          onRestored={() => opened({ section: 'settings', notice: 'settings.restored' })}
          onRestoreFailed={restoreFailed}
        />
      )}
    </div>
  );
}

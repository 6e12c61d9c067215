import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { Shell } from '../features/shell/Shell.tsx';
import { RecoverScreen } from '../features/vault/RecoverScreen.tsx';
import { RecoveryKeyScreen } from '../features/vault/RecoveryKeyScreen.tsx';
import { SetupScreen } from '../features/vault/SetupScreen.tsx';
import { UnlockScreen } from '../features/vault/UnlockScreen.tsx';
import { useActivityReporting, useVaultStatus } from './useVaultStatus.ts';

/**
 * The top-level state machine, driven by main's vault status. Everything shown while unlocked lives under
 * <Shell>, keyed by the unlock session, so locking unmounts it and drops every record from memory.
 */
export function App() {
  const { t } = useTranslation();
  const { status, refresh } = useVaultStatus();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  const [session, setSession] = useState(0);
  const unlocked = status?.state === 'unlocked';
  useActivityReporting(unlocked);

  const lock = useCallback(async () => {
    await call('vault:lock', {});
    await refresh();
  }, [refresh]);

  const opened = useCallback(async () => {
    setRecovering(false);
    setSession((n) => n + 1);
    await refresh();
  }, [refresh]);

  useEffect(() => {
    if (!unlocked) setRecoveryKey(null);
  }, [unlocked]);

  useEffect(() => {
    if (!unlocked) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [unlocked, lock]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitcher />
        {unlocked && !status.recoveryKeyPending && (
          <button type="button" className="lock" onClick={lock} title={t('shell.lockHint')} aria-keyshortcuts="Control+L">
            {t('shell.lock')}
          </button>
        )}
      </header>
      {!status ? null : status.state === 'uninitialized' ? (
        <SetupScreen
          onCreated={(key) => {
            setRecoveryKey(key);
            void opened();
          }}
          onRestored={opened}
        />
      ) : status.state === 'locked' ? (
        recovering ? (
          <RecoverScreen onRecovered={opened} onBack={() => setRecovering(false)} />
        ) : (
          <UnlockScreen status={status} onUnlocked={opened} onForgot={() => setRecovering(true)} />
        )
      ) : status.recoveryKeyPending ? (
        <RecoveryKeyScreen recoveryKey={recoveryKey} onConfirmed={() => void refresh().then(() => setRecoveryKey(null))} />
      ) : (
        <Shell key={session} onRestored={opened} />
      )}
    </div>
  );
}

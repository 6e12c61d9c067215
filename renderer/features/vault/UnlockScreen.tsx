import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useAction } from '../../components/useAction.ts';

/** The locked state: passphrase, the reason it locked, and the way to recovery. */
export function UnlockScreen({ status, onUnlocked, onForgot }: { status: VaultStatus; onUnlocked(): void; onForgot(): void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, setError, run } = useAction();

  // Count a running wait down, so the message always says how long is left.
  useEffect(() => {
    if (error?.code !== 'too-many-attempts' || !error.retryAfterMs) return;
    const timer = setTimeout(() => {
      const left = (error.retryAfterMs ?? 0) - 1000;
      setError(left > 0 ? { ...error, retryAfterMs: left } : null);
    }, 1000);
    return () => clearTimeout(timer);
  }, [error, setError]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => call('vault:unlock', { passphrase }))) {
      setPassphrase('');
      onUnlocked();
    }
  }

  return (
    <div className="screen">
      <section className="card" aria-labelledby="unlock-heading">
        <h1 id="unlock-heading">{t('unlock.heading')}</h1>
        {status.lastLockReason && (
          <p className="notice" data-reason={status.lastLockReason}>
            {t(`unlock.reason_${status.lastLockReason}`)}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <PassphraseField label={t('unlock.passphrase')} value={passphrase} onChange={setPassphrase} autoFocus />
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy || !passphrase}>
            {busy ? t('common.working') : t('unlock.submit')}
          </button>
        </form>
        <button type="button" className="link" onClick={onForgot}>
          {t('unlock.forgot')}
        </button>
      </section>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../shared/domain/vault.ts';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { call } from '../../bridge.ts';
import { withPassphraseBytes } from '../../passphrase-bytes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useAction } from '../../components/useAction.ts';
import { useCountdown } from '../../components/useCountdown.ts';

interface Props {
  status: VaultStatus;
  /** The error of a failed restore, which locked the vault; shown until the next attempt. */
  carriedError?: AppErrorValue | null;
  onUnlocked(): void;
  onForgot(): void;
}

/** The locked state: passphrase, the reason it locked, the wait after repeated failures, the way to recovery. */
export function UnlockScreen({ status, carriedError = null, onUnlocked, onForgot }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useAction();
  const [tried, setTried] = useState(false);
  // Main's throttle decides the wait; the window only counts it down. Seeded from the status, so a wait that
  // began before this screen appeared (e.g. on the recovery screen) is shown too.
  const [waitUntil, setWaitUntil] = useState<number | null>(() => (status.retryAfterMs > 0 ? Date.now() + status.retryAfterMs : null));
  const secondsLeft = useCountdown(waitUntil);
  const waiting = secondsLeft > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (await run(() => withPassphraseBytes(passphrase, (bytes) => call('vault:unlock', { passphrase: bytes })))) {
      setPassphrase('');
      onUnlocked();
      return;
    }
    // After a failure the next attempt may have to wait; ask main how long rather than guessing.
    const now = await call('vault:status', {});
    if (now.ok && now.value.retryAfterMs > 0) setWaitUntil(Date.now() + now.value.retryAfterMs);
  }

  const ownError = error?.code === 'too-many-attempts' ? null : error;
  const carried = tried ? null : carriedError;
  return (
    <main className="screen">
      <section className="card" aria-labelledby="unlock-heading">
        <h1 id="unlock-heading">{t('unlock.heading')}</h1>
        {status.lastLockReason && (
          <p className="reason" data-reason={status.lastLockReason}>
            {t(`unlock.reason_${status.lastLockReason}`)}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <PassphraseField label={t('unlock.passphrase')} value={passphrase} onChange={setPassphrase} autoFocus />
          <ErrorAlert error={carried} context={t('unlock.restoreFailed')} />
          <ErrorAlert error={ownError} />
          {waiting && <ErrorAlert error={{ code: 'too-many-attempts', retryAfterMs: secondsLeft * 1000 }} />}
          <button type="submit" className="primary" disabled={busy || waiting || !passphrase}>
            {busy ? t('common.working') : t('unlock.submit')}
          </button>
        </form>
        <button type="button" className="link" onClick={onForgot}>
          {t('unlock.forgot')}
        </button>
      </section>
    </main>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { withPassphraseBytes } from '../../passphrase-bytes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields.tsx';

/** Forgotten passphrase: the recovery key and a new passphrase unlock the vault. */
export function RecoverScreen({ onRecovered, onBack }: { onRecovered(): void; onBack(): void }) {
  const { t } = useTranslation();
  const keyId = useId();
  const [recoveryKey, setRecoveryKey] = useState('');
  const newPassphrase = useNewPassphrase();
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const accepted = newPassphrase.accept();
    if (accepted === null) return;
    if (await run(() => withPassphraseBytes(accepted, (bytes) => call('vault:recover', { recoveryKey, newPassphrase: bytes })))) onRecovered();
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby="recover-heading">
        <h1 id="recover-heading">{t('recover.heading')}</h1>
        <p>{t('recover.intro')}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={keyId}>{t('recover.key')}</label>
            <input id={keyId} className="mono" value={recoveryKey} onChange={(event) => setRecoveryKey(event.target.value)} autoFocus autoComplete="off" spellCheck={false} />
          </div>
          <NewPassphraseFields state={newPassphrase} labels={{ passphrase: t('setup.passphrase'), repeated: t('setup.confirm') }} />
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy || !recoveryKey}>
            {busy ? t('common.working') : t('recover.submit')}
          </button>
        </form>
        <button type="button" className="link" onClick={onBack}>
          {t('recover.back')}
        </button>
      </section>
    </main>
  );
}

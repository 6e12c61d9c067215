import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { withPassphraseBytes } from '../../passphrase-bytes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields.tsx';
import { RestoreForm } from './RestoreForm.tsx';

/** First run: choose the passphrase (the vault is created and unlocked), or restore a backup from elsewhere. */
export function SetupScreen({ onCreated, onRestored }: { onCreated(recoveryKey: string): void; onRestored(): void }) {
  const { t } = useTranslation();
  const newPassphrase = useNewPassphrase();
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const passphrase = newPassphrase.accept();
    if (passphrase === null) return;
    const created = await run(() => withPassphraseBytes(passphrase, (bytes) => call('vault:create', { passphrase: bytes })));
    if (created) onCreated(created.recoveryKey);
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby="setup-heading">
        <h1 id="setup-heading">{t('setup.heading')}</h1>
        <p>{t('setup.intro')}</p>
        <form onSubmit={submit} noValidate>
          <NewPassphraseFields state={newPassphrase} labels={{ passphrase: t('setup.passphrase'), repeated: t('setup.confirm') }} autoFocus />
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.working') : t('setup.submit')}
          </button>
        </form>
      </section>
      <section className="card secondary-card" aria-labelledby="setup-restore-heading">
        <h2 id="setup-restore-heading">{t('setup.restoreHeading')}</h2>
        <p>{t('setup.restoreIntro')}</p>
        <RestoreForm passphraseLabel={t('setup.restorePassphrase')} submitLabel={t('setup.restoreSubmit')} onRestored={onRestored} />
      </section>
    </main>
  );
}

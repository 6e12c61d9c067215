import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { RestoreForm } from '../vault/RestoreForm.tsx';
import { AutoLockForm } from './AutoLockForm.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { ChangePassphraseForm } from './ChangePassphraseForm.tsx';
import { VerifyPanel } from './VerifyPanel.tsx';

/** Passphrase, auto-lock, backup, restore and verification: everything about the vault itself. */
export function SettingsPage({ onRestored, onRestoreFailed }: { onRestored(): void; onRestoreFailed(error: AppErrorValue): void }) {
  const { t } = useTranslation();
  return (
    <div className="settings">
      <h1>{t('settings.heading')}</h1>
      <section aria-labelledby="change-heading" className="panel">
        <h2 id="change-heading">{t('settings.changeHeading')}</h2>
        <ChangePassphraseForm />
      </section>
      <section aria-labelledby="autolock-heading" className="panel">
        <h2 id="autolock-heading">{t('settings.autoLockHeading')}</h2>
        <AutoLockForm />
      </section>
      <section aria-labelledby="backup-heading" className="panel">
        <h2 id="backup-heading">{t('settings.backupHeading')}</h2>
        <p>{t('settings.backupIntro')}</p>
        <BackupPanel />
      </section>
      <section aria-labelledby="restore-heading" className="panel">
        <h2 id="restore-heading">{t('settings.restoreHeading')}</h2>
        <p>{t('settings.restoreIntro')}</p>
        <RestoreForm
          passphraseLabel={t('settings.restorePassphrase')}
          submitLabel={t('settings.restore')}
          confirmLabel={t('settings.restoreConfirm')}
          onRestored={onRestored}
          onFailed={onRestoreFailed}
        />
      </section>
      <section aria-labelledby="verify-heading" className="panel">
        <h2 id="verify-heading">{t('settings.verifyHeading')}</h2>
        <VerifyPanel />
      </section>
    </div>
  );
}

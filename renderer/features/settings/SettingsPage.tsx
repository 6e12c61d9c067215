import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { RestoreForm } from '../vault/RestoreForm.tsx';
import { NumberSettingForm } from './NumberSettingForm.tsx';
import { OfficeSettings } from './OfficeSettings.tsx';
import { RegistrySettings } from './RegistrySettings.tsx';
import { RatificationSettings } from './RatificationSettings.tsx';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN, EVIDENCE_MAX_MIB_LIMIT } from '../../../shared/domain/vault.ts';
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
        <NumberSettingForm setting="autoLockMinutes" label={t('settings.autoLockMinutes')} min={AUTO_LOCK_MINUTES_MIN} max={AUTO_LOCK_MINUTES_MAX} />
      </section>
      <section aria-labelledby="evidence-limit-heading" className="panel">
        <h2 id="evidence-limit-heading">{t('settings.evidenceHeading')}</h2>
        <NumberSettingForm setting="evidenceMaxMiB" label={t('settings.evidenceMaxMiB')} min={1} max={EVIDENCE_MAX_MIB_LIMIT} />
      </section>
      <section aria-labelledby="office-heading" className="panel">
        <h2 id="office-heading">{t('office.heading')}</h2>
        <OfficeSettings />
      </section>
      <section aria-labelledby="registry-heading" className="panel">
        <h2 id="registry-heading">{t('registrySettings.heading')}</h2>
        <RegistrySettings />
      </section>
      <section aria-labelledby="ratification-heading" className="panel">
        <h2 id="ratification-heading">{t('ratification.heading')}</h2>
        <RatificationSettings />
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

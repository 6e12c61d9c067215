import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

/** Main opens the save dialog and writes the verified backup; the window only learns the file name. */
export function BackupPanel() {
  const { t } = useTranslation();
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function backup() {
    setSavedAs(null);
    const result = await run(() => call('vault:backup', {}));
    if (result?.saved) setSavedAs(result.fileName);
  }
  return (
    <>
      <button type="button" className="secondary" onClick={backup} disabled={busy}>
        {busy ? t('common.working') : t('settings.backup')}
      </button>
      <ErrorAlert error={error} />
      {savedAs && <Notice>{t('settings.backupSaved', { file: savedAs })}</Notice>}
    </>
  );
}

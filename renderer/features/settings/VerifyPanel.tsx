import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

export function VerifyPanel() {
  const { t } = useTranslation();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const { busy, error, run } = useAction();
  async function verify() {
    setReport((await run(() => call('vault:verify', {}))) ?? null);
  }
  return (
    <>
      <button type="button" className="secondary" onClick={verify} disabled={busy}>
        {busy ? t('common.working') : t('settings.verify')}
      </button>
      <ErrorAlert error={error} />
      {report && (
        <div role="status">
          <p className={report.ok ? 'notice' : 'alert'}>{report.ok ? t('settings.verifyOk') : t('settings.verifyFailed')}</p>
          <ul className="checks">
            {report.checks.map((check) => (
              <li key={check.name} data-check={check.name} data-ok={check.ok}>
                <span className={check.ok ? 'ok' : 'failed'}>{check.ok ? t('settings.ok') : t('settings.failed')}</span> {t(`settings.check_${check.name}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

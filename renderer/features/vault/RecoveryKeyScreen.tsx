import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';


/** Shows the recovery key once, offers the printable sheet, and asks for confirmation that it is kept safe. */
export function RecoveryKeyScreen({ recoveryKey, onConfirmed }: { recoveryKey: string | null; onConfirmed(): void }) {
  const { t, i18n } = useTranslation();
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, run } = useAction();

  async function saveSheet() {
    const result = await run(() => call('vault:saveRecoverySheet', { language: i18n.language as Language }));
    if (result?.saved) setSavedAs(result.fileName);
  }

  async function proceed() {
    if (await run(() => call('vault:confirmRecoverySaved', {}))) onConfirmed();
  }

  return (
    <main className="screen">
      <section className="card" aria-labelledby="recovery-heading">
        <h1 id="recovery-heading">{t('recovery.heading')}</h1>
        <p>{t('recovery.intro')}</p>
        {recoveryKey && (
          <figure className="recovery-key">
            <figcaption>{t('recovery.keyLabel')}</figcaption>
            {/* One group per box; the dashes are real text so the key copies exactly as printed. */}
            <output data-testid="recovery-key" className="key-groups" aria-label={t('recovery.keyLabel')}>
              {recoveryKey.split('-').map((group, index) => (
                <span key={index} className="key-group">
                  {index > 0 && <span className="key-dash">-</span>}
                  {group}
                </span>
              ))}
            </output>
          </figure>
        )}
        <button type="button" className="secondary" onClick={saveSheet} disabled={busy}>
          {t('recovery.save')}
        </button>
        {savedAs && <Notice>{t('recovery.saved', { file: savedAs })}</Notice>}
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {t('recovery.confirm')}
        </label>
        <ErrorAlert error={error} />
        <button type="button" className="primary" disabled={!confirmed || busy} onClick={proceed}>
          {t('recovery.continue')}
        </button>
      </section>
    </main>
  );
}

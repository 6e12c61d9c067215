import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN, settingsSchema } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

/** Minutes without activity before main locks the vault; validated with the schema main uses. */
export function AutoLockForm() {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void run(() => call('settings:get', {})).then((settings) => settings && setMinutes(String(settings.autoLockMinutes)));
  }, [run]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    // The same schema main validates with.
    const parsed = settingsSchema.shape.autoLockMinutes.safeParse(Number(minutes));
    if (!parsed.success || minutes.trim() === '') return setError({ code: 'invalid-input' });
    const settings = await run(() => call('settings:update', { autoLockMinutes: parsed.data }));
    if (settings) {
      setMinutes(String(settings.autoLockMinutes));
      setSaved(true);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('settings.autoLockMinutes')}</label>
        <div className="field-row compact">
          <input id={id} type="number" inputMode="numeric" min={AUTO_LOCK_MINUTES_MIN} max={AUTO_LOCK_MINUTES_MAX} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
          <button type="submit" className="secondary" disabled={busy}>
            {t('settings.save')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      {saved && <Notice>{t('settings.saved')}</Notice>}
    </form>
  );
}

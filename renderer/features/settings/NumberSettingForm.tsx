import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

interface Props {
  setting: keyof Settings;
  label: string;
  min: number;
  max: number;
}

/** One whole-number setting (auto-lock minutes, evidence size limit), validated with the schema main uses. */
export function NumberSettingForm({ setting, label, min, max }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void run(() => call('settings:get', {})).then((settings) => settings && setValue(String(settings[setting])));
  }, [run, setting]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = settingsSchema.shape[setting].safeParse(Number(value));
    if (!parsed.success || value.trim() === '') return setError({ code: 'invalid-input' });
    const settings = await run(() => call('settings:update', { [setting]: parsed.data }));
    if (settings) {
      setValue(String(settings[setting]));
      setSaved(true);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="field-row compact">
          <input id={id} type="number" inputMode="numeric" min={min} max={max} value={value} onChange={(event) => setValue(event.target.value)} />
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

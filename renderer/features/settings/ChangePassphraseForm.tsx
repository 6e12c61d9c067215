import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { withPassphraseBytes } from '../../passphrase-bytes.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useAction } from '../../components/useAction.ts';
import { NewPassphraseFields, useNewPassphrase } from '../vault/NewPassphraseFields.tsx';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const newPassphrase = useNewPassphrase();
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const next = newPassphrase.accept();
    if (next === null) return;
    const changed = await run(() =>
      withPassphraseBytes(current, (currentBytes) => withPassphraseBytes(next, (nextBytes) => call('vault:changePassphrase', { current: currentBytes, next: nextBytes }))),
    );
    if (changed) {
      setCurrent('');
      newPassphrase.reset();
      setDone(true);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <PassphraseField label={t('settings.current')} value={current} onChange={setCurrent} />
      <NewPassphraseFields state={newPassphrase} labels={{ passphrase: t('settings.next'), repeated: t('settings.confirmNext') }} />
      <ErrorAlert error={error} />
      {done && <Notice>{t('settings.changed')}</Notice>}
      <button type="submit" className="secondary" disabled={busy || !current}>
        {busy ? t('common.working') : t('settings.change')}
      </button>
    </form>
  );
}

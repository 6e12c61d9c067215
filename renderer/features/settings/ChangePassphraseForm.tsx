import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { newPassphraseIssue, type PassphraseIssue } from '../../components/strength.ts';
import { useAction } from '../../components/useAction.ts';
import { IssueMessage } from '../vault/IssueMessage.tsx';
import { NewPassphraseFields } from '../vault/NewPassphraseFields.tsx';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [issue, setIssue] = useState<PassphraseIssue>(null);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const problem = newPassphraseIssue(next, repeated);
    setIssue(problem);
    if (problem) return;
    if (await run(() => call('vault:changePassphrase', { current, next }))) {
      setCurrent('');
      setNext('');
      setRepeated('');
      setDone(true);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <PassphraseField label={t('settings.current')} value={current} onChange={setCurrent} />
      <NewPassphraseFields passphrase={next} repeated={repeated} onPassphrase={setNext} onRepeated={setRepeated} labels={{ passphrase: t('settings.next'), repeated: t('settings.confirmNext') }} />
      <IssueMessage issue={issue} />
      <ErrorAlert error={error} />
      {done && <Notice>{t('settings.changed')}</Notice>}
      <button type="submit" className="secondary" disabled={busy || !current}>
        {busy ? t('common.working') : t('settings.change')}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useAction } from '../../components/useAction.ts';

interface Props {
  passphraseLabel: string;
  submitLabel: string;
  /** Extra consent required before replacing an existing vault. */
  confirmLabel?: string;
  onRestored(): void;
}

/** Asks for the backup's passphrase; main then asks for the file in its own open dialog. */
export function RestoreForm({ passphraseLabel, submitLabel, confirmLabel, onRestored }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(!confirmLabel);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => call('vault:restore', { passphrase }));
    if (result?.restored) onRestored();
  }

  return (
    <form onSubmit={submit} noValidate>
      <PassphraseField label={passphraseLabel} value={passphrase} onChange={setPassphrase} autoComplete="off" />
      {confirmLabel && (
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
          {confirmLabel}
        </label>
      )}
      <ErrorAlert error={error} />
      <button type="submit" className="secondary" disabled={busy || !passphrase || !confirmed}>
        {busy ? t('common.working') : submitLabel}
      </button>
    </form>
  );
}

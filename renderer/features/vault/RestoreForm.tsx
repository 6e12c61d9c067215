import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { call } from '../../bridge.ts';
import { withPassphraseBytes } from '../../passphrase-bytes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useAction } from '../../components/useAction.ts';

interface Props {
  passphraseLabel: string;
  submitLabel: string;
  /** Extra consent required before replacing an existing vault. */
  confirmLabel?: string;
  onRestored(): void;
  /** Told about a failure too: over a live store, main has closed it by then (the window must follow). */
  onFailed?(error: AppErrorValue): void;
}

/** Asks for the backup's passphrase; main then asks for the file in its own open dialog. */
export function RestoreForm({ passphraseLabel, submitLabel, confirmLabel, onRestored, onFailed }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(!confirmLabel);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = await run(async () => {
      const result = await withPassphraseBytes(passphrase, (bytes) => call('vault:restore', { passphrase: bytes }));
      if (!result.ok) onFailed?.(result.error);
      return result;
    });
    if (value?.restored) onRestored();
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

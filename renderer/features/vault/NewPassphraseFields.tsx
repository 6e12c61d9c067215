import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { StrengthMeter } from '../../components/StrengthMeter.tsx';

interface Props {
  passphrase: string;
  repeated: string;
  onPassphrase(value: string): void;
  onRepeated(value: string): void;
  labels: { passphrase: string; repeated: string };
  autoFocus?: boolean;
}

/** A new passphrase, its strength, and its repetition. */
export function NewPassphraseFields({ passphrase, repeated, onPassphrase, onRepeated, labels, autoFocus }: Props) {
  const meterId = useId();
  useTranslation();
  return (
    <>
      <PassphraseField label={labels.passphrase} value={passphrase} onChange={onPassphrase} autoComplete="new-password" autoFocus={autoFocus} describedBy={meterId} />
      <StrengthMeter passphrase={passphrase} id={meterId} />
      <PassphraseField label={labels.repeated} value={repeated} onChange={onRepeated} autoComplete="new-password" />
    </>
  );
}

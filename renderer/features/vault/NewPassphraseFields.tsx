import { useId, useState } from 'react';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { StrengthMeter } from '../../components/StrengthMeter.tsx';
import { newPassphraseIssue, type PassphraseIssue } from '../../components/strength.ts';
import { IssueMessage } from './IssueMessage.tsx';

/** A new passphrase and its repetition, with the check every form that sets one applies before submitting. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [issue, setIssue] = useState<PassphraseIssue>(null);
  return {
    passphrase,
    repeated,
    setPassphrase,
    setRepeated,
    issue,
    /** Shows why the pair is refused and returns null, or returns the accepted passphrase. */
    accept(): string | null {
      const problem = newPassphraseIssue(passphrase, repeated);
      setIssue(problem);
      return problem ? null : passphrase;
    },
    reset() {
      setPassphrase('');
      setRepeated('');
      setIssue(null);
    },
  };
}

type NewPassphrase = ReturnType<typeof useNewPassphrase>;

/** The new passphrase, its strength meter, its repetition and the reason it is refused. */
export function NewPassphraseFields({ state, labels, autoFocus }: { state: NewPassphrase; labels: { passphrase: string; repeated: string }; autoFocus?: boolean }) {
  const meterId = useId();
  return (
    <>
      <PassphraseField label={labels.passphrase} value={state.passphrase} onChange={state.setPassphrase} autoComplete="new-password" autoFocus={autoFocus} describedBy={meterId} />
      <StrengthMeter passphrase={state.passphrase} id={meterId} />
      <PassphraseField label={labels.repeated} value={state.repeated} onChange={state.setRepeated} autoComplete="new-password" />
      <IssueMessage issue={state.issue} />
    </>
  );
}

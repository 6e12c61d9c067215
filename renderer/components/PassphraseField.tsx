import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  autoComplete?: 'new-password' | 'current-password' | 'off';
  describedBy?: string;
  name?: string;
}

/** A labelled passphrase input with a show/hide toggle. */
export function PassphraseField({ label, value, onChange, autoFocus, autoComplete = 'current-password', describedBy, name }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          name={name}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-describedby={describedBy}
        />
        <button type="button" className="secondary" aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? t('passphrase.hide') : t('passphrase.show')}
        </button>
      </div>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/vault.ts';
import { recordLanguages } from './translation-edit.ts';

/** Which language a record was written in: its texts are the original, the other languages their translations. */
export function OriginalLanguageSelect({ value, onChange, label }: { value: Language; onChange(language: Language): void; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{label ?? t('translations.original')}</label>
      <select id={id} value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value as Language)}>
        {recordLanguages.map((language) => (
          <option key={language} value={language}>
            {t(`translations.lang_${language}`)}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="sr-only">
        {t('translations.originalHint')}
      </span>
    </span>
  );
}

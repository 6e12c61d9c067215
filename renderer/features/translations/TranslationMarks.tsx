import { useTranslation } from 'react-i18next';
import type { Translations } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { missingLanguages, recordLanguages } from './translation-edit.ts';

/** For a list row: the original language, and which translations of the given fields exist (✓) or are missing (—). */
export function TranslationMarks<F extends string>({ original, translations, fields }: { original: Language; translations: Translations<F> | undefined; fields: readonly F[] }) {
  const { t } = useTranslation();
  const missing = recordLanguages.filter((language) => fields.some((field) => missingLanguages(original, translations, field).includes(language)));
  return (
    <span className="translation-marks">
      <span className="lang-tag original">{original.toUpperCase()}</span>
      {recordLanguages
        .filter((language) => language !== original)
        .map((language) => (
          <span key={language} className={`lang-mark ${missing.includes(language) ? 'missing' : 'present'}`} aria-hidden="true">
            {language.toUpperCase()} {missing.includes(language) ? '—' : '✓'}
          </span>
        ))}
      <span className="sr-only">{missing.length > 0 ? t('translations.missingIn', { languages: missing.map((language) => t(`translations.in_${language}`)).join(', ') }) : t('translations.complete')}</span>
    </span>
  );
}

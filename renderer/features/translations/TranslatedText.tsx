import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translations } from '../../../shared/domain/translations.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { missingLanguages, recordLanguages, withTranslation } from './translation-edit.ts';

interface Props<F extends string> {
  /** The record field this box edits (`title`, `name`, …). */
  field: F;
  label: string;
  /** The record's original language: the main box holds the text in it. */
  original: Language;
  value: string;
  onValue(value: string): void;
  translations: Translations<F> | undefined;
  onTranslations(translations: Translations<F>): void;
  multiline?: boolean;
  rows?: number;
  invalid?: boolean;
  className?: string;
  /** False where the text needs no translation (a source given as a web address). */
  translatable?: boolean;
}

/**
 * A text a document prints, in the record's original language, with its translations folded underneath: one line
 * names each other language and marks the ones still missing (a letter in that language will list the field), and
 * opens the boxes to type them. The translation boxes exist only while open, so the original's label stays unique.
 */
export function TranslatedText<F extends string>({ field, label, original, value, onValue, translations, onTranslations, multiline = false, rows = 3, invalid = false, className = '', translatable = true }: Props<F>) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const others = recordLanguages.filter((language) => language !== original);
  const missing = value.trim() && translatable ? missingLanguages(original, translations, field) : [];
  const box = (language: Language, text: string, onText: (text: string) => void, boxId: string, describedBy?: string) =>
    multiline ? (
      <textarea id={boxId} lang={language} rows={rows} value={text} aria-invalid={language === original && invalid} aria-describedby={describedBy} onChange={(e) => onText(e.target.value)} />
    ) : (
      <input id={boxId} lang={language} type="text" value={text} aria-invalid={language === original && invalid} aria-describedby={describedBy} onChange={(e) => onText(e.target.value)} />
    );

  return (
    <div className={`field translated ${className}`}>
      <label htmlFor={id}>{label}</label>
      {box(original, value, onValue, id, `${id}-lang`)}
      <div className="translation-bar">
        <span id={`${id}-lang`} className="lang-tag original">
          {original.toUpperCase()} <span className="lang-tag-note">{t('translations.originalMark')}</span>
        </span>
        {translatable && (
          <button type="button" className="translation-toggle" aria-expanded={open} aria-controls={`${id}-tr`} onClick={() => setOpen(!open)}>
            {t('translations.toggle')}
            {/* Marks only once there is a text to translate: an empty original needs no translation. */}
            {value.trim() !== '' && others.map((language) => (
              <span key={language} className={`lang-mark ${missing.includes(language) ? 'missing' : 'present'}`} aria-hidden="true">
                {language.toUpperCase()} {missing.includes(language) ? '—' : '✓'}
              </span>
            ))}
            <span className="sr-only">
              {value.trim() === '' ? '' : missing.length > 0 ? t('translations.missingIn', { languages: missing.map((language) => t(`translations.in_${language}`)).join(', ') }) : t('translations.complete')}
            </span>
          </button>
        )}
      </div>
      {open && translatable && (
        <div id={`${id}-tr`} className="translation-boxes">
          {others.map((language) => (
            <span key={language} className="field">
              <label htmlFor={`${id}-${language}`}>
                {t('translations.fieldIn', { field: label, language: t(`translations.in_${language}`) })}
                {missing.includes(language) && <span className="lang-mark missing">{t('translations.missingMark')}</span>}
              </label>
              {box(language, translations?.[language]?.[field] ?? '', (text) => onTranslations(withTranslation(translations, language, field, text)), `${id}-${language}`)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

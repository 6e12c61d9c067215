import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { recordLanguages } from '../translations/translation-edit.ts';
import { derivedForms, formKinds, type FormKind, type Forms } from './counterpart-forms.ts';

/**
 * The addressee block and the salutation in each language, as the letters will print them: derived from the card's
 * position and name in that language and shown as such, until staff correct one (kept as written; "use the derived
 * form" drops the correction). The correspondence language comes first.
 */
export function AddresseeForms({ counterpart, forms, onForms }: { counterpart: Counterpart; forms: Forms; onForms(forms: Forms): void }) {
  const { t } = useTranslation();
  const id = useId();
  const languages = [counterpart.language, ...recordLanguages.filter((language) => language !== counterpart.language)];
  const setForm = (language: Language, kind: FormKind, text: string | undefined) => {
    const next: Forms = { ...forms, [language]: { ...forms[language] } };
    if (text === undefined) delete next[language]![kind];
    else next[language]![kind] = text;
    onForms(next);
  };

  return (
    <section className="addressee-forms" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('forms.heading')}</h3>
      <p className="hint">{t('forms.intro')}</p>
      <div className="forms-grid">
        {languages.map((language) => {
          const derived = derivedForms(counterpart, language);
          return (
            <fieldset key={language} lang={language} className="forms-language">
              <legend>{t(`translations.lang_${language}`)}</legend>
              {!derived && <p className="hint">{t('forms.needsText', { language: t(`translations.in_${language}`) })}</p>}
              <div className="forms-row">
                {formKinds.map((kind) => {
                  const automatic = (kind === 'addressee' ? derived?.addressee : derived?.salutation) ?? '';
                  const written = forms[language]?.[kind];
                  const corrected = written !== undefined && written.trim() !== automatic.trim();
                  const boxId = `${id}-${language}-${kind}`;
                  const value = written ?? automatic;
                  return (
                    <span key={kind} className="field">
                      <label htmlFor={boxId}>
                        {t(`forms.${kind}`)}{' '}
                        {(corrected || automatic) && <span className={`form-state ${corrected ? 'edited' : 'derived'}`}>{t(corrected ? 'forms.edited' : 'forms.derived')}</span>}
                      </label>
                      {kind === 'addressee' ? (
                        <textarea id={boxId} rows={4} value={value} onChange={(e) => setForm(language, kind, e.target.value)} />
                      ) : (
                        <input id={boxId} type="text" value={value} onChange={(e) => setForm(language, kind, e.target.value)} />
                      )}
                      {corrected && derived && (
                        <button type="button" className="link-button small" onClick={() => setForm(language, kind, undefined)}>
                          {t('forms.useDerived')}
                          <span className="sr-only">
                            {' '}
                            ({t(`forms.${kind}`)}, {t(`translations.lang_${language}`)})
                          </span>
                        </button>
                      )}
                    </span>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}

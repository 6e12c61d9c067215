import { useTranslation } from 'react-i18next';
import { languageNames, languages } from '../i18n/index.ts';

/** tg / ru / en, on every screen; switching keeps whatever the user was doing. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={i18n.language === language ? 'lang active' : 'lang'}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {languageNames[language]}
        </button>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';

/** The app header on every screen: name, language switcher and — only in the unlocked shell — Lock. */
export function TopBar({ onLock }: { onLock: (() => void) | null }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <LanguageSwitcher />
      {onLock && (
        <button type="button" className="lock" onClick={onLock} title={t('shell.lockHint')} aria-keyshortcuts="Control+L Meta+L">
          {t('shell.lock')}
        </button>
      )}
    </header>
  );
}

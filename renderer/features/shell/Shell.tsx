import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsPage } from '../settings/SettingsPage.tsx';

const sections = ['incidents', 'correspondence', 'documents', 'settings'] as const;
type Section = (typeof sections)[number];

/** The unlocked app: navigation on the left, the chosen section on the right. */
export function Shell({ onRestored }: { onRestored(): void }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('incidents');
  return (
    <div className="shell">
      <nav aria-label={t('shell.nav')} className="sidebar">
        <ul>
          {sections.map((name) => (
            <li key={name}>
              <button type="button" className="nav-item" aria-current={section === name ? 'page' : undefined} onClick={() => setSection(name)}>
                {t(`nav.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" aria-label={t('shell.main')}>
        {section === 'settings' ? (
          <SettingsPage onRestored={onRestored} />
        ) : (
          <section aria-labelledby="section-heading">
            <h1 id="section-heading">{t(`nav.${section}`)}</h1>
            <p className="placeholder">{t('placeholder.body')}</p>
          </section>
        )}
      </main>
    </div>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { Notice } from '../../components/ErrorAlert.tsx';
import { PersonsPage } from '../directories/PersonsPage.tsx';
import { PlacesPage } from '../directories/PlacesPage.tsx';
import { IncidentsPage } from '../incidents/IncidentsPage.tsx';
import { CorrespondencePage } from '../correspondence/CorrespondencePage.tsx';
import { DueReminder } from '../correspondence/DueReminder.tsx';
import { DossiersPage, type DossierRequest } from '../dossiers/DossiersPage.tsx';
import type { LeaveGuard } from '../dossiers/leave-guard.ts';
import { LettersPage } from '../letters/LettersPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';

export const sections = ['incidents', 'persons', 'places', 'correspondence', 'documents', 'dossiers', 'settings'] as const;
export type Section = (typeof sections)[number];

/** Where a fresh shell opens, and an optional one-off notice (a translation key) to show there. */
export interface ShellEntry {
  section: Section;
  notice: 'settings.restored' | null;
}

interface Props {
  entry: ShellEntry;
  onRestored(): void;
  onRestoreFailed(error: AppErrorValue): void;
}

/** The unlocked app: navigation on the left, the chosen section on the right. */
export function Shell({ entry, onRestored, onRestoreFailed }: Props) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>(entry.section);
  const [notice, setNotice] = useState(entry.notice);
  // The incidents chosen in the list for a letter; a new choice opens a fresh letter.
  const [letter, setLetter] = useState<{ ids: string[]; key: number }>({ ids: [], key: 0 });
  // A dossier to open with the incidents chosen in the list ("Add to a dossier…"); null opens the dossiers' list.
  const [dossier, setDossier] = useState<{ request: DossierRequest | null; key: number }>({ request: null, key: 0 });
  // The open dossier's question before leaving it with unsaved changes (null when no dossier is open).
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const go = (next: Section) => {
    if (leaveGuard.current?.(() => navigate(next))) return;
    navigate(next);
  };
  const navigate = (next: Section) => {
    setSection(next);
    setNotice(null);
    // The navigation always opens the dossiers' list (a fresh page), as a click on "Dossiers" should.
    if (next === 'dossiers') setDossier({ request: null, key: Date.now() });
  };
  return (
    <div className="shell">
      <nav aria-label={t('shell.nav')} className="sidebar">
        <ul>
          {sections.map((name) => (
            <li key={name}>
              <button type="button" className="nav-item" aria-current={section === name ? 'page' : undefined} onClick={() => go(name)}>
                {t(`nav.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" aria-label={t('shell.main')}>
        {notice && <Notice>{t(notice)}</Notice>}
        <DueReminder onOpenRegistry={() => go('correspondence')} />
        {section === 'settings' ? (
          <SettingsPage onRestored={onRestored} onRestoreFailed={onRestoreFailed} />
        ) : section === 'incidents' ? (
          <IncidentsPage
            onDraftLetter={(ids) => {
              setLetter({ ids, key: Date.now() });
              go('documents');
            }}
            onAddToDossier={(incidentIds, dossierId) => {
              setSection('dossiers');
              setNotice(null);
              setDossier({ request: { dossierId, incidentIds }, key: Date.now() });
            }}
          />
        ) : section === 'persons' ? (
          <PersonsPage />
        ) : section === 'places' ? (
          <PlacesPage />
        ) : section === 'correspondence' ? (
          <CorrespondencePage />
        ) : section === 'dossiers' ? (
          <DossiersPage key={dossier.key} request={dossier.request} onLeaveGuard={(guard) => (leaveGuard.current = guard)} />
        ) : (
          <LettersPage key={letter.key} initialIncidentIds={letter.ids} />
        )}
      </main>
    </div>
  );
}

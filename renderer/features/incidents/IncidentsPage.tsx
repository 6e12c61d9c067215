import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { AddToDossier } from '../dossiers/AddToDossier.tsx';
import { ImportPanel } from '../import/ImportPanel.tsx';
import { IncidentEditor } from './IncidentEditor.tsx';
import { IncidentList, type ListQuery } from './IncidentList.tsx';
import { SearchBar } from './SearchBar.tsx';
import { useTerms } from './useTerms.ts';

type Editing = { id: string | null; key: number } | null;
/** A letter concerns at most this many incidents (the draft's limit). */
const MAX_LETTER_INCIDENTS = 1000;

/**
 * Incidents: search and filters, the list (multi-select; a letter drafted from the selection, or the selection added to
 * a dossier), and the one-screen editor.
 * Export writes the selection (or everything found) where the user chooses; import takes JSON, CSV and XLSX.
 */
export function IncidentsPage({ onDraftLetter, onAddToDossier }: { onDraftLetter(ids: string[]): void; onAddToDossier(ids: string[], dossierId: string | null): void }) {
  const { t } = useTranslation();
  const { terms, reload } = useTerms();
  const [query, setQuery] = useState<ListQuery>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const [addingToDossier, setAddingToDossier] = useState(false);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const exportAs = async (format: 'json' | 'csv' | 'xlsx') => {
    setNotice(null);
    const ids = format !== 'json' && selected.size > 0 ? [...selected] : undefined;
    const result = await run(() => call('transfer:export', { format, ...(ids ? { ids } : {}) }));
    if (result?.saved) setNotice(t('transfer.exported', { file: result.fileName }));
  };
  const open = (id: string | null) => setEditing({ id, key: Date.now() });
  const onlySelected = selected.size === 1 ? [...selected][0]! : null;

  return (
    <div className="incidents-page">
      <div className="page-head">
        <h1 id="section-heading">{t('nav.incidents')}</h1>
        <div className="toolbar" role="toolbar" aria-label={t('incidents.actions')}>
          <button type="button" className="primary" onClick={() => open(null)}>
            {t('incidents.new')}
          </button>
          <button type="button" className="secondary" disabled={!onlySelected} onClick={() => onlySelected && open(onlySelected)}>
            {t('incidents.open')}
          </button>
          <button type="button" className="secondary" disabled={selected.size === 0 || selected.size > MAX_LETTER_INCIDENTS} onClick={() => onDraftLetter([...selected])}>
            {t('letters.draftFromSelection', { count: selected.size })}
          </button>
          <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => setAddingToDossier(true)}>
            {t('dossiers.addToDossier', { count: selected.size })}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void exportAs('xlsx')}>
            {selected.size ? t('transfer.exportSelectedXlsx', { count: selected.size }) : t('transfer.exportXlsx')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void exportAs('csv')}>
            {t('transfer.exportCsv')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void exportAs('json')}>
            {t('transfer.exportJson')}
          </button>
          <button type="button" className="secondary" onClick={() => setImporting(true)}>
            {t('transfer.import')}
          </button>
        </div>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
      {addingToDossier && selected.size > 0 && <AddToDossier count={selected.size} onChosen={(dossierId) => onAddToDossier([...selected], dossierId)} onClose={() => setAddingToDossier(false)} />}
      {importing && (
        <ImportPanel
          onClose={() => setImporting(false)}
          onImported={() => {
            setVersion((v) => v + 1);
            void reload();
          }}
        />
      )}
      <SearchBar query={query} onQuery={setQuery} terms={terms} />
      <div className={`incidents-body ${editing ? 'with-editor' : ''}`}>
        <IncidentList query={query} selected={selected} onSelectedChange={setSelected} onOpen={open} version={version} />
        {editing && (
          <IncidentEditor
            key={editing.key}
            incidentId={editing.id}
            terms={terms}
            onTermAdded={reload}
            onSaved={() => setVersion((v) => v + 1)}
            onClose={() => setEditing(null)}
          />
        )}
      </div>
    </div>
  );
}

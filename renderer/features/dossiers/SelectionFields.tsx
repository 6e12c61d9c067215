import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSelection } from '../../../shared/domain/dossier.ts';
import type { SavedSearch } from '../../../shared/domain/saved-search.ts';
import { incidentQuerySchema } from '../../../shared/domain/search.ts';
import { IncidentFinder } from '../incidents/IncidentFinder.tsx';
import { call } from '../../bridge.ts';

/** A saved search as the dossier keeps it: its query with the defaults filled in, as main stores it. */
const searchSelection = (search: SavedSearch): DossierSelection => ({ kind: 'search', query: incidentQuerySchema.parse(search.query) });

/** Titles are fetched for this many chosen incidents; beyond that the list says how many more there are. */
const SHOWN = 200;

interface Props {
  selection: DossierSelection;
  onChange(selection: DossierSelection): void;
}

/**
 * Which incidents the dossier holds: the explicit list (each removable, more found by words), or a saved search
 * that every build runs again.
 */
export function SelectionFields({ selection, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [searches, setSearches] = useState<SavedSearch[]>([]);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const ids = selection.kind === 'incidents' ? selection.incidentIds : [];

  useEffect(() => {
    void call('searches:list', {}).then((result) => result.ok && setSearches(result.value));
  }, []);
  // The titles of the chosen incidents not yet known (a deleted one keeps its id: the build says it is gone).
  useEffect(() => {
    const unknown = ids.slice(0, SHOWN).filter((incidentId) => !titles.has(incidentId));
    if (unknown.length === 0) return;
    let current = true;
    void Promise.all(unknown.map((incidentId) => call('incidents:get', { id: incidentId }))).then((results) => {
      if (!current) return;
      const next = new Map(titles);
      results.forEach((result, index) => next.set(unknown[index]!, result.ok ? result.value.incident.title : unknown[index]!));
      setTitles(next);
    });
    return () => {
      current = false;
    };
  }, [ids, titles]);

  const chosen = new Set(ids);
  const matching = searches.find((search) => selection.kind === 'search' && JSON.stringify(searchSelection(search)) === JSON.stringify(selection));
  return (
    <fieldset className="dossier-selection">
      <legend>{t('dossiers.incidents')}</legend>
      <label className="check-inline">
        <input type="radio" name={`${id}-kind`} checked={selection.kind === 'incidents'} onChange={() => onChange({ kind: 'incidents', incidentIds: [] })} />
        {t('dossiers.selectionExplicit')}
      </label>
      <label className="check-inline">
        <input type="radio" name={`${id}-kind`} checked={selection.kind === 'search'} disabled={searches.length === 0} onChange={() => searches[0] && onChange(searchSelection(searches[0]))} />
        {t('dossiers.selectionSearch')}
      </label>
      {searches.length === 0 && <p className="hint">{t('dossiers.noSavedSearches')}</p>}
      {selection.kind === 'search' ? (
        <span className="field">
          <label htmlFor={`${id}-search`}>{t('dossiers.savedSearch')}</label>
          <select id={`${id}-search`} value={matching?.id ?? ''} onChange={(e) => {
            const search = searches.find((s) => s.id === e.target.value);
            if (search) onChange(searchSelection(search));
          }}>
            {!matching && <option value="">—</option>}
            {searches.map((search) => (
              <option key={search.id} value={search.id}>
                {search.name}
              </option>
            ))}
          </select>
        </span>
      ) : (
        <>
          {ids.length === 0 ? (
            <p className="hint">{t('dossiers.noIncidents')}</p>
          ) : (
            <ul className="picked" aria-label={t('dossiers.picked')}>
              {ids.slice(0, SHOWN).map((incidentId) => {
                const title = titles.get(incidentId) ?? incidentId;
                return (
                  <li key={incidentId}>
                    <span className="chip">{title}</span>
                    <button type="button" className="chip-remove" aria-label={t('dossiers.removeIncident', { title })} onClick={() => onChange({ kind: 'incidents', incidentIds: ids.filter((i) => i !== incidentId) })}>
                      ×
                    </button>
                  </li>
                );
              })}
              {ids.length > SHOWN && <li className="hint">+{ids.length - SHOWN}</li>}
            </ul>
          )}
          <IncidentFinder
            chosen={chosen}
            onAdd={(hit) => {
              setTitles(new Map(titles).set(hit.id, hit.title));
              onChange({ kind: 'incidents', incidentIds: [...ids, hit.id] });
            }}
            findLabel={t('dossiers.find')}
            addLabel={(title) => t('dossiers.addIncident', { title })}
          />
        </>
      )}
    </fieldset>
  );
}

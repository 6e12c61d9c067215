import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confidentialityLevels, incidentStatuses, type Place } from '../../../shared/domain/records.ts';
import type { SavedSearch } from '../../../shared/domain/saved-search.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import type { ListQuery } from './IncidentList.tsx';
import { useLabel, type Terms } from './useTerms.ts';

interface Props {
  query: ListQuery;
  onQuery(query: ListQuery): void;
  terms: Terms;
}

const clean = (query: ListQuery): ListQuery =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '' && value !== undefined && !(Array.isArray(value) && value.length === 0))) as ListQuery;

/** Text and filters; applying runs the search. Saved searches load a query by name. */
export function SearchBar({ query, onQuery, terms }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const [draft, setDraft] = useState<ListQuery>(query);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [naming, setNaming] = useState<string | null>(null);
  const { error, run } = useAction();

  const [places, setPlaces] = useState<Place[]>([]);
  useEffect(() => {
    void call('searches:list', {}).then((result) => result.ok && setSaved(result.value));
    void call('places:list', {}).then((result) => result.ok && setPlaces(result.value.map((entry) => entry.place)));
  }, []);
  useEffect(() => setDraft(query), [query]);

  const set = (patch: Partial<ListQuery>) => setDraft({ ...draft, ...patch });
  const apply = (event?: React.FormEvent) => {
    event?.preventDefault();
    onQuery(clean(draft));
  };
  const save = async () => {
    if (!naming?.trim()) return;
    const list = await run(() => call('searches:save', { id: `s-${Date.now().toString(36)}`, name: naming.trim(), query: clean(draft) }));
    if (list) {
      setSaved(list);
      setNaming(null);
    }
  };
  const remove = async (searchId: string) => {
    const list = await run(() => call('searches:delete', { id: searchId }));
    if (list) setSaved(list);
  };
  const one = (values: readonly string[] | undefined) => values?.[0] ?? '';

  return (
    <form className="search-bar" role="search" onSubmit={apply} aria-label={t('search.label')}>
      <div className="search-row">
        <span className="field grow">
          <label htmlFor={`${id}-text`}>{t('search.text')}</label>
          <input id={`${id}-text`} type="search" value={draft.text ?? ''} onChange={(e) => set({ text: e.target.value })} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-from`}>{t('search.from')}</label>
          <input id={`${id}-from`} type="date" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </span>
        <span className="field">
          <label htmlFor={`${id}-to`}>{t('search.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </span>
        <button type="submit" className="primary">
          {t('search.apply')}
        </button>
      </div>
      <div className="search-row">
        <span className="field">
          <label htmlFor={`${id}-type`}>{t('search.violationType')}</label>
          <select id={`${id}-type`} value={one(draft.violationTypes)} onChange={(e) => set({ violationTypes: e.target.value ? [e.target.value] : undefined })}>
            <option value="">{t('search.any')}</option>
            {terms['violation-type'].map((term) => (
              <option key={term.code} value={term.code}>
                {label(terms['violation-type'], term.code)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-char`}>{t('search.characteristic')}</label>
          <select id={`${id}-char`} value={one(draft.characteristics)} onChange={(e) => set({ characteristics: e.target.value ? [e.target.value] : undefined })}>
            <option value="">{t('search.any')}</option>
            {terms.characteristic.map((term) => (
              <option key={term.code} value={term.code}>
                {label(terms.characteristic, term.code)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-status`}>{t('search.status')}</label>
          <select id={`${id}-status`} value={one(draft.statuses)} onChange={(e) => set({ statuses: e.target.value ? [e.target.value as (typeof incidentStatuses)[number]] : undefined })}>
            <option value="">{t('search.any')}</option>
            {incidentStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-place`}>{t('search.place')}</label>
          <select id={`${id}-place`} value={draft.placeId ?? ''} onChange={(e) => set({ placeId: e.target.value || undefined })}>
            <option value="">{t('search.any')}</option>
            {places.map((place) => (
              <option key={place.id} value={place.id}>
                {place.name} ({place.country})
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-conf`}>{t('search.confidentiality')}</label>
          <select id={`${id}-conf`} value={one(draft.confidentiality)} onChange={(e) => set({ confidentiality: e.target.value ? [e.target.value as (typeof confidentialityLevels)[number]] : undefined })}>
            <option value="">{t('search.any')}</option>
            {confidentialityLevels.map((level) => (
              <option key={level} value={level}>
                {t(`confidentiality.${level}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field narrow">
          <label htmlFor={`${id}-country`}>{t('search.country')}</label>
          <input id={`${id}-country`} type="text" maxLength={2} value={draft.country ?? ''} onChange={(e) => set({ country: e.target.value.toUpperCase() || undefined })} />
        </span>
        {naming === null ? (
          <button type="button" className="secondary" onClick={() => setNaming('')}>
            {t('search.save')}
          </button>
        ) : (
          <span className="inline-add">
            <span className="field">
              <label htmlFor={`${id}-name`}>{t('search.name')}</label>
              <input id={`${id}-name`} type="text" value={naming} onChange={(e) => setNaming(e.target.value)} />
            </span>
            <button type="button" className="secondary" disabled={!naming.trim()} onClick={() => void save()}>
              {t('common.save')}
            </button>
          </span>
        )}
      </div>
      {saved.length > 0 && (
        <ul className="saved-searches" aria-label={t('search.saved')}>
          {saved.map((s) => (
            <li key={s.id}>
              <button type="button" className="chip" onClick={() => onQuery(s.query)}>
                {s.name}
              </button>
              <button type="button" className="chip-remove" aria-label={t('search.delete', { name: s.name })} onClick={() => void remove(s.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
    </form>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeSchema, type Place } from '../../../shared/domain/records.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { newId } from '../incidents/new-id.ts';
import { PlaceFields } from './PlaceFields.tsx';
import { TranslationMarks } from '../translations/TranslationMarks.tsx';

/** The place directory: border crossings, facilities and cities with their incident counts; add or correct one. */
export function PlacesPage() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<{ place: Place; incidentCount: number }[]>([]);
  const [draft, setDraft] = useState<Place>({ id: newId('pl'), name: '', kind: 'border-crossing', country: '', originalLanguage: 'ru' });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = useCallback(async () => {
    const result = await call('places:list', {});
    if (result.ok) setEntries(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const valid = placeSchema.safeParse(draft).success;
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const result = await run(() => call('places:save', draft));
    if (!result) return;
    setNotice(t('places.saved', { name: draft.name }));
    setDraft({ id: newId('pl'), name: '', kind: 'border-crossing', country: '', originalLanguage: 'ru' });
    await load();
  };

  return (
    <div className="directory">
      <h1 id="section-heading">{t('nav.places')}</h1>
      <form className="inline-add panel" onSubmit={(e) => void save(e)} aria-label={t('place.new')}>
        <PlaceFields place={draft} onChange={setDraft} />
        <button type="submit" className="primary" disabled={busy || !valid}>
          {t('place.save')}
        </button>
        <p className="hint">{t('places.countryHint')}</p>
      </form>
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
      <table className="directory-table">
        <caption>{t('places.caption', { count: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('place.name')}</th>
            <th scope="col">{t('place.kind')}</th>
            <th scope="col">{t('place.country')}</th>
            <th scope="col">{t('persons.incidents')}</th>
            <th scope="col">{t('translations.toggle')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ place, incidentCount }) => (
            <tr key={place.id}>
              <td>{place.name}</td>
              <td>{t(`placeKind.${place.kind}`)}</td>
              <td>{place.country}</td>
              <td>{incidentCount}</td>
              <td>
                <TranslationMarks original={place.originalLanguage} translations={place.translations} fields={['name']} />
              </td>
              <td>
                <button type="button" className="link-button" aria-label={t('places.edit', { name: place.name })} onClick={() => setDraft(place)}>
                  {t('common.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { placeKinds, type Place } from '../../../shared/domain/records.ts';

/** Name, kind and country of a place: the place directory and the incident editor's "new place" share them. */
export function PlaceFields({ place, onChange }: { place: Place; onChange(place: Place): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <span className="field">
        <label htmlFor={`${id}-name`}>{t('place.name')}</label>
        <input id={`${id}-name`} type="text" value={place.name} onChange={(e) => onChange({ ...place, name: e.target.value })} />
      </span>
      <span className="field">
        <label htmlFor={`${id}-kind`}>{t('place.kind')}</label>
        <select id={`${id}-kind`} value={place.kind} onChange={(e) => onChange({ ...place, kind: e.target.value as Place['kind'] })}>
          {placeKinds.map((k) => (
            <option key={k} value={k}>
              {t(`placeKind.${k}`)}
            </option>
          ))}
        </select>
      </span>
      <span className="field narrow">
        <label htmlFor={`${id}-country`}>{t('place.country')}</label>
        <input id={`${id}-country`} type="text" maxLength={2} value={place.country} onChange={(e) => onChange({ ...place, country: e.target.value.toUpperCase() })} />
      </span>
    </>
  );
}

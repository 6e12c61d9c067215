import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { placeKinds, type Place } from '../../../shared/domain/records.ts';
import { OriginalLanguageSelect } from '../translations/OriginalLanguageSelect.tsx';
import { TranslatedText } from '../translations/TranslatedText.tsx';
import { withOriginalLanguage } from '../translations/translation-edit.ts';

/**
 * Name (in its original language, with its translations), kind and country of a place: the place directory and
 * the incident editor's "new place" share them.
 */
export function PlaceFields({ place, onChange }: { place: Place; onChange(place: Place): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <OriginalLanguageSelect value={place.originalLanguage} onChange={(language) => onChange(withOriginalLanguage(place, ['name'], language))} />
      <TranslatedText
        field="name"
        label={t('place.name')}
        original={place.originalLanguage}
        value={place.name}
        onValue={(name) => onChange({ ...place, name })}
        translations={place.translations}
        onTranslations={(translations) => onChange({ ...place, translations })}
      />
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

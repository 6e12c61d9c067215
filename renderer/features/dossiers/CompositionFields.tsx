import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import type { DossierComposition } from '../../../shared/domain/dossier.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { call } from '../../bridge.ts';

interface Props {
  composition: DossierComposition;
  onChange(next: DossierComposition): void;
}

/** The dossier's title, meeting (with whom, place, date), counterparts, language and classification mark. */
export function MeetingFields({ composition, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [counterparts, setCounterparts] = useState<Counterpart[]>([]);
  useEffect(() => {
    void call('counterparts:list', {}).then((result) => result.ok && setCounterparts(result.value));
  }, []);
  const meeting = (patch: Partial<DossierComposition['meeting']>) => {
    const next = { ...composition.meeting, ...patch };
    if (!next.date) delete next.date;
    onChange({ ...composition, meeting: next });
  };
  const chosen = new Set(composition.counterpartIds);
  return (
    <>
      <span className="field">
        <label htmlFor={`${id}-title`}>{t('dossiers.title')}</label>
        <input id={`${id}-title`} required value={composition.title} onChange={(e) => onChange({ ...composition, title: e.target.value })} />
      </span>
      <fieldset>
        <legend>{t('dossiers.meeting')}</legend>
        <span className="field">
          <label htmlFor={`${id}-with`}>{t('dossiers.meetingWith')}</label>
          <input id={`${id}-with`} value={composition.meeting.with} onChange={(e) => meeting({ with: e.target.value })} />
        </span>
        <div className="form-grid">
          <span className="field">
            <label htmlFor={`${id}-place`}>{t('dossiers.meetingPlace')}</label>
            <input id={`${id}-place`} value={composition.meeting.place} onChange={(e) => meeting({ place: e.target.value })} />
          </span>
          <span className="field">
            <label htmlFor={`${id}-date`}>{t('dossiers.meetingDate')}</label>
            <input id={`${id}-date`} type="date" value={composition.meeting.date ?? ''} onChange={(e) => meeting({ date: e.target.value || undefined })} />
          </span>
        </div>
      </fieldset>
      {counterparts.length > 0 && (
        <fieldset className="dossier-counterparts">
          <legend>{t('dossiers.counterparts')}</legend>
          <p className="hint">{t('dossiers.counterpartsHint')}</p>
          {counterparts.map((counterpart) => (
            <label key={counterpart.id} className="check-inline">
              <input
                type="checkbox"
                checked={chosen.has(counterpart.id)}
                onChange={(e) => onChange({ ...composition, counterpartIds: e.target.checked ? [...composition.counterpartIds, counterpart.id] : composition.counterpartIds.filter((c) => c !== counterpart.id) })}
              />
              {counterpart.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-grid">
        <span className="field">
          <label htmlFor={`${id}-lang`}>{t('dossiers.language')}</label>
          <select id={`${id}-lang`} value={composition.language} onChange={(e) => onChange({ ...composition, language: e.target.value as Language, keepOriginal: [] })}>
            {(['ru', 'tg', 'en'] as const).map((lang) => (
              <option key={lang} value={lang}>
                {t(`translations.lang_${lang}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={`${id}-class`}>{t('dossiers.classification')}</label>
          <input id={`${id}-class`} aria-describedby={`${id}-class-hint`} value={composition.classification} onChange={(e) => onChange({ ...composition, classification: e.target.value })} />
        </span>
      </div>
      <p id={`${id}-class-hint`} className="hint">
        {t('dossiers.classificationHint')}
      </p>
    </>
  );
}

const noteFields = ['foreword', 'talkingPoints', 'requests'] as const;

/** The free texts staff write for the meeting. */
export function NotesFields({ composition, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="dossier-notes">
      <legend>{t('dossiers.notes')}</legend>
      {noteFields.map((field) => (
        <span key={field} className="field">
          <label htmlFor={`${id}-${field}`}>{t(`dossiers.${field}`)}</label>
          <textarea id={`${id}-${field}`} lang={composition.language} rows={4} value={composition.notes[field]} onChange={(e) => onChange({ ...composition, notes: { ...composition.notes, [field]: e.target.value } })} />
        </span>
      ))}
    </fieldset>
  );
}

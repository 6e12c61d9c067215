import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentHit } from '../../../shared/domain/search.ts';
import { call } from '../../bridge.ts';

export interface PickedIncident {
  id: string;
  title: string;
}

/** Finds incidents by words (as the incident search does) and collects the ones a letter concerns. */
export function IncidentPicker({ picked, onChange }: { picked: PickedIncident[]; onChange(next: PickedIncident[]): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<IncidentHit[]>([]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void call('incidents:search', { text: text.trim() || undefined, limit: 8 }).then((result) => current && result.ok && setHits(result.value));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const chosen = new Set(picked.map((incident) => incident.id));
  return (
    <fieldset className="incident-picker">
      <legend>{t('letterForm.incidents')}</legend>
      {picked.length > 0 && (
        <ul className="picked" aria-label={t('letterForm.picked')}>
          {picked.map((incident) => (
            <li key={incident.id}>
              <span className="chip">{incident.title}</span>
              <button type="button" className="chip-remove" aria-label={t('letterForm.remove', { title: incident.title })} onClick={() => onChange(picked.filter((p) => p.id !== incident.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className="field">
        <label htmlFor={`${id}-find`}>{t('letterForm.find')}</label>
        <input id={`${id}-find`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </span>
      <ul className="hits">
        {hits
          .filter((hit) => !chosen.has(hit.id))
          .map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link-button" onClick={() => onChange([...picked, { id: hit.id, title: hit.title }])}>
                {t('letterForm.add', { title: hit.title })}
              </button>
              <span className="hint"> {hit.startDate}</span>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}

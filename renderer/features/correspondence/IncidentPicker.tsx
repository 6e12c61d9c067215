import { useTranslation } from 'react-i18next';
import { IncidentFinder } from '../incidents/IncidentFinder.tsx';

export interface PickedIncident {
  id: string;
  title: string;
}

/** Finds incidents by words (as the incident search does) and collects the ones a letter concerns. */
export function IncidentPicker({ picked, onChange }: { picked: PickedIncident[]; onChange(next: PickedIncident[]): void }) {
  const { t } = useTranslation();
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
      <IncidentFinder
        chosen={new Set(picked.map((incident) => incident.id))}
        onAdd={(hit) => onChange([...picked, { id: hit.id, title: hit.title }])}
        findLabel={t('letterForm.find')}
        addLabel={(title) => t('letterForm.add', { title })}
      />
    </fieldset>
  );
}

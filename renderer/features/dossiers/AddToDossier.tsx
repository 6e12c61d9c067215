import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/domain/dossier.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';

interface Props {
  count: number;
  /** The chosen dossier (null: a new one); the dossier's screen opens with the incidents added, to be saved. */
  onChosen(dossierId: string | null): void;
  onClose(): void;
}

/** From the incident list: "Add to a dossier…" — choose an existing dossier or a new one for the selected incidents. */
export function AddToDossier({ count, onChosen, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [dossiers, setDossiers] = useState<DossierSummary[]>([]);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    void call('dossiers:list', {}).then((result) => (result.ok ? setDossiers(result.value) : setError(result.error)));
  }, []);
  return (
    <form
      className="panel add-to-dossier"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        onChosen(target || null);
      }}
    >
      <h2 id={`${id}-heading`}>{t('dossiers.addHeading')}</h2>
      <span className="field">
        <label htmlFor={`${id}-target`}>{t('dossiers.addTarget')}</label>
        <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('dossiers.addNew')}</option>
          {dossiers.map((dossier) => (
            <option key={dossier.id} value={dossier.id}>
              {dossier.meetingDate ? `${dossier.title} (${dossier.meetingDate})` : dossier.title}
            </option>
          ))}
        </select>
      </span>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('dossiers.addConfirm')} ({count})
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../shared/domain/dossier.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';

interface Props {
  onOpen(dossierId: string | null): void;
}

/**
 * The saved dossiers (title, meeting date, language, editions) with New, Open, Duplicate and Delete. Delete asks
 * once more in the row; a dossier with editions is never deleted (they prove what was handed over), and says so.
 */
export function DossierList({ onOpen }: Props) {
  const { t } = useTranslation();
  const [dossiers, setDossiers] = useState<DossierSummary[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const reload = useCallback(async () => {
    const result = await call('dossiers:list', {});
    if (result.ok) setDossiers(result.value);
    else setError(result.error);
  }, [setError]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const duplicate = async (dossier: DossierSummary) => {
    setNotice(null);
    const copy = await run(() => call('dossiers:duplicate', { id: dossier.id }));
    if (!copy) return;
    setNotice(t('dossiers.duplicated', { title: copy.title }));
    await reload();
  };
  const remove = async (dossier: DossierSummary) => {
    setConfirming(null);
    setNotice(null);
    const done = await run(() => call('dossiers:delete', { id: dossier.id }));
    if (!done) return;
    setNotice(t('dossiers.deleted'));
    await reload();
  };
  const askDelete = (dossier: DossierSummary) => {
    setNotice(null);
    setError(null);
    if (dossier.editions > 0) setNotice(t('dossiers.hasEditions'));
    else setConfirming(dossier.id);
  };

  return (
    <div className="dossier-list-page">
      <div className="page-head">
        <h1 id="section-heading">{t('nav.dossiers')}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => onOpen(null)}>
            {t('dossiers.new')}
          </button>
        </div>
      </div>
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
      {dossiers === null ? (
        <p role="status">{t('common.working')}</p>
      ) : dossiers.length === 0 ? (
        <p className="hint">{t('dossiers.none')}</p>
      ) : (
        <table className="dossier-table" aria-label={t('dossiers.listLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('dossiers.col_title')}</th>
              <th scope="col">{t('dossiers.col_date')}</th>
              <th scope="col">{t('dossiers.col_language')}</th>
              <th scope="col">{t('dossiers.col_editions')}</th>
              <th scope="col">
                <span className="sr-only">{t('incidents.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((dossier) => (
              <tr key={dossier.id}>
                <th scope="row">
                  <button type="button" className="link-button" aria-label={t('dossiers.openNamed', { title: dossier.title })} onClick={() => onOpen(dossier.id)}>
                    {dossier.title}
                  </button>
                </th>
                <td>{dossier.meetingDate ?? '—'}</td>
                <td>{t(`translations.lang_${dossier.language}`)}</td>
                <td>{dossier.editions}</td>
                <td>
                  {confirming === dossier.id ? (
                    <div className="actions" role="group" aria-label={t('dossiers.deleteConfirm', { title: dossier.title })}>
                      <span>{t('dossiers.deleteConfirm', { title: dossier.title })}</span>
                      <button type="button" className="primary danger small" disabled={busy} onClick={() => void remove(dossier)}>
                        {t('dossiers.delete')}
                      </button>
                      <button type="button" className="secondary small" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  ) : (
                    <div className="actions">
                      <button type="button" className="secondary small" onClick={() => onOpen(dossier.id)}>
                        {t('dossiers.open')}
                      </button>
                      <button type="button" className="secondary small" disabled={busy} onClick={() => void duplicate(dossier)}>
                        {t('dossiers.duplicate')}
                      </button>
                      <button type="button" className="secondary small" disabled={busy} onClick={() => askDelete(dossier)}>
                        {t('dossiers.delete')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

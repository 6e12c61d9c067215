import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierEdition } from '../../../shared/domain/dossier.ts';

interface Props {
  editions: readonly DossierEdition[];
  busy: boolean;
  onSave(edition: number, format: 'pdf' | 'docx'): void;
  onPrint(edition: number): void;
}

/**
 * The dossier's issued editions, newest first: number, date, who, pages; the SHA-256 of the frozen Doc and of each
 * kept file behind "Details"; Save PDF / Save DOCX / Print of that edition exactly as kept.
 */
export function EditionsPanel({ editions, busy, onSave, onPrint }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const newestFirst = [...editions].sort((a, b) => b.edition - a.edition);
  return (
    <section className="panel dossier-editions" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dossiers.editions')}</h2>
      {newestFirst.length === 0 ? (
        <p className="hint">{t('dossiers.noEditions')}</p>
      ) : (
        <table aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">{t('dossiers.col_edition')}</th>
              <th scope="col">{t('dossiers.col_issuedAt')}</th>
              <th scope="col">{t('dossiers.col_issuedBy')}</th>
              <th scope="col">{t('dossiers.col_pages')}</th>
              <th scope="col">
                <span className="sr-only">{t('dossiers.details')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((edition) => (
              <tr key={edition.edition}>
                <th scope="row">{edition.edition}</th>
                <td>{edition.issuedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{edition.issuedBy}</td>
                <td>{edition.pages}</td>
                <td>
                  <div className="actions">
                    <button type="button" className="primary small" disabled={busy} onClick={() => onSave(edition.edition, 'pdf')}>
                      {t('dossiers.savePdf')}
                    </button>
                    <button type="button" className="secondary small" disabled={busy} onClick={() => onSave(edition.edition, 'docx')}>
                      {t('dossiers.saveDocx')}
                    </button>
                    <button type="button" className="secondary small" disabled={busy} onClick={() => onPrint(edition.edition)}>
                      {t('dossiers.print')}
                    </button>
                  </div>
                  <details>
                    <summary>{t('dossiers.details')}</summary>
                    <p className="hint mono">
                      {t('dossiers.docSha')}: {edition.sha256}
                    </p>
                    {edition.files.map((file) => (
                      <p key={file.role} className="hint mono">
                        {t('dossiers.fileSha', { role: file.role.toUpperCase(), size: file.size, sha: file.sha256 })}
                      </p>
                    ))}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

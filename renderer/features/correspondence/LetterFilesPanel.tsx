import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterFile } from '../../../shared/domain/correspondence.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { usePdfPrint } from '../letters/usePdfPrint.ts';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * The files kept with a letter — its scan, or the DOCX and PDF as registered — each saved out as a verified copy;
 * the registered PDF can also be printed as it was kept (frozen: the bytes registration stored, not a new render).
 */
export function LetterFilesPanel({ letterId, canAttach }: { letterId: string; canAttach: boolean }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<LetterFile[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const pdf = usePdfPrint();

  const load = useCallback(async () => {
    const result = await call('letters:files', { letterId });
    if (result.ok) setFiles(result.value);
  }, [letterId]);
  useEffect(() => {
    void load();
  }, [load]);

  const attach = async () => {
    setNotice(null);
    const added = await run(() => call('letters:attachScan', { letterId }));
    if (!added) return;
    setNotice(t('letterCard.scanAdded', { name: added.fileName }));
    await load();
  };
  const save = async (file: LetterFile) => {
    setNotice(null);
    const saved = await run(() => call('letters:exportFile', { id: file.id }));
    if (saved?.saved) setNotice(t('letterCard.savedCopy', { name: saved.fileName }));
  };

  const print = async () => {
    setNotice(null);
    const kept = await run(() => call('letters:registeredPdf', { letterId }));
    if (kept) pdf.print(kept.bytes);
  };

  return (
    <div className="letter-files">
      <h3>{t('letterCard.files')}</h3>
      {files.length === 0 && <p className="hint">{t('letterCard.noFiles')}</p>}
      <ul className="plain-list">
        {files.map((file) => (
          <li key={file.id}>
            <span className="badge">{t(`letterCard.role_${file.role}`)}</span> {file.fileName} · {size(file.size)} · <span className="mono" title={file.sha256}>SHA-256 {file.sha256.slice(0, 12)}…</span>{' '}
            <button type="button" className="link-button" disabled={busy} onClick={() => void save(file)}>
              {t('letterCard.saveCopy')}
              <span className="sr-only"> {file.fileName}</span>
            </button>
            {file.role === 'pdf' && (
              <>
                {' '}
                <button type="button" className="link-button" disabled={busy} onClick={() => void print()}>
                  {t('letterCard.print')}
                  <span className="sr-only"> {file.fileName}</span>
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canAttach && (
        <button type="button" className="secondary" disabled={busy} onClick={() => void attach()}>
          {t('letterCard.attachScan')}
        </button>
      )}
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
    </div>
  );
}

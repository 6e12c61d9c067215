import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecordValue } from '../../../shared/ipc/contract.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { droppedFiles, sendDropped } from './send-dropped.ts';

/** A file size for people: KB below a megabyte, MB with one decimal below ten. */
const fileSize = (bytes: number) => (bytes < 1024 ** 2 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`);

/** One file: a thumbnail for images (drawn from the bytes main sends), its fingerprint, view and export. */
function EvidenceItem({ record, onView, onExport }: { record: EvidenceRecordValue; onView(url: string): void; onExport(): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!record.mediaType.startsWith('image/')) return;
    let current = true;
    void call('evidence:preview', { id: record.id }).then((result) => current && result.ok && setUrl(result.value.dataUrl));
    return () => {
      current = false;
    };
  }, [record]);
  return (
    <li className="evidence-item">
      {url ? (
        <button type="button" className="thumb" onClick={() => onView(url)} aria-label={t('evidence.view', { name: record.fileName })}>
          <img src={url} alt={record.fileName} />
        </button>
      ) : (
        <span className="thumb placeholder-thumb" aria-hidden="true">
          {record.mediaType.split('/')[1]?.toUpperCase().slice(0, 4) ?? 'FILE'}
        </span>
      )}
      <span className="evidence-meta">
        <span className="evidence-name">{record.fileName}</span>
        <span className="hint">
          {record.mediaType} · {fileSize(record.size)}
          {record.width ? ` · ${record.width}×${record.height}` : ''}
        </span>
        <span className="hint mono" title={record.sha256}>
          SHA-256 {record.sha256.slice(0, 16)}…
        </span>
      </span>
      <button type="button" className="secondary small" onClick={onExport}>
        {t('evidence.export')}
      </button>
    </li>
  );
}

/** Evidence of a saved incident: add by picker or by dropping files here; nothing is written outside the vault. */
export function EvidencePanel({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const [records, setRecords] = useState<EvidenceRecordValue[]>([]);
  const [viewing, setViewing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const { busy, error, run } = useAction();

  const reload = useCallback(async () => {
    const result = await call('evidence:list', { incidentId });
    if (result.ok) setRecords(result.value);
  }, [incidentId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (viewing) dialog.current?.showModal();
    else dialog.current?.close();
  }, [viewing]);

  const added = async (result: EvidenceRecordValue[] | undefined) => {
    await reload();
    if (result?.length) setNotice(t('evidence.added', { count: result.length }));
  };
  const pick = async () => added(await run(() => call('evidence:add', { incidentId })));
  const drop = async (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    // The window reads the files and sends their bytes; main never gets a path to read.
    const files = droppedFiles(event.dataTransfer);
    if (files.length) await added(await run(() => sendDropped(incidentId, files)));
  };
  const exportOne = async (record: EvidenceRecordValue) => {
    const result = await run(() => call('evidence:export', { id: record.id }));
    if (result?.saved) setNotice(t('evidence.exported', { file: result.fileName }));
  };

  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence.heading')}</h2>
      <div
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => void drop(event)}
        data-testid="evidence-drop"
      >
        <p>{t('evidence.dropHint')}</p>
        <button type="button" className="secondary" disabled={busy} onClick={() => void pick()}>
          {t('evidence.add')}
        </button>
      </div>
      {busy && <p role="status">{t('evidence.storing')}</p>}
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={error} />
      <ul className="evidence-list" aria-label={t('evidence.heading')}>
        {records.map((record) => (
          <EvidenceItem key={record.id} record={record} onView={setViewing} onExport={() => void exportOne(record)} />
        ))}
      </ul>
      <dialog ref={dialog} className="viewer" onClose={() => setViewing(null)} aria-label={t('evidence.viewer')}>
        {viewing && <img src={viewing} alt={t('evidence.viewer')} />}
        <button type="button" className="secondary" onClick={() => setViewing(null)}>
          {t('common.close')}
        </button>
      </dialog>
    </section>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldsOfKind, languageTableFields, requiredFieldsOfKind, textEncodings, type AnyTableField, type ColumnMapping, type ImportJob, type ImportMode, type TableKind, type TextEncodingChoice } from '../../../shared/domain/table-import.ts';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/ErrorAlert.tsx';
import { importFieldLabel } from './field-label.ts';
import { StoredValuesReport } from './StoredValuesReport.tsx';

type Chosen = { token: string; fileName: string; format: 'json' | 'csv' | 'xlsx' };
type Status = ImportJob & { error: AppErrorValue | null };

/**
 * Import in steps: choose a file; for a spreadsheet, map its columns (guessed from the headers) and pick the
 * encoding; check (a report by row and column, nothing written); import all-or-nothing, or only the valid rows.
 * Rows for stored incidents change only the mapped columns; blank cells that would empty stored values are listed
 * and imported only once the user confirms them. Long files show progress and can be cancelled; a cancelled import
 * leaves the store as it was.
 */
export function ImportPanel({ kind = 'incidents', onImported, onClose }: { kind?: TableKind; onImported(): void; onClose(): void }) {
  const { t } = useTranslation();
  // An incident sheet may also carry the original language and the title and description per language.
  const fields: readonly AnyTableField[] = kind === 'incidents' ? [...fieldsOfKind(kind), ...languageTableFields] : fieldsOfKind(kind);
  const fieldLabel = (field: string) => importFieldLabel(t, field);
  const required = requiredFieldsOfKind(kind);
  const id = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [encoding, setEncoding] = useState<TextEncodingChoice>('auto');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [preview, setPreview] = useState<Status['report']>(null);
  const [checked, setChecked] = useState<Status['report']>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  /** The user confirmed the emptyings listed for the current file and mapping. */
  const [allowEmpty, setAllowEmpty] = useState(false);
  const job = useRef<string | null>(null);
  const running = status?.state === 'running';

  const runJob = async (mode: ImportMode, withMapping: ColumnMapping | null, token = chosen?.token): Promise<Status | null> => {
    if (!token) return null;
    setError(null);
    const started = await call('import:start', { token, encoding, mapping: withMapping, kind, mode, allowEmpty: mode !== 'check' && allowEmpty });
    if (!started.ok) return setError(started.error), null;
    job.current = started.value.jobId;
    for (;;) {
      const result = await call('import:status', { jobId: started.value.jobId });
      if (!result.ok) return setError(result.error), null;
      setStatus(result.value);
      if (result.value.state !== 'running') {
        job.current = null;
        if (result.value.error) setError(result.value.error);
        return result.value;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };

  const choose = async () => {
    const result = await call('import:choose', {});
    if (!result.ok) return setError(result.error);
    if (!result.value) return;
    setChosen(result.value);
    setPreview(null);
    setChecked(null);
    setStatus(null);
    setAllowEmpty(false);
    if (result.value.format === 'json') return;
    const done = await runJob('check', null, result.value.token);
    if (done?.report) {
      setPreview(done.report);
      setMapping(done.report.suggestedMapping);
    }
  };

  // Changing the encoding reads the file again.
  useEffect(() => {
    if (!chosen || chosen.format !== 'csv') return;
    setAllowEmpty(false);
    void runJob('check', null).then((done) => done?.report && setPreview(done.report));
  }, [encoding]);

  const isJson = chosen?.format === 'json';
  const check = async () => {
    const done = await runJob('check', isJson ? null : mapping);
    setChecked(done?.report ?? null);
  };
  const importNow = async (mode: ImportMode) => {
    const done = await runJob(mode, isJson ? null : mapping);
    const result = done?.report ?? null;
    setChecked(result);
    if (result?.counts) onImported();
    // Written nothing only because emptyings wait for the checkbox: say so (invalid rows have their own message).
    const blockedByRows = mode === 'all-or-nothing' ? result !== null && result.invalidRows > 0 : result?.validRows === 0;
    if (result && !result.counts && result.wouldEmptyCount > 0 && !blockedByRows) setError({ code: 'import-would-empty' });
  };
  const cancel = () => job.current && void call('import:cancel', { jobId: job.current });

  const report = checked;
  const missingRequired = !isJson && required.some((field) => mapping[field] === undefined);
  const counts = report?.counts;
  return (
    <section className="panel import-panel" aria-labelledby={`${id}-heading`}>
      <div className="editor-head">
        <h2 id={`${id}-heading`}>{t(kind === 'letters' ? 'import.headingRegister' : 'import.heading')}</h2>
        <button type="button" className="link-button" onClick={onClose} disabled={running}>
          {t('common.close')}
        </button>
      </div>
      <p>{t(kind === 'letters' ? 'import.introRegister' : 'import.intro')}</p>
      <button type="button" className="secondary" onClick={() => void choose()} disabled={running}>
        {t('import.choose')}
      </button>
      {chosen && <p className="hint">{t('import.file', { name: chosen.fileName })}</p>}

      {preview && !isJson && (
        <div className="mapping">
          {chosen?.format === 'csv' && (
            <span className="field">
              <label htmlFor={`${id}-enc`}>{t('import.encoding')}</label>
              <select id={`${id}-enc`} value={encoding} onChange={(e) => setEncoding(e.target.value as TextEncodingChoice)} disabled={running}>
                {textEncodings.map((e) => (
                  <option key={e} value={e}>
                    {t(`import.enc_${e}`, { defaultValue: e })}
                  </option>
                ))}
              </select>
            </span>
          )}
          <p>{t('import.rows', { count: preview.rowCount })}</p>
          <table className="mapping-table">
            <caption>{t('import.mappingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.example')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">
                    <label htmlFor={`${id}-map-${field}`}>
                      {fieldLabel(field)}
                      {required.includes(field) ? ' *' : ''}
                    </label>
                  </th>
                  <td>
                    <select
                      id={`${id}-map-${field}`}
                      value={mapping[field] ?? ''}
                      onChange={(e) => {
                        const next = { ...mapping };
                        if (e.target.value === '') delete next[field];
                        else next[field] = Number(e.target.value);
                        setMapping(next);
                        setChecked(null);
                        setAllowEmpty(false);
                      }}
                    >
                      <option value="">{t('import.notMapped')}</option>
                      {preview.headers.map((header, index) => (
                        <option key={index} value={index}>
                          {header || t('import.columnN', { n: index + 1 })}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="example">{mapping[field] === undefined ? '' : (preview.sample[0]?.[mapping[field]] ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {chosen && (isJson || preview) && (
        <div className="actions">
          <button type="button" className="secondary" disabled={running || missingRequired} onClick={() => void check()}>
            {t('import.check')}
          </button>
          <button type="button" className="primary" disabled={running || missingRequired} onClick={() => void importNow('all-or-nothing')}>
            {t('import.importAll')}
          </button>
          {!isJson && report && report.invalidRows > 0 && report.validRows > 0 && !counts && (
            <button type="button" className="secondary" disabled={running} onClick={() => void importNow('valid-rows-only')}>
              {t('import.importValid', { count: report.validRows })}
            </button>
          )}
        </div>
      )}

      {running && status && (
        <div className="progress" role="status">
          <span>{t(`import.phase_${status.phase}`)}</span>
          {status.total > 0 ? <progress max={status.total} value={status.done} aria-label={t(`import.phase_${status.phase}`)} /> : <span> {status.done}</span>}
          <button type="button" className="secondary small" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {status?.state === 'cancelled' && <Notice>{t('import.cancelled')}</Notice>}
      <ErrorAlert error={error} />

      {report && !counts && report.issueCount === 0 && report.wouldEmptyCount === 0 && status?.state === 'done' && <Notice>{t('import.checkedOk', { count: report.validRows })}</Notice>}
      {report && !isJson && <StoredValuesReport report={report} written={Boolean(counts)} confirmed={allowEmpty} onConfirm={setAllowEmpty} disabled={running} />}
      {counts && (
        <Notice>
          {kind === 'incidents' && t('import.done', { created: counts.created.incidents, updated: counts.updated.incidents, persons: counts.created.persons + counts.updated.persons, places: counts.created.places + counts.updated.places })}
          {(kind === 'letters' || counts.created.letters + counts.updated.letters > 0) &&
            ` ${t('import.doneLetters', { created: counts.created.letters, updated: counts.updated.letters, counterparts: counts.created.counterparts + counts.updated.counterparts })}`}
          {report.invalidRows > 0 ? ` ${t('import.skipped', { count: report.invalidRows })}` : ''}
        </Notice>
      )}
      {report && report.issueCount > 0 && (
        <div className="report">
          <p role="alert" className="alert">
            {counts ? t('import.problemsSkipped', { count: report.issueCount }) : t('import.problems', { count: report.issueCount, rows: report.invalidRows })}
          </p>
          <table className="report-table">
            <caption>{t('import.reportCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{isJson ? t('import.path') : t('import.row')}</th>
                {!isJson && <th scope="col">{t('import.column')}</th>}
                <th scope="col">{t('import.problem')}</th>
                {!isJson && <th scope="col">{t('import.value')}</th>}
              </tr>
            </thead>
            <tbody>
              {report.pathIssues.map((issue, index) => (
                <tr key={`p${index}`}>
                  <td className="mono">{issue.path}</td>
                  <td>{t(`import.p_${issue.problem}`, { defaultValue: issue.message })}</td>
                </tr>
              ))}
              {report.rowIssues.map((issue, index) => (
                <tr key={`r${index}`}>
                  <td>{issue.row}</td>
                  <td>{issue.column ?? fieldLabel(issue.field)}</td>
                  <td>{t(`import.r_${issue.problem}`)}</td>
                  <td className="value">{issue.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

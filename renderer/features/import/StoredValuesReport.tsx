import { useTranslation } from 'react-i18next';
import { importFieldLabel } from './field-label.ts';
import type { ImportReport } from '../../../shared/domain/table-import.ts';

/**
 * What a sheet's rows would do to incidents already stored. Blank cells that would empty a stored value are listed
 * by row, column and incident, and nothing is written until the user ticks the confirmation (a sheet that merely
 * lacks a value must not erase what staff recorded). Victim cells left unapplied, because the incident's victims
 * were recorded in the form, are listed for information.
 */
type ReportCell = ImportReport['wouldEmpty'][number] | ImportReport['notApplied'][number];

/** One table of cells by row, column and incident: the would-empty list and the not-applied list share it. */
function CellsTable({ caption, cells }: { caption: string; cells: readonly ReportCell[] }) {
  const { t } = useTranslation();
  const column = (cell: ReportCell) => cell.column ?? importFieldLabel(t, cell.field);
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.row')}</th>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('import.incident')}</th>
        </tr>
      </thead>
      <tbody>
        {cells.map((cell, index) => (
          <tr key={index}>
            <td>{cell.row}</td>
            <td>{column(cell)}</td>
            <td className="value">{cell.incidentTitle}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StoredValuesReport({ report, written, confirmed, onConfirm, disabled }: { report: ImportReport; written: boolean; confirmed: boolean; onConfirm(confirmed: boolean): void; disabled: boolean }) {
  const { t } = useTranslation();
  const more = report.wouldEmptyCount - report.wouldEmpty.length;
  return (
    <>
      {report.wouldEmptyCount > 0 && !written && (
        <div className="report">
          <p role="alert" className="alert">
            {t('import.emptyIntro', { count: report.wouldEmptyCount })}
          </p>
          <CellsTable caption={t('import.emptyCaption')} cells={report.wouldEmpty} />
          {more > 0 && <p className="hint">{t('import.emptyMore', { count: more })}</p>}
          <label className="check">
            <input type="checkbox" checked={confirmed} disabled={disabled} onChange={(event) => onConfirm(event.target.checked)} />
            {t('import.emptyConfirm', { count: report.wouldEmptyCount })}
          </label>
        </div>
      )}
      {report.notApplied.length > 0 && (
        <div className="report">
          <p>{t('import.notAppliedIntro')}</p>
          <CellsTable caption={t('import.notAppliedCaption')} cells={report.notApplied} />
        </div>
      )}
    </>
  );
}

import ExcelJS from 'exceljs';
import { AppError } from '../../../errors/app-error.ts';
import { nextTurn, type ReadProgress, type Table } from './table.ts';
import { toTable } from './to-table.ts';
import { checkZipLimits, ZIP_LIMITS, type ZipLimits } from './zip-limits.ts';

/** A date cell as an ISO date (with the time only when it has one); Excel stores dates without a zone, exceljs as UTC. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** What a cell shows, as text: a formula's cached result (never the formula), a link's text, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** Reads the first worksheet of an XLSX file, after the zip has passed its limits (zip-limits.ts). */
export async function readXlsx(bytes: Buffer, options: ReadProgress & { limits?: ZipLimits } = {}): Promise<Table> {
  await checkZipLimits(bytes, options.limits ?? ZIP_LIMITS);
  if (options.signal?.aborted) throw new AppError('cancelled');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('import-invalid', { detail: 'not an XLSX file (the workbook cannot be read)', cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import-invalid', { detail: 'XLSX: the workbook has no worksheet' });
  const raw: string[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    rowNumbers.push(number);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    raw.push(Array.from(cells, (cell) => cell ?? ''));
  });
  // Keep the sheet's own row numbers: an empty row in the middle stays a (blank, dropped) row, so reported
  // row numbers match what the user sees.
  const aligned: string[][] = [];
  raw.forEach((cells, i) => {
    while (aligned.length < rowNumbers[i]! - 1) aligned.push([]);
    aligned.push(cells);
  });
  options.onProgress?.(aligned.length);
  await nextTurn();
  if (options.signal?.aborted) throw new AppError('cancelled');
  return toTable(aligned, 'XLSX');
}

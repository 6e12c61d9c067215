import { AppError } from '../../../errors/app-error.ts';
import { TABLE_LIMITS, type Table } from './table.ts';

const blank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Raw rows (as parsed) to a Table: the first non-blank row is the header, blank rows are dropped, every row is
 * padded or cut to the header's length. Limits are checked here, for CSV and XLSX alike; the details name counts,
 * never cell contents (they may be case data).
 */
export function toTable(raw: readonly string[][], format: 'CSV' | 'XLSX'): Table {
  const rows = raw.filter((row) => !blank(row));
  const header = rows.shift();
  if (!header) throw new AppError('import-invalid', { detail: `${format}: the file has no header row` });
  const headers = header.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  if (headers.length === 0) throw new AppError('import-invalid', { detail: `${format}: the file has no header row` });
  if (headers.length > TABLE_LIMITS.maxColumns) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxColumns} columns` });
  if (rows.length > TABLE_LIMITS.maxRows) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxRows} rows` });
  return {
    headers,
    rows: rows.map((row, index) => {
      if (row.some((cell) => cell.length > TABLE_LIMITS.maxCellChars)) {
        throw new AppError('import-too-large', { detail: `${format}: a cell in row ${index + 2} is longer than ${TABLE_LIMITS.maxCellChars} characters` });
      }
      return Array.from({ length: headers.length }, (_, i) => row[i] ?? '');
    }),
  };
}

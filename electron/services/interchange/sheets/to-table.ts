import { AppError } from '../../../errors/app-error.ts';
import { TABLE_LIMITS, type Table } from './table.ts';

const blank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Raw rows (as parsed, one per spreadsheet row) to a Table: the first non-blank row is the header, blank rows are
 * dropped but keep counting, so problems are reported at the row number the user sees; every row is padded or cut
 * to the header's length. Limits are checked here, for CSV and XLSX alike; the details name counts,
 * never cell contents (they may be case data).
 */
export function toTable(raw: readonly string[][], format: 'CSV' | 'XLSX'): Table {
  const numbered = raw.map((row, index) => ({ row, number: index + 1 })).filter(({ row }) => !blank(row));
  const header = numbered.shift()?.row;
  const rows = numbered.map(({ row }) => row);
  if (!header) throw new AppError('import-invalid', { detail: `${format}: the file has no header row` });
  const headers = header.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  if (headers.length === 0) throw new AppError('import-invalid', { detail: `${format}: the file has no header row` });
  if (headers.length > TABLE_LIMITS.maxColumns) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxColumns} columns` });
  if (rows.length > TABLE_LIMITS.maxRows) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxRows} rows` });
  return {
    headers,
    rowNumbers: numbered.map(({ number }) => number),
    rows: rows.map((row, index) => {
      if (row.some((cell) => cell.length > TABLE_LIMITS.maxCellChars)) {
        throw new AppError('import-too-large', { detail: `${format}: a cell in row ${numbered[index]!.number} is longer than ${TABLE_LIMITS.maxCellChars} characters` });
      }
      return Array.from({ length: headers.length }, (_, i) => row[i] ?? '');
    }),
  };
}

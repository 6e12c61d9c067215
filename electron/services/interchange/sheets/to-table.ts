import { AppError } from '../../../errors/app-error.ts';
import { TABLE_LIMITS, type Table } from './table.ts';

/** One row as read: its number in the file, its cells, and whether a non-blank cell lay beyond the column limit. */
export interface SheetRow {
  number: number;
  cells: string[];
  wide?: boolean;
}

const blank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Collects the rows of a sheet as a reader finds them. Blank rows are dropped at once, so a file that numbers
 * its rows in the millions costs only the rows that hold data, and the row limit is checked as rows arrive:
 * a file with too many is refused before the rest is read.
 */
export class RowCollector {
  readonly rows: SheetRow[] = [];
  private readonly format: 'CSV' | 'XLSX';

  constructor(format: 'CSV' | 'XLSX') {
    this.format = format;
  }

  add(row: SheetRow): void {
    if (!row.wide && blank(row.cells)) return;
    // The first row kept is the header; the limit counts data rows.
    if (this.rows.length > TABLE_LIMITS.maxRows) throw new AppError('import-too-large', { detail: `${this.format}: more than ${TABLE_LIMITS.maxRows} rows` });
    this.rows.push(row);
  }
}

/**
 * Rows (non-blank, in file order, with their numbers) to a Table: the first is the header; problems are reported
 * at the row number the user sees; every row is padded or cut to the header's length. Limits are checked here,
 * for CSV and XLSX alike; the details name counts, never cell contents (they may be case data).
 */
export function toTable(rows: readonly SheetRow[], format: 'CSV' | 'XLSX'): Table {
  const numbered = rows.filter((row) => row.wide || !blank(row.cells));
  const header = numbered.shift();
  if (!header) throw new AppError('import-invalid', { detail: `${format}: the file has no header row` });
  if (header.wide) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxColumns} columns` });
  const headers = header.cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();
  if (headers.length === 0) throw new AppError('import-invalid', { detail: `${format}: the file has no header row` });
  if (headers.length > TABLE_LIMITS.maxColumns) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxColumns} columns` });
  if (numbered.length > TABLE_LIMITS.maxRows) throw new AppError('import-too-large', { detail: `${format}: more than ${TABLE_LIMITS.maxRows} rows` });
  return {
    headers,
    rowNumbers: numbered.map(({ number }) => number),
    rows: numbered.map(({ cells, number }) => {
      if (cells.some((cell) => cell.length > TABLE_LIMITS.maxCellChars)) {
        throw new AppError('import-too-large', { detail: `${format}: a cell in row ${number} is longer than ${TABLE_LIMITS.maxCellChars} characters` });
      }
      return Array.from({ length: headers.length }, (_, i) => cells[i] ?? '');
    }),
  };
}

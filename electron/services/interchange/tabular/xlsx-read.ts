import ExcelJS from 'exceljs';
import { AppError } from '../../../errors/app-error.ts';
import { nextTurn, TableBuilder, throwIfCancelled, type Table, type TableReadOptions } from './table.ts';
import { checkZipLimits } from './zip-limits.ts';

const PROGRESS_EVERY = 1000;
const YIELD_EVERY = 2000;

const notXlsx = (what: string, cause?: unknown) => new AppError('import-invalid', { detail: `not an XLSX file (${what})`, cause });

/**
 * A date cell as an ISO date, with the time only when it has one. Excel stores dates without a time zone and
 * exceljs reads them as UTC, so the UTC fields are the ones the user typed.
 */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const seconds = Math.round(date.getTime() / 1000) * 1000; // Excel's day fractions are not exact
  const iso = new Date(seconds).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** What a cell shows, as text: a formula's cached result (never the formula), a link's text, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('error' in value) return '';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  // A hyperlink; its text may itself be rich text.
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** The row's cells as text up to `width` (all of them when null); the covered cells of a merge are empty. */
function rowCells(row: ExcelJS.Row | undefined, width: number | null): string[] {
  const cells: string[] = [];
  row?.eachCell({ includeEmpty: false }, (cell, column) => {
    if (width !== null && column > width) return;
    // exceljs gives a merged range's value to every cell in it; a CSV export (and the user's eye) has it once.
    cells[column - 1] = cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value);
  });
  return Array.from(cells, (cell) => cell ?? '');
}

/** The header row is cut after its last non-empty cell (an XLSX row has no field count of its own). */
function trimEnd(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end -= 1;
  return cells.slice(0, end);
}

/**
 * Reads the first worksheet of an XLSX file into a Table, once the zip has passed its limits (zip-limits.ts):
 * the first non-empty row is the header. Rows keep the sheet's numbering (an empty row in the middle stays an
 * empty row), so row numbers in reports match what the user sees when the header is in row 1.
 */
export async function readXlsx(bytes: Buffer, options: TableReadOptions = {}): Promise<Table> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  await checkZipLimits(bytes);
  throwIfCancelled(signal);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a Node Buffer is what it handles at run time.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw notXlsx('the workbook cannot be read', error);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw notXlsx('no worksheet');
  throwIfCancelled(signal);

  const table = new TableBuilder();
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.findRow(number); // unlike getRow, does not create missing rows
    const width = table.width;
    table.add(width === null ? trimEnd(rowCells(row, null)) : rowCells(row, width));
    if (table.width !== null && table.rowsRead > 0 && table.rowsRead % PROGRESS_EVERY === 0) onProgress?.(table.rowsRead);
    if (number % YIELD_EVERY === 0) {
      await nextTurn();
      throwIfCancelled(signal);
    }
  }
  const result = table.finish();
  onProgress?.(result.rows.length);
  return result;
}

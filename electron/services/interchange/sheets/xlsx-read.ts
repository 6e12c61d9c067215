import { AppError } from '../../../errors/app-error.ts';
import { nextTurn, TABLE_LIMITS, type ReadProgress, type Table } from './table.ts';
import { RowCollector, toTable } from './to-table.ts';
import { readDateStyles, readSharedStrings, readWorkbook, scanPart } from './xlsx-parts.ts';
import type { XmlHandler } from './xml-scan.ts';
import { checkZipLimits, ZIP_LIMITS, type ZipLimits } from './zip-limits.ts';

/** The largest sheet a spreadsheet program can make (Excel 2007 and later); a file naming more is malformed. */
export const SHEET_BOUNDS = { rows: 1_048_576, columns: 16_384 };

const invalid = (detail: string) => new AppError('import-invalid', { detail: `XLSX: ${detail}` });

/** "A" → 1, "XFD" → 16384; the letters of a cell reference (at most three, as Excel's columns). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const columnLetters = (n: number): string => (n <= 0 ? '' : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** A date cell as an ISO date (with the time only when it has one); Excel counts days from 1900 (or 1904), without a zone. */
export function excelDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return String(serial);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string[];
  length: number;
  /** Inside the element whose text is the value: <v>, or <t> of an inline string (outside phonetic runs). */
  collecting: boolean;
}

/**
 * Reads the first worksheet of an XLSX file, after the zip has passed its limits (zip-limits.ts). The sheet is
 * streamed: each row and cell reference is checked against the sheet's bounds (1,048,576 rows, 16,384 columns)
 * as it is met, before anything is kept for it; only cells with a value are kept, and only rows with one, so
 * memory follows the data the file holds, never the row numbers it claims. Values are what a cell shows: a
 * formula's cached result (never the formula), rich text joined, numbers in date formats as ISO dates.
 */
export async function readXlsx(bytes: Buffer, options: ReadProgress & { limits?: ZipLimits } = {}): Promise<Table> {
  const zip = await checkZipLimits(bytes, options.limits ?? ZIP_LIMITS);
  try {
    if (options.signal?.aborted) throw new AppError('cancelled');
    const workbook = await readWorkbook(zip);
    const dateStyles = await readDateStyles(zip);
    const shared = await readSharedStrings(zip);
    const rows = new RowCollector('XLSX');
    await scanPart(zip, workbook.firstSheet, sheetReader(rows, { dateStyles, shared, date1904: workbook.date1904, onRow: () => rows.rows.length % 5000 === 0 && options.onProgress?.(rows.rows.length) }));
    options.onProgress?.(rows.rows.length);
    await nextTurn();
    if (options.signal?.aborted) throw new AppError('cancelled');
    return toTable(rows.rows, 'XLSX');
  } finally {
    zip.close();
  }
}

interface SheetContext {
  dateStyles: ReadonlySet<number>;
  shared: readonly string[];
  date1904: boolean;
  onRow(): void;
}

/** The handler that turns a worksheet's XML into rows, checking every reference before keeping anything. */
function sheetReader(rows: RowCollector, context: SheetContext): XmlHandler {
  let inSheetData = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let wide = false;
  let cell: CellState | null = null;
  /** The column of the row's last cell: a cell without a reference is the next one. */
  let lastColumn = 0;
  let phonetic = 0;

  const text = (state: CellState): string => {
    const raw = state.value.join('');
    switch (state.type) {
      case 's': {
        const index = Number(raw.trim());
        if (!Number.isInteger(index) || index < 0 || index >= context.shared.length) throw invalid(`cell ${columnLetters(state.column)}${rowNumber} names a shared string that does not exist`);
        return context.shared[index]!;
      }
      case 'inlineStr':
      case 'str':
        return raw;
      case 'b':
        return raw.trim() === '' ? '' : String(Number(raw) !== 0);
      case 'e':
        return '';
      case 'd':
        return raw;
      default: {
        if (raw.trim() === '') return '';
        const number = Number(raw);
        if (!Number.isFinite(number)) return raw.trim();
        return context.dateStyles.has(state.style) ? excelDate(number, context.date1904) : String(number);
      }
    }
  };

  return {
    open(name, attributes) {
      if (name === 'sheetData') inSheetData = true;
      else if (!inSheetData) return;
      else if (name === 'row') {
        const declared = attributes.get('r');
        const number = declared === undefined ? rowNumber + 1 : Number(declared);
        if (!Number.isInteger(number) || number < 1) throw invalid(`a row has an invalid number`);
        if (number > SHEET_BOUNDS.rows) throw invalid(`row ${number} is beyond the last row a worksheet can have (${SHEET_BOUNDS.rows})`);
        if (number <= rowNumber) throw invalid(`row ${number} comes after row ${rowNumber}; rows must be in order`);
        [rowNumber, cells, wide, lastColumn] = [number, [], false, 0];
      } else if (name === 'c' && cells) {
        const reference = attributes.get('r');
        let column = lastColumn + 1;
        if (reference !== undefined) {
          const match = /^([A-Z]{1,3})([0-9]{1,10})$/.exec(reference);
          if (!match) throw invalid(`row ${rowNumber} has a cell with an invalid reference`);
          column = columnNumber(match[1]!);
          if (column > SHEET_BOUNDS.columns) throw invalid(`cell ${match[1]}${match[2]} is beyond the last column a worksheet can have (XFD)`);
          if (Number(match[2]) !== rowNumber) throw invalid(`cell ${match[1]}${match[2]} is inside row ${rowNumber}`);
        }
        if (column > SHEET_BOUNDS.columns) throw invalid(`row ${rowNumber} has a cell beyond the last column a worksheet can have (XFD)`);
        lastColumn = column;
        cell = { column, type: attributes.get('t') ?? 'n', style: Number(attributes.get('s') ?? 0), value: [], length: 0, collecting: false };
      } else if (cell) {
        if (name === 'rPh') phonetic += 1;
        else if (name === 'v' || (name === 't' && cell.type === 'inlineStr' && phonetic === 0)) cell.collecting = true;
      }
    },
    text(value) {
      if (!cell?.collecting) return;
      cell.length += value.length;
      if (cell.length > TABLE_LIMITS.maxCellChars) throw new AppError('import-too-large', { detail: `XLSX: cell ${columnLetters(cell.column)}${rowNumber} is longer than ${TABLE_LIMITS.maxCellChars} characters` });
      cell.value.push(value);
    },
    close(name) {
      if (name === 'sheetData') inSheetData = false;
      else if (name === 'v' || name === 't') {
        if (cell) cell.collecting = false;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c' && cell && cells) {
        const value = text(cell);
        // Only what can be a column of the table is kept; a value further right only marks the row as wide.
        if (value !== '') {
          if (cell.column <= TABLE_LIMITS.maxColumns) cells[cell.column - 1] = value;
          else if (value.trim() !== '') wide = true;
        }
        cell = null;
      } else if (name === 'row' && cells) {
        rows.add({ number: rowNumber, cells: Array.from(cells, (value) => value ?? ''), wide });
        [cells, cell] = [null, null];
        context.onRow();
      }
    },
  };
}

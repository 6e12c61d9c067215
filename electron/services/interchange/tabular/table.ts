import { AppError } from '../../../errors/app-error.ts';

/**
 * A spreadsheet read into text: the header row and the data rows, every row exactly as long as the header.
 * Cells are kept as they are (no trimming); only a UTF-8 byte-order mark is taken off the first header.
 */
export interface Table {
  headers: string[];
  rows: string[][];
}

/** Beyond these a file is refused as a whole; a register of 100,000 incidents fits comfortably. */
export const TABLE_LIMITS = { maxRows: 200_000, maxColumns: 200, maxCellChars: 50_000 };
export type TableLimits = typeof TABLE_LIMITS;

export const isEmptyRow = (cells: readonly string[]) => cells.every((cell) => cell === '');

/**
 * Collects rows as a reader produces them: the first non-empty row becomes the header, later rows are padded or
 * cut to its length, and empty rows are kept in the middle (so row numbers match what the spreadsheet shows) but
 * dropped at the end. Empty rows are only counted until a non-empty row follows, so a file of millions of blank
 * lines costs no memory. Error details name counts and row numbers, never cell contents (they may be case data).
 */
export class TableBuilder {
  #headers: string[] | null = null;
  readonly #rows: string[][] = [];
  #pendingEmpty = 0;
  readonly #limits: TableLimits;

  constructor(limits: TableLimits = TABLE_LIMITS) {
    this.#limits = limits;
  }

  /** The header's length, or null before the header has been seen. */
  get width(): number | null {
    return this.#headers?.length ?? null;
  }

  /** Rows after the header read so far, trailing empty ones included. */
  get rowsRead(): number {
    return this.#rows.length + this.#pendingEmpty;
  }

  add(cells: readonly string[]): void {
    if (this.#headers === null) {
      if (!isEmptyRow(cells)) this.#headers = this.#header(cells);
      return;
    }
    if (isEmptyRow(cells)) {
      this.#pendingEmpty += 1;
      return;
    }
    const rowNumber = this.rowsRead + 2; // the header is row 1, as a spreadsheet shows it
    if (this.rowsRead + 1 > this.#limits.maxRows) throw invalid(`more than ${this.#limits.maxRows} rows`);
    const width = this.#headers.length;
    for (; this.#pendingEmpty > 0; this.#pendingEmpty -= 1) this.#rows.push(new Array<string>(width).fill(''));
    const row = Array.from({ length: width }, (_, i) => cells[i] ?? '');
    this.#checkCells(row, rowNumber);
    this.#rows.push(row);
  }

  finish(): Table {
    if (this.#headers === null) throw invalid('the file has no header row');
    return { headers: this.#headers, rows: this.#rows };
  }

  #header(cells: readonly string[]): string[] {
    if (cells.length > this.#limits.maxColumns) throw invalid(`more than ${this.#limits.maxColumns} columns`);
    const headers = [...cells];
    headers[0] = headers[0]!.replace(/^\uFEFF/, '');
    this.#checkCells(headers, 1);
    return headers;
  }

  #checkCells(cells: readonly string[], rowNumber: number): void {
    if (cells.some((cell) => cell.length > this.#limits.maxCellChars)) throw invalid(`a cell in row ${rowNumber} is longer than ${this.#limits.maxCellChars} characters`);
  }
}

const invalid = (detail: string) => new AppError('import-invalid', { detail });

/** Lets timers, IPC and a cancel get through during a long read. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface TableReadOptions {
  /** Called every 1000 rows and at the end, with the rows after the header read so far. */
  onProgress?(rowsRead: number): void;
  signal?: AbortSignal;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled');
}

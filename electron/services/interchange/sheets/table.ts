/** A spreadsheet read into text: the header row and the data rows, every row as long as the header. */
export interface Table {
  headers: string[];
  rows: string[][];
  /** Each row's number as the spreadsheet shows it (blank rows are dropped but still count). */
  rowNumbers: number[];
}

/** Beyond these a file is refused as a whole (a register of 100,000 incidents fits comfortably). */
export const TABLE_LIMITS = { maxRows: 200_000, maxColumns: 200, maxCellChars: 50_000 };

export interface ReadProgress {
  onProgress?(rowsRead: number): void;
  signal?: AbortSignal;
}

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

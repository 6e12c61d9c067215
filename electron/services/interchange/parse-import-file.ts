import { readFileSync, statSync } from 'node:fs';
import type { TextEncodingChoice } from '../../../shared/domain/table-import.ts';
import { AppError } from '../../errors/app-error.ts';
import { decodeJsonText } from './decode-json-text.ts';
import { readJsonValue, type JsonRead } from './json-text.ts';
import { readCsv } from './sheets/csv-read.ts';
import type { Table } from './sheets/table.ts';
import { readXlsx } from './sheets/xlsx-read.ts';

/** Files beyond this are refused before they are read into memory. */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 ** 2;

export type ParseFormat = 'json' | 'csv' | 'xlsx';

/** What to read: a file the user chose, its format (from the name) and, for CSV, the text encoding. */
export interface ParseRequest {
  path: string;
  format: ParseFormat;
  encoding?: TextEncodingChoice;
}

/** A file read into values: JSON as a value (not yet checked), spreadsheets as a table of text. */
export type ParsedFile = { format: 'json'; json: JsonRead } | { format: 'csv' | 'xlsx'; table: Table };

function readBytes(path: string): Buffer {
  try {
    const size = statSync(path).size;
    if (size > MAX_IMPORT_FILE_BYTES) throw new AppError('import-too-large', { detail: `${size} bytes, limit ${MAX_IMPORT_FILE_BYTES}` });
    return readFileSync(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('io-error', { detail: 'the file cannot be read', cause: error });
  }
}

/**
 * Reads, decodes and parses an import file: everything that depends on the file's bytes alone. It runs in the
 * isolated parsing process (isolation/parse-worker.ts), never in the app's main process; checking the values
 * against the store and writing stay in main (import-file.ts).
 */
export async function parseImportFile(request: ParseRequest, onRows?: (rows: number) => void): Promise<ParsedFile> {
  const bytes = readBytes(request.path);
  switch (request.format) {
    case 'json':
      return { format: 'json', json: readJsonValue(decodeJsonText(bytes)) };
    case 'csv':
      return { format: 'csv', table: await readCsv(bytes, { encoding: request.encoding, onProgress: onRows }) };
    case 'xlsx':
      return { format: 'xlsx', table: await readXlsx(bytes, { onProgress: onRows }) };
  }
}

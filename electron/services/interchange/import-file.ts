import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { ColumnMapping, ImportMode, ImportReport, TableKind, TextEncodingChoice } from '../../../shared/domain/table-import.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { importInBatches } from './batched-import.ts';
import { decodeJsonText } from './decode-json-text.ts';
import { ImportRejected, parseInterchange } from './json-import.ts';
import { registerHeaderNames, registerTableToRecords } from './register-rows.ts';
import { tableToRecords, suggestMapping } from './table-rows.ts';
import { readCsv } from './sheets/csv-read.ts';
import type { Table } from './sheets/table.ts';
import { readXlsx } from './sheets/xlsx-read.ts';

export const importFormats = ['json', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Files beyond this are refused before they are read into memory. */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 ** 2;
const REPORTED_ISSUES = 500;

export function importFormatOf(path: string): ImportFormat {
  const format = extname(path).slice(1).toLowerCase();
  if ((importFormats as readonly string[]).includes(format)) return format as ImportFormat;
  throw new AppError('invalid-input', { detail: 'import takes a .json, .csv or .xlsx file' });
}

export interface ImportRequest {
  path: string;
  /** Spreadsheets only: how the text is encoded (CSV) and which column holds which field; no mapping = preview. */
  encoding?: TextEncodingChoice;
  mapping?: ColumnMapping | null;
  /** Spreadsheets only: rows are incidents (default) or the letters of an existing register. */
  kind?: TableKind;
  mode: ImportMode;
  /** Spreadsheets: the user confirmed the listed emptyings of stored values (without it, such an import writes nothing). */
  allowEmpty?: boolean;
}

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportObserver {
  onProgress?(phase: ImportPhase, done: number, total: number): void;
  signal?: AbortSignal;
}

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

const emptyReport = (): ImportReport => ({ headers: [], sample: [], rowCount: 0, suggestedMapping: {}, validRows: 0, invalidRows: 0, issueCount: 0, rowIssues: [], pathIssues: [], wouldEmpty: [], wouldEmptyCount: 0, notApplied: [], counts: null });

/**
 * Reads, checks and (unless only checking) imports one file. Problems in the file come back in the report,
 * with nothing written when any record is invalid — unless a spreadsheet import asks for the valid rows only.
 * Failures of the file as a whole (unreadable, wrong encoding, too large, cancelled) are thrown.
 */
export async function importFile(db: Db, request: ImportRequest, actor: string, observer: ImportObserver = {}): Promise<ImportReport> {
  const format = importFormatOf(request.path);
  const bytes = readBytes(request.path);
  const report = emptyReport();
  const write = async (records: Parameters<typeof importInBatches>[1]) =>
    importInBatches(db, records, actor, { signal: observer.signal, onProgress: (done, total) => observer.onProgress?.('writing', done, total) });

  if (format === 'json') {
    observer.onProgress?.('checking', 0, 1);
    try {
      const parsed = parseInterchange(db, decodeJsonText(bytes));
      report.validRows = parsed.places.length + parsed.persons.length + parsed.incidents.length;
      if (request.mode !== 'check') report.counts = await write(parsed);
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      report.issueCount = error.issues.length;
      report.pathIssues = error.issues.slice(0, REPORTED_ISSUES);
    }
    return report;
  }

  const onRows = (rows: number) => observer.onProgress?.('reading', rows, 0);
  const table: Table = format === 'csv' ? await readCsv(bytes, { encoding: request.encoding, onProgress: onRows, signal: observer.signal }) : await readXlsx(bytes, { onProgress: onRows, signal: observer.signal });
  Object.assign(report, { headers: table.headers, sample: table.rows.slice(0, 5), rowCount: table.rows.length, suggestedMapping: request.kind === 'letters' ? suggestMapping(table.headers, registerHeaderNames) : suggestMapping(table.headers) });
  if (!request.mapping) return report;

  observer.onProgress?.('checking', 0, table.rows.length);
  const records = request.kind === 'letters' ? registerTableToRecords(db, table, request.mapping) : tableToRecords(db, table, request.mapping, { formulaEscaped: format === 'csv' });
  const wouldEmpty = records.wouldEmpty ?? [];
  Object.assign(report, {
    validRows: records.validRows,
    invalidRows: records.invalidRows,
    issueCount: records.issues.length,
    rowIssues: records.issues.slice(0, REPORTED_ISSUES),
    wouldEmpty: wouldEmpty.slice(0, REPORTED_ISSUES),
    wouldEmptyCount: wouldEmpty.length,
    notApplied: (records.notApplied ?? []).slice(0, REPORTED_ISSUES),
  });
  observer.onProgress?.('checking', table.rows.length, table.rows.length);
  // Blank cells that would erase stored values are shown first; only a confirmed import writes them.
  const confirmed = wouldEmpty.length === 0 || request.allowEmpty === true;
  const writable = confirmed && (request.mode === 'valid-rows-only' || (request.mode === 'all-or-nothing' && records.invalidRows === 0));
  if (writable && records.incidents.length + (records.letters?.length ?? 0) > 0) report.counts = await write(records);
  return report;
}

import { extname } from 'node:path';
import type { ColumnMapping, ImportMode, ImportReport, TableKind, TextEncodingChoice } from '../../../shared/domain/table-import.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { importInBatches, type AfterBatch } from './batched-import.ts';
import { checkInterchange, ImportRejected } from './json-import.ts';
import { registerHeaderNames, registerTableToRecords } from './register-rows.ts';
import { tableToRecords, suggestIncidentMapping, suggestMapping } from './table-rows.ts';
import type { Table } from './sheets/table.ts';
import type { ParseHost } from '../isolation/parse-host.ts';
import { forkParseHost } from '../isolation/node-parse-host.ts';

export const importFormats = ['json', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

export { MAX_IMPORT_FILE_BYTES } from './parse-import-file.ts';
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
  /** Where the file is read and parsed; by default a forked Node process (the Electron app passes its utility process). */
  parser?: ParseHost;
  /** Tests only: awaited after each written batch (see ImportProgress.afterBatch). */
  afterBatch?: AfterBatch;
}

/** Made on first use: plain-Node callers (the CLI, tests, scripts) parse in a forked process with the default heap cap. */
let defaultParser: ParseHost | null = null;

const emptyReport = (): ImportReport => ({ headers: [], sample: [], rowCount: 0, suggestedMapping: {}, validRows: 0, invalidRows: 0, issueCount: 0, rowIssues: [], pathIssues: [], wouldEmpty: [], wouldEmptyCount: 0, notApplied: [], counts: null });

/**
 * Reads, checks and (unless only checking) imports one file. Problems in the file come back in the report,
 * with nothing written when any record is invalid — unless a spreadsheet import asks for the valid rows only.
 * Failures of the file as a whole (unreadable, wrong encoding, too large, cancelled) are thrown.
 */
export async function importFile(db: Db, request: ImportRequest, actor: string, observer: ImportObserver = {}): Promise<ImportReport> {
  const format = importFormatOf(request.path);
  // The file is read, decoded and parsed in another process; only its values come back to be checked and written.
  const parser = observer.parser ?? (defaultParser ??= forkParseHost());
  const parsed = await parser.parse({ path: request.path, format, encoding: request.encoding }, { signal: observer.signal, onProgress: (rows) => observer.onProgress?.('reading', rows, 0) });
  const report = emptyReport();
  const write = async (records: Parameters<typeof importInBatches>[1]) =>
    importInBatches(db, records, actor, { signal: observer.signal, afterBatch: observer.afterBatch, onProgress: (done, total) => observer.onProgress?.('writing', done, total) });

  if (parsed.format === 'json') {
    observer.onProgress?.('checking', 0, 1);
    try {
      const records = checkInterchange(db, parsed.json);
      report.validRows = records.places.length + records.persons.length + records.incidents.length;
      if (request.mode !== 'check') report.counts = await write(records);
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      report.issueCount = error.issues.length;
      report.pathIssues = error.issues.slice(0, REPORTED_ISSUES);
    }
    return report;
  }

  const table: Table = parsed.table;
  Object.assign(report, { headers: table.headers, sample: table.rows.slice(0, 5), rowCount: table.rows.length, suggestedMapping: request.kind === 'letters' ? suggestMapping(table.headers, registerHeaderNames) : suggestIncidentMapping(table.headers) });
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

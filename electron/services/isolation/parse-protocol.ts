import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import type { ParsedFile, ParseRequest } from '../interchange/parse-import-file.ts';

/** What main asks the parsing process: one file, then the process is ended. */
export interface ParseCommand {
  type: 'parse';
  request: ParseRequest;
}

/** What the parsing process answers: progress (rows read so far), then either the parsed file or a failure. */
export type ParseReply = { type: 'progress'; rows: number } | { type: 'parsed'; file: ParsedFile } | { type: 'failed'; error: AppErrorValue };

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * A parsed file's shape, checked in full: main indexes tables by row and column, so a table that is not one (from
 * a reader bug, or a parsing process an exploit took over) must be refused here rather than crash or mislead main.
 * JSON values are checked against the interchange schema afterwards anyway.
 */
function isParsedFile(file: unknown): boolean {
  if (typeof file !== 'object' || file === null || !('format' in file)) return false;
  if (file.format === 'json') {
    if (!('json' in file) || typeof file.json !== 'object' || file.json === null) return false;
    const read = file.json;
    if ('value' in read) return true;
    return 'issue' in read && typeof read.issue === 'object' && read.issue !== null && ['path', 'problem', 'message'].every((key) => typeof (read.issue as Record<string, unknown>)[key] === 'string');
  }
  if ((file.format !== 'csv' && file.format !== 'xlsx') || !('table' in file) || typeof file.table !== 'object' || file.table === null) return false;
  const { headers, rows, rowNumbers } = file.table as Record<string, unknown>;
  if (!isStrings(headers) || !Array.isArray(rows) || !Array.isArray(rowNumbers) || rows.length !== rowNumbers.length) return false;
  return rows.every((row) => isStrings(row) && row.length === headers.length) && rowNumbers.every((n) => Number.isInteger(n) && n > 0);
}

/** Messages come from another process: their shape is checked before they are believed. */
export function isParseReply(message: unknown): message is ParseReply {
  if (typeof message !== 'object' || message === null || !('type' in message)) return false;
  switch (message.type) {
    case 'progress':
      return 'rows' in message && typeof message.rows === 'number';
    case 'parsed':
      return 'file' in message && isParsedFile(message.file);
    case 'failed':
      return 'error' in message && typeof message.error === 'object' && message.error !== null;
    default:
      return false;
  }
}

import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import type { ParsedFile, ParseRequest } from '../interchange/parse-import-file.ts';

/** What main asks the parsing process: one file, then the process is ended. */
export interface ParseCommand {
  type: 'parse';
  request: ParseRequest;
}

/** What the parsing process answers: progress (rows read so far), then either the parsed file or a failure. */
export type ParseReply = { type: 'progress'; rows: number } | { type: 'parsed'; file: ParsedFile } | { type: 'failed'; error: AppErrorValue };

/** Messages come from another process: their shape is checked before they are believed. */
export function isParseReply(message: unknown): message is ParseReply {
  if (typeof message !== 'object' || message === null || !('type' in message)) return false;
  switch (message.type) {
    case 'progress':
      return 'rows' in message && typeof message.rows === 'number';
    case 'parsed':
      return 'file' in message && typeof message.file === 'object' && message.file !== null;
    case 'failed':
      return 'error' in message && typeof message.error === 'object' && message.error !== null;
    default:
      return false;
  }
}

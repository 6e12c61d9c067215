import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { TextEncodingChoice } from '../../../../shared/domain/table-import.ts';
import { AppError } from '../../../errors/app-error.ts';
import { decodeText } from './decode-text.ts';
import { nextTurn, TABLE_LIMITS, TableBuilder, throwIfCancelled, type Table, type TableReadOptions } from './table.ts';

const DELIMITERS = [',', ';', '\t'] as const;
const SLICE_CHARS = 64 * 1024;
const PROGRESS_EVERY = 1000;
const YIELD_EVERY = 2000;

/**
 * The delimiter that occurs most often outside quotes in the header line (the first non-blank one): Russian
 * Excel saves CSV with ";", most other programs with ",", some with tabs. A tie or a one-column file means ",".
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let started = false;
  for (let i = 0; i < Math.min(text.length, SLICE_CHARS); i += 1) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch !== '\n' && ch !== '\r' && ch !== '\uFEFF') started = true;
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** The text in slices that never cut a surrogate pair (an emoji) in two, so each slice is valid UTF-16. */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SLICE_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** Line breaks inside a row's quoted cells, so the next row's first line is known for error messages. */
function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) count += cell.match(/\r\n|\r|\n/g)!.length;
  return count;
}

/** A malformed file in words, with a line number and never a cell's content (csv-parse's messages quote cells). */
function malformed(error: CsvError, rowLine: number): AppError {
  const at = (line: number | undefined, reason: string) => new AppError('import-invalid', { detail: `CSV: line ${line ?? rowLine}: ${reason}`, cause: error });
  const { lines } = error as CsvError & { lines?: number };
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // csv-parse reports the end of the file; the row where the quote was opened is what the user must fix.
      return at(rowLine, 'a quoted cell is never closed');
    case 'CSV_MAX_RECORD_SIZE':
      return at(rowLine, `the row is longer than ${TABLE_LIMITS.maxColumns * TABLE_LIMITS.maxCellChars} characters (an unclosed quote?)`);
    default:
      return at(lines, `malformed (${error.code})`);
  }
}

/**
 * Reads a CSV file (RFC 4180 quoting, CRLF, LF or CR line ends, "," ";" or tab) into a Table. The text is fed to
 * the parser in slices and the event loop gets a turn every 2000 rows, so a 100,000-row file neither blocks the
 * main process nor ignores a cancel for long. Quotes inside an unquoted cell (КПП "Фотех") are taken literally,
 * as Excel does; a quote that is opened and never closed is an error.
 */
export async function readCsv(bytes: Uint8Array, options: TableReadOptions & { encoding?: TextEncodingChoice } = {}): Promise<Table> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  const text = decodeText(bytes, options.encoding ?? 'auto');
  const source = Readable.from(slices(text));
  // Where the row the parser is on starts. Tracked as the parser emits rows (not as they are consumed), because
  // rows buffered ahead of the consumer are discarded when the parser fails.
  let line = 1;
  const parser = source.pipe(
    parse({
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Bounds the parser's buffer when a quote is never closed or the delimiter is wrong.
      max_record_size: TABLE_LIMITS.maxColumns * TABLE_LIMITS.maxCellChars,
      on_record: (cells: string[]) => {
        line += 1 + lineBreaks(cells);
        return cells;
      },
    }),
  );
  const table = new TableBuilder();
  let records = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      throwIfCancelled(signal);
      table.add(cells);
      records += 1;
      if (table.width !== null && table.rowsRead > 0 && table.rowsRead % PROGRESS_EVERY === 0) onProgress?.(table.rowsRead);
      if (records % YIELD_EVERY === 0) {
        await nextTurn();
        throwIfCancelled(signal);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw malformed(error, line);
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
  const result = table.finish();
  onProgress?.(result.rows.length);
  return result;
}

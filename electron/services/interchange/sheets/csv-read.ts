import { parse } from 'csv-parse';
import type { TextEncodingChoice } from '../../../../shared/domain/table-import.ts';
import { AppError } from '../../../errors/app-error.ts';
import { decodeText } from './decode-text.ts';
import { nextTurn, type ReadProgress, type Table } from './table.ts';
import { RowCollector, toTable } from './to-table.ts';

const SLICE = 256 * 1024;

/**
 * Russian Excel saves CSV with ";", others with "," or tabs: the header line decides, counting only outside quotes
 * (a header "Место, город" does not make a comma file).
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  return Object.entries(counts).reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * Reads a CSV file (RFC 4180 quoting, CRLF or LF) in slices, yielding to the event loop between them so the
 * window stays responsive and a cancel is seen; a malformed file is refused with its line number.
 */
export async function readCsv(bytes: Uint8Array, options: ReadProgress & { encoding?: TextEncodingChoice } = {}): Promise<Table> {
  const text = decodeText(bytes, options.encoding);
  const rows = new RowCollector('CSV');
  let recordNumber = 0;
  const parser = parse({ delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false });
  let failure: unknown = null;
  let settle = () => {};
  const ended = new Promise<void>((resolve) => (settle = resolve));
  parser.on('end', () => settle());
  parser.on('error', (error) => {
    failure ??= error;
    settle();
  });
  parser.on('readable', () => {
    try {
      // Blank records are counted (row numbers stay those the user sees) but not kept.
      for (let record: string[] | null; (record = parser.read() as string[] | null) !== null; ) rows.add({ number: (recordNumber += 1), cells: record });
    } catch (error) {
      failure ??= error;
      parser.destroy();
      settle();
    }
  });
  for (let start = 0; start < text.length && !failure; ) {
    if (options.signal?.aborted) {
      parser.destroy();
      throw new AppError('cancelled');
    }
    // Never cut a surrogate pair (an emoji) in two.
    let end = Math.min(start + SLICE, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end += 1;
    parser.write(text.slice(start, end));
    start = end;
    options.onProgress?.(rows.rows.length);
    await nextTurn();
  }
  if (!failure) parser.end();
  await ended;
  if (failure instanceof AppError) throw failure;
  if (failure) {
    const line = (failure as { lines?: number }).lines;
    const reason = (failure as { code?: string }).code ?? 'malformed';
    throw new AppError('import-invalid', { detail: `CSV: line ${line ?? '?'}: ${reason}`, cause: failure });
  }
  options.onProgress?.(rows.rows.length);
  return toTable(rows.rows, 'CSV');
}

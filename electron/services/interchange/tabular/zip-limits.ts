import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../errors/app-error.ts';

/**
 * An XLSX register of 100,000 rows inflates to some tens of MiB; these leave room and stop zip bombs. The ratio
 * applies to entries over 1 MiB only: tiny XML parts compress far better than 100:1 and are harmless.
 */
export const ZIP_LIMITS = { maxEntries: 2000, maxTotalUncompressed: 200 * 1024 ** 2, maxEntryUncompressed: 100 * 1024 ** 2, maxRatio: 100 };
export type ZipLimits = typeof ZIP_LIMITS;
const RATIO_FROM_BYTES = 1024 ** 2;

const notXlsx = (cause?: unknown) => new AppError('import-invalid', { detail: 'not an XLSX file (damaged or not a zip archive)', cause });
const tooLarge = (what: string, cause?: unknown) => new AppError('import-too-large', { detail: `XLSX: ${what}`, cause });

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    // validateEntrySizes: yauzl fails the stream of an entry that inflates to more (or less) than it declares.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => (error || !zip ? reject(notXlsx(error)) : resolve(zip))),
  );
}

/** The central directory, read without inflating anything; stops as soon as there are too many entries. */
function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > limits.maxEntries) reject(tooLarge(`more than ${limits.maxEntries} entries`));
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error) => reject(notXlsx(error)));
    zip.readEntry();
  });
}

/** Refuses on the sizes the directory declares, before a single byte is inflated. */
function checkDeclared(entries: readonly Entry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryUncompressed) throw tooLarge(`an entry declares more than ${limits.maxEntryUncompressed} bytes`);
    if (entry.uncompressedSize > RATIO_FROM_BYTES && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw tooLarge(`an entry is compressed more than ${limits.maxRatio}:1`);
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalUncompressed) throw tooLarge(`the entries declare more than ${limits.maxTotalUncompressed} bytes in all`);
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(notXlsx(error)) : resolve(stream))));
}

/**
 * Inflates one entry into nothing, counting, and stops at the first chunk that goes past its declared size or
 * the limits: a directory that lies is caught as it lies, with at most one chunk inflated beyond the limit.
 * Returns the running total over all entries.
 */
async function drain(zip: ZipFile, entry: Entry, totalSoFar: number, limits: ZipLimits): Promise<number> {
  const stream = await openEntry(zip, entry);
  const allowed = Math.min(entry.uncompressedSize, limits.maxEntryUncompressed);
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > allowed) throw tooLarge('an entry inflates beyond its declared size');
      if (totalSoFar + size > limits.maxTotalUncompressed) throw tooLarge(`the entries inflate to more than ${limits.maxTotalUncompressed} bytes in all`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // yauzl's own size check ("too many bytes in the stream") fires before ours on the same chunk.
    if (error instanceof Error && /too many bytes/.test(error.message)) throw tooLarge('an entry inflates beyond its declared size', error);
    throw notXlsx(error);
  } finally {
    stream.destroy();
  }
  return totalSoFar + size;
}

/**
 * Checks an XLSX (a zip archive) before a spreadsheet library inflates it in memory: first from the central
 * directory alone — entry count, each entry's and the total declared size, the compression ratio — and then by
 * inflating each entry as a stream with its declared size enforced.
 */
export async function checkZipLimits(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) throw tooLarge(`more than ${limits.maxEntries} entries`);
    const entries = await readDirectory(zip, limits);
    checkDeclared(entries, limits);
    let total = 0;
    for (const entry of entries) if (!entry.fileName.endsWith('/')) total = await drain(zip, entry, total, limits);
  } finally {
    zip.close();
  }
}

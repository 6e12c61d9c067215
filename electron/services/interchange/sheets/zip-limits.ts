import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../errors/app-error.ts';

/** An XLSX register of 100,000 rows inflates to some tens of MiB; these leave room and stop zip bombs. */
export const ZIP_LIMITS = { maxEntries: 2000, maxEntryUncompressed: 100 * 1024 ** 2, maxTotalUncompressed: 200 * 1024 ** 2, maxRatio: 100 };
export type ZipLimits = typeof ZIP_LIMITS;

const notXlsx = (cause?: unknown) => new AppError('import-invalid', { detail: 'not an XLSX file (damaged or not a zip archive)', cause });
const tooLarge = (what: string) => new AppError('import-too-large', { detail: `XLSX: ${what}` });

/** An archive that passed its limits: its parts by name, each inflated again on demand (never all at once). */
export interface CheckedZip {
  has(name: string): boolean;
  /** Streams one part's inflated bytes to `sink`, chunk by chunk. */
  read(name: string, sink: (chunk: Buffer) => void): Promise<void>;
  close(): void;
}

function open(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => (error || !zip ? reject(notXlsx(error)) : resolve(zip))),
  );
}

function entries(zip: ZipFile, limits: ZipLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const found: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      found.push(entry);
      if (found.length > limits.maxEntries) return reject(tooLarge(`more than ${limits.maxEntries} entries`));
      zip.readEntry();
    });
    zip.on('end', () => resolve(found));
    zip.on('error', (error) => reject(notXlsx(error)));
    zip.readEntry();
  });
}

/** Inflates one entry into `sink`; yauzl stops the stream when it outgrows the size it declared. */
function inflate(zip: ZipFile, entry: Entry, sink: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(notXlsx(error));
      stream.on('data', (chunk: Buffer) => {
        try {
          sink(chunk);
        } catch (sinkError) {
          stream.destroy();
          reject(sinkError);
        }
      });
      stream.on('end', () => resolve());
      stream.on('error', (streamError) => reject(/too many bytes|too few bytes/.test(streamError.message) ? tooLarge('an entry inflates beyond its declared size') : notXlsx(streamError)));
    }),
  );
}

/**
 * Checks an XLSX (a zip archive) before it is parsed: first from the central directory alone — entry count, each
 * entry's and the total declared size, the compression ratio — refusing before a single byte is inflated; then by
 * inflating each entry with its declared size enforced, so a directory that lies is caught as it lies. The caller
 * reads the parts it needs from the result and closes it.
 */
export async function checkZipLimits(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<CheckedZip> {
  const zip = await open(bytes);
  try {
    const list = await entries(zip, limits);
    let total = 0;
    const byName = new Map<string, Entry>();
    for (const entry of list) {
      if (entry.uncompressedSize > limits.maxEntryUncompressed) throw tooLarge(`an entry declares more than ${limits.maxEntryUncompressed} bytes`);
      if (entry.uncompressedSize > 1024 ** 2 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
        throw tooLarge(`compression ratio above ${limits.maxRatio}`);
      }
      total += entry.uncompressedSize;
      // Two parts under one name would let different readers see different workbooks.
      if (byName.has(entry.fileName)) throw new AppError('import-invalid', { detail: 'XLSX: two parts have the same name' });
      byName.set(entry.fileName, entry);
    }
    if (total > limits.maxTotalUncompressed) throw tooLarge(`more than ${limits.maxTotalUncompressed} bytes in all`);
    for (const entry of list) if (!entry.fileName.endsWith('/')) await inflate(zip, entry, () => undefined);
    return {
      has: (name) => byName.has(name),
      read: (name, sink) => {
        const entry = byName.get(name);
        return entry ? inflate(zip, entry, sink) : Promise.reject(new AppError('import-invalid', { detail: 'XLSX: a part the workbook names is missing' }));
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import { fsyncDirectory } from '../../store/atomic-write.ts';
import { checkpointAfterLargeWrite } from '../../store/checkpoint.ts';
import type { Db } from '../../store/open.ts';
import { chunkWriter, completeFile, deleteIncompleteFiles, fileChunk, fileChunks, type ChunkedFileKind } from '../../store/repositories/chunked-file-repository.ts';
import { inTransaction } from '../../store/transaction.ts';

export const CHUNK_BYTES = 1 << 20;
/** Chunks per transaction: keeps the WAL small for a 2 GiB video instead of one 2 GiB transaction. */
const CHUNKS_PER_COMMIT = 16;

/** Where the bytes come from: `read` fills `buffer` from `position` and returns how many bytes it read (0 at the end). */
export interface ByteSource {
  size: number;
  read(buffer: Buffer, position: number): number;
}

export const fileSource = (fd: number, size: number): ByteSource => ({ size, read: (buffer, position) => readSync(fd, buffer, 0, buffer.length, position) });
export const bufferSource = (bytes: Buffer): ByteSource => ({ size: bytes.length, read: (buffer, position) => bytes.copy(buffer, 0, position, position + buffer.length) });
/** A file already in the store (its chunks all CHUNK_BYTES long but the last), read at any position. */
export function storedSource(db: Db, kind: ChunkedFileKind, id: string, size: number): ByteSource {
  return {
    size,
    read(buffer, position) {
      let filled = 0;
      while (filled < buffer.length && position + filled < size) {
        const at = position + filled;
        const chunk = fileChunk(db, kind, id, Math.floor(at / CHUNK_BYTES));
        const copied = chunk ? chunk.copy(buffer, filled, at % CHUNK_BYTES) : 0;
        if (copied === 0) break;
        filled += copied;
      }
      return filled;
    },
  };
}

/**
 * Streams bytes into the store behind a row already inserted as incomplete: 1 MiB chunks committed in batches while
 * the SHA-256 is computed; then `complete` runs in the same transaction that marks the row complete (the caller's
 * audit row goes there). Any failure removes what was written. Returns the SHA-256.
 */
export function streamIn(db: Db, kind: ChunkedFileKind, id: string, source: ByteSource, complete: (sha256: string) => void): string {
  try {
    const write = chunkWriter(db, kind, id);
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(source.size, 1)));
    let seq = 0;
    let total = 0;
    let read = source.read(buffer, 0);
    while (read > 0) {
      inTransaction(db, () => {
        for (let n = 0; n < CHUNKS_PER_COMMIT && read > 0; n += 1) {
          const chunk = buffer.subarray(0, read);
          hash.update(chunk);
          write(seq, chunk);
          seq += 1;
          total += read;
          read = source.read(buffer, total);
        }
      });
    }
    if (total !== source.size) throw new AppError('io-error', { detail: 'the file changed while it was read' });
    const sha256 = hash.digest('hex');
    inTransaction(db, () => {
      completeFile(db, kind, id, sha256);
      complete(sha256);
    });
    checkpointAfterLargeWrite(db);
    return sha256;
  } catch (error) {
    deleteIncompleteFiles(db, kind, id);
    throw error;
  }
}

/**
 * Writes a small file made here (a registered letter's PDF or DOCX) behind its incomplete row and marks it complete,
 * with no transaction of its own: the caller's transaction makes the file count together with everything it
 * belongs to, or not at all. Returns the SHA-256.
 */
export function storeWithin(db: Db, kind: ChunkedFileKind, id: string, bytes: Buffer): string {
  if (!db.inTransaction) throw new Error('storeWithin must run inside the caller\'s transaction');
  const write = chunkWriter(db, kind, id);
  for (let offset = 0, seq = 0; offset < bytes.length; offset += CHUNK_BYTES, seq += 1) write(seq, bytes.subarray(offset, offset + CHUNK_BYTES));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  completeFile(db, kind, id, sha256);
  return sha256;
}

/**
 * Writes a stored file out to a path the user chose, re-hashing as it goes; the file appears under its name only
 * when its SHA-256 matches the one recorded at intake, otherwise nothing is left and `evidence-damaged` is thrown.
 */
export function streamOut(db: Db, kind: ChunkedFileKind, id: string, expectedSha256: string, outPath: string): void {
  const temp = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    try {
      for (const chunk of fileChunks(db, kind, id)) {
        hash.update(chunk);
        for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written, chunk.length - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (hash.digest('hex') !== expectedSha256) throw new AppError('evidence-damaged');
    renameSync(temp, outPath);
    fsyncDirectory(dirname(outPath));
  } finally {
    rmSync(temp, { force: true });
  }
}

/** A stored file whole, checked against its SHA-256 (for small files only: previews, generated letters). */
export function readWhole(db: Db, kind: ChunkedFileKind, id: string, expectedSha256: string): Buffer {
  const bytes = Buffer.concat([...fileChunks(db, kind, id)]);
  if (createHash('sha256').update(bytes).digest('hex') !== expectedSha256) throw new AppError('evidence-damaged');
  return bytes;
}

/** Files are taken only from absolute paths of regular files (not folders, devices or pipes). */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import { fsyncDirectory } from '../../store/atomic-write.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Db } from '../../store/open.ts';
import { incidentExists } from '../../store/repositories/incident-repository.ts';
import { chunkWriter, completeEvidence, deleteIncompleteEvidence, evidenceChunks, getEvidence, insertIncompleteEvidence, type EvidenceRecord } from '../../store/repositories/evidence-repository.ts';
import { imageDimensions, sniffMediaType } from './sniff.ts';

export const CHUNK_BYTES = 1 << 20;
/** Chunks per transaction: keeps the WAL small for a 2 GiB video instead of one 2 GiB transaction. */
const CHUNKS_PER_COMMIT = 16;
export const DEFAULT_LIMITS = { maxBytes: 2 * 1024 ** 3, maxPixels: 100_000_000 };
export type EvidenceLimits = typeof DEFAULT_LIMITS;

/**
 * Takes a file into the store: limits are checked from the size and the image header before any byte is stored,
 * then the file streams in 1 MiB chunks, committed in batches, while its SHA-256 is computed; the evidence row
 * (with who and when: the chain of custody) counts only when the last batch marks it complete together with its
 * audit row. A failure removes what was written; a crash leaves an incomplete row that unlock removes. The file
 * is never held whole in memory and nothing of it is written anywhere but the store.
 */
export function addEvidence(db: Db, input: { incidentId: string; path: string; actor: string; limits?: EvidenceLimits; now?: Date }): EvidenceRecord {
  const limits = input.limits ?? DEFAULT_LIMITS;
  if (!incidentExists(db, input.incidentId)) throw new AppError('not-found', { detail: 'incident' });
  let fd: number;
  try {
    fd = openSync(input.path, 'r');
  } catch (error) {
    throw new AppError('io-error', { detail: 'the evidence file cannot be read', cause: error });
  }
  try {
    const size = fstatSync(fd).size;
    if (size > limits.maxBytes) throw new AppError('evidence-too-large', { detail: `${size} bytes, limit ${limits.maxBytes}` });
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const headLength = readSync(fd, buffer, 0, CHUNK_BYTES, 0);
    const head = buffer.subarray(0, headLength);
    const mediaType = sniffMediaType(head);
    const dimensions = mediaType.startsWith('image/') ? imageDimensions(head) : null;
    if (dimensions && dimensions.width * dimensions.height > limits.maxPixels) {
      throw new AppError('image-too-large', { detail: `${dimensions.width}×${dimensions.height} pixels` });
    }
    const record: EvidenceRecord = {
      id: randomUUID(),
      incidentId: input.incidentId,
      fileName: basename(input.path).slice(0, 255),
      mediaType,
      size,
      sha256: '',
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      addedBy: input.actor,
      addedAt: (input.now ?? new Date()).toISOString(),
    };
    insertIncompleteEvidence(db, record);
    try {
      const write = chunkWriter(db, record.id);
      const hash = createHash('sha256');
      let seq = 0;
      let total = 0;
      let read = headLength;
      while (read > 0) {
        db.transaction(() => {
          for (let n = 0; n < CHUNKS_PER_COMMIT && read > 0; n += 1) {
            const chunk = buffer.subarray(0, read);
            hash.update(chunk);
            write(seq, chunk);
            seq += 1;
            total += read;
            read = readSync(fd, buffer, 0, CHUNK_BYTES, total);
          }
        })();
      }
      if (total !== size) throw new AppError('io-error', { detail: 'the file changed while it was read' });
      record.sha256 = hash.digest('hex');
      db.transaction(() => {
        completeEvidence(db, record.id, record.sha256);
        appendAudit(db, { actor: input.actor, action: 'evidence.add', entity: 'evidence', entityId: record.id, after: { ...record } });
      })();
      return record;
    } catch (error) {
      deleteIncompleteEvidence(db, record.id);
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes an evidence file out (to a path the user chose), re-hashing as it goes; the file appears under its name
 * only when its SHA-256 matches the one recorded at intake, otherwise nothing is left and `evidence-damaged` is thrown.
 */
export function exportEvidence(db: Db, id: string, outPath: string, actor: string): EvidenceRecord {
  const record = getEvidence(db, id);
  if (!record) throw new AppError('not-found', { detail: 'evidence' });
  const temp = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    try {
      for (const chunk of evidenceChunks(db, id)) {
        hash.update(chunk);
        for (let written = 0; written < chunk.length; ) written += writeSync(fd, chunk, written, chunk.length - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (hash.digest('hex') !== record.sha256) throw new AppError('evidence-damaged');
    renameSync(temp, outPath);
    fsyncDirectory(dirname(outPath));
    appendAudit(db, { actor, action: 'evidence.export', entity: 'evidence', entityId: id });
    return record;
  } finally {
    rmSync(temp, { force: true });
  }
}

import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Db } from '../../store/open.ts';
import { incidentExists } from '../../store/repositories/incident-repository.ts';
import { getEvidence, insertIncompleteEvidence, type EvidenceRecord } from '../../store/repositories/evidence-repository.ts';
import { CHUNK_BYTES, fileSource, streamIn, streamOut } from '../files/chunked-files.ts';
import { measureImage } from './image-dimensions.ts';
import { sniffMediaType } from './sniff.ts';

export const DEFAULT_LIMITS = { maxBytes: 2 * 1024 ** 3, maxPixels: 100_000_000 };
export type EvidenceLimits = typeof DEFAULT_LIMITS;

/**
 * Takes a file into the store: limits are checked from the size and the image headers before any byte is stored,
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
    // The image's size from its headers wherever they lie in the file (not only its first MiB); unknown is refused.
    const dimensions = measureImage(mediaType, fileSource(fd, size));
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
    // The first chunk was read for the checks above; the stream reads it again (cheap, and keeps one code path).
    record.sha256 = streamIn(db, 'evidence', record.id, fileSource(fd, size), (sha256) =>
      appendAudit(db, { actor: input.actor, action: 'evidence.add', entity: 'evidence', entityId: record.id, after: { ...record, sha256 } }),
    );
    return record;
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
  streamOut(db, 'evidence', id, record.sha256, outPath);
  appendAudit(db, { actor, action: 'evidence.export', entity: 'evidence', entityId: id });
  return record;
}

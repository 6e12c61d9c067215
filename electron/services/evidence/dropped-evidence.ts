import { createHash, randomUUID, type Hash } from 'node:crypto';
import { DROP_CHUNK_BYTES, MAX_OPEN_DROPS } from '../../../shared/domain/evidence-drop.ts';
import type { Settings } from '../../../shared/domain/vault.ts';
import { AppError } from '../../errors/app-error.ts';
import { appendAudit } from '../../store/audit.ts';
import { checkpointAfterLargeWrite } from '../../store/checkpoint.ts';
import type { Db } from '../../store/open.ts';
import { chunkWriter, completeFile, deleteIncompleteFiles } from '../../store/repositories/chunked-file-repository.ts';
import { incidentExists } from '../../store/repositories/incident-repository.ts';
import { insertIncompleteEvidence, setEvidenceDimensions, type EvidenceRecord } from '../../store/repositories/evidence-repository.ts';
import { inTransaction } from '../../store/transaction.ts';
import { CHUNK_BYTES, storedSource } from '../files/chunked-files.ts';
import { DEFAULT_LIMITS } from './evidence-files.ts';
import { measureImage, type Dimensions } from './image-dimensions.ts';
import { imageDimensions, sniffMediaType } from './sniff.ts';

// One chunk sent is one chunk stored: the store's reader and the export expect 1 MiB chunks in order.
if (DROP_CHUNK_BYTES !== CHUNK_BYTES) throw new Error('DROP_CHUNK_BYTES must equal the store chunk size');

interface OpenDrop {
  incidentId: string;
  fileName: string;
  size: number;
  /** The connection the drop began on; a lock in between ends the drop. */
  db: Db;
  received: number;
  nextIndex: number;
  hash: Hash;
  /** Inserted (incomplete) with the first chunk, once the type and the image header are known. */
  record: EvidenceRecord | null;
}

function withinPixelLimit(dimensions: Dimensions | null): void {
  if (dimensions && dimensions.width * dimensions.height > DEFAULT_LIMITS.maxPixels) throw new AppError('image-too-large', { detail: `${dimensions.width}×${dimensions.height} pixels` });
}

/** The name of a dropped file as kept: its last path segment, printable, at most 255 characters. */
export function droppedFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const last = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 255);
  return last === '' || last === '.' || last === '..' ? 'dropped-file' : last;
}

/**
 * Files dropped onto the window, taken in as bytes: the window reads the File and sends it in chunks; main counts,
 * checks and stores them and computes the SHA-256 itself. Main never opens a path the window names (a compromised
 * window could otherwise make it read any file the user can). Limits are main's: the evidence size limit from
 * settings on the declared size and on every byte received, 1 MiB per chunk, a few drops at a time, and the pixel
 * limit: at the first chunk when the image's size is there, and over the whole file at the end (an image whose size
 * cannot be found is refused, as for a chosen file). Chunks go straight into the store under an incomplete row
 * (nothing in memory beyond one chunk, nothing on disk outside the store); the row counts only when `finish` marks it
 * complete with its audit row. A refused, cancelled or abandoned drop leaves nothing: its row is removed at once, or
 * at the next unlock after a crash or a lock.
 */
export class DroppedEvidence {
  private readonly store: () => Db;
  private readonly settings: () => Settings;
  private readonly actor: string;
  private readonly open = new Map<string, OpenDrop>();

  constructor(store: () => Db, settings: () => Settings, actor: string) {
    this.store = store;
    this.settings = settings;
    this.actor = actor;
  }

  start(incidentId: string, name: string, size: number): { dropId: string; chunkBytes: number } {
    const db = this.store();
    if (!incidentExists(db, incidentId)) throw new AppError('not-found', { detail: 'incident' });
    const maxBytes = this.settings().evidenceMaxMiB * 1024 ** 2;
    if (size > maxBytes) throw new AppError('evidence-too-large', { detail: `${size} bytes, limit ${maxBytes}` });
    if (this.open.size >= MAX_OPEN_DROPS) throw new AppError('invalid-input', { detail: `at most ${MAX_OPEN_DROPS} files are taken in at once` });
    const dropId = randomUUID();
    this.open.set(dropId, { incidentId, fileName: droppedFileName(name), size, db, received: 0, nextIndex: 0, hash: createHash('sha256'), record: null });
    return { dropId, chunkBytes: DROP_CHUNK_BYTES };
  }

  /** The next chunk, in order and of exactly the expected length (full chunks, the last one the rest). */
  chunk(dropId: string, index: number, bytes: Uint8Array): { received: number } {
    const drop = this.current(dropId);
    return this.failing(dropId, drop, () => {
      const expected = Math.min(DROP_CHUNK_BYTES, drop.size - drop.received);
      if (index !== drop.nextIndex) throw new AppError('invalid-input', { detail: `index: expected chunk ${drop.nextIndex}` });
      if (expected <= 0 || bytes.byteLength !== expected) throw new AppError('invalid-input', { detail: 'bytes: not the length the declared size leaves for this chunk' });
      const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (index === 0) drop.record = this.firstChunk(drop, data);
      const write = chunkWriter(drop.db, 'evidence', drop.record!.id);
      inTransaction(drop.db, () => write(index, data));
      drop.hash.update(data);
      drop.received += data.length;
      drop.nextIndex += 1;
      return { received: drop.received };
    });
  }

  /** Marks the file complete with its SHA-256 (computed here, from the bytes stored) and its audit row. */
  finish(dropId: string): EvidenceRecord {
    const drop = this.current(dropId);
    return this.failing(dropId, drop, () => {
      if (drop.received !== drop.size) throw new AppError('invalid-input', { detail: 'the file ended before its declared size' });
      const first = drop.record ?? this.firstChunk(drop, Buffer.alloc(0)); // an empty file has no chunk
      // The image's size from its headers wherever they lie in the whole file; unknown or too large is refused.
      const dimensions = measureImage(first.mediaType, storedSource(drop.db, 'evidence', first.id, drop.size));
      withinPixelLimit(dimensions);
      const record = { ...first, width: dimensions?.width ?? null, height: dimensions?.height ?? null };
      const sha256 = drop.hash.digest('hex');
      inTransaction(drop.db, () => {
        setEvidenceDimensions(drop.db, record.id, dimensions);
        completeFile(drop.db, 'evidence', record.id, sha256);
        appendAudit(drop.db, { actor: this.actor, action: 'evidence.add', entity: 'evidence', entityId: record.id, after: { ...record, sha256, via: 'drop' } });
      });
      this.open.delete(dropId);
      checkpointAfterLargeWrite(drop.db); // the file reaches store.db now, not at SQLite's next checkpoint
      return { ...record, sha256 };
    });
  }

  cancel(dropId: string): void {
    const drop = this.open.get(dropId);
    if (drop) this.abandon(dropId, drop);
  }

  /** On lock: the connection is gone; the incomplete rows are removed at the next unlock. */
  clear(): void {
    this.open.clear();
  }

  private current(dropId: string): OpenDrop {
    const drop = this.open.get(dropId);
    if (!drop) throw new AppError('not-found', { detail: 'drop' });
    if (this.store() !== drop.db) {
      this.open.delete(dropId);
      throw new AppError('not-found', { detail: 'drop' });
    }
    return drop;
  }

  /**
   * The type from the bytes (never the name), then the incomplete row. A picture too large is refused here already
   * when its size is in the first chunk; `finish` measures it again over the whole file.
   */
  private firstChunk(drop: OpenDrop, head: Buffer): EvidenceRecord {
    const mediaType = sniffMediaType(head);
    const dimensions = mediaType.startsWith('image/') ? imageDimensions(head) : null;
    withinPixelLimit(dimensions);
    const record: EvidenceRecord = {
      id: randomUUID(),
      incidentId: drop.incidentId,
      fileName: drop.fileName,
      mediaType,
      size: drop.size,
      sha256: '',
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      addedBy: this.actor,
      addedAt: new Date().toISOString(),
    };
    insertIncompleteEvidence(drop.db, record);
    return record;
  }

  /** Runs a step of a drop; any refusal or failure ends the drop and removes what it stored. */
  private failing<T>(dropId: string, drop: OpenDrop, step: () => T): T {
    try {
      return step();
    } catch (error) {
      this.abandon(dropId, drop);
      throw error;
    }
  }

  private abandon(dropId: string, drop: OpenDrop): void {
    this.open.delete(dropId);
    if (drop.record && drop.db.open) deleteIncompleteFiles(drop.db, 'evidence', drop.record.id);
  }
}

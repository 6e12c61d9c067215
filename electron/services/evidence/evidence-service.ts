import { isAbsolute } from 'node:path';
import type { Settings } from '../../../shared/domain/vault.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { incidentExists } from '../../store/repositories/incident-repository.ts';
import { getEvidence, listEvidence, type EvidenceRecord } from '../../store/repositories/evidence-repository.ts';
import { bufferSource, isRegularFile, readWhole } from '../files/chunked-files.ts';
import { addEvidence, DEFAULT_LIMITS, exportEvidence } from './evidence-files.ts';
import { measureImage } from './image-dimensions.ts';

/** Images up to this size are sent to the window whole, which draws the thumbnail and the full view. */
export const PREVIEW_MAX_BYTES = 25 * 1024 ** 2;
/** Decoding a bigger picture in the window would stall it; such images get a placeholder and can be exported. */
export const PREVIEW_MAX_PIXELS = 40_000_000;
const PREVIEWABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const withinPreviewPixels = (width: number | null, height: number | null) => width !== null && height !== null && width * height <= PREVIEW_MAX_PIXELS;

/** Evidence use cases for the window and the CLI: intake from chosen files, preview, checked export (drops: DroppedEvidence). */
export class EvidenceService {
  private readonly store: () => Db;
  private readonly settings: () => Settings;
  private readonly actor: string;

  constructor(store: () => Db, settings: () => Settings, actor: string) {
    this.store = store;
    this.settings = settings;
    this.actor = actor;
  }

  list(incidentId: string): EvidenceRecord[] {
    const db = this.store();
    if (!incidentExists(db, incidentId)) throw new AppError('not-found', { detail: 'incident' });
    return listEvidence(db, incidentId);
  }

  /**
   * Takes files into the store one after another; stops at the first refusal (too large, unreadable) and
   * reports it, keeping the files already taken. Paths come only from main's open dialog (or the CLI's user),
   * never from the window: a file dropped onto the window arrives as bytes (DroppedEvidence).
   */
  add(incidentId: string, paths: readonly string[]): EvidenceRecord[] {
    const db = this.store();
    const limits = { ...DEFAULT_LIMITS, maxBytes: this.settings().evidenceMaxMiB * 1024 ** 2 };
    const added: EvidenceRecord[] = [];
    for (const path of paths) {
      if (!isAbsolute(path) || !isRegularFile(path)) throw new AppError('io-error', { detail: 'not a readable file' });
      added.push(addEvidence(db, { incidentId, path, actor: this.actor, limits }));
    }
    return added;
  }

  /**
   * The image itself as a data: URL for the window's thumbnail and viewer, or null when it is not shown inline:
   * not an image the window draws, over 25 MB or 40 megapixels, or of unknown size (stored before sizes were read
   * from the whole file). The window decodes what it gets, so the pixel limit is checked again on the very bytes
   * sent, from their own headers: nothing larger ever reaches the window's decoder.
   */
  preview(id: string): { record: EvidenceRecord; dataUrl: string | null } {
    const db = this.store();
    const record = getEvidence(db, id);
    if (!record) throw new AppError('not-found', { detail: 'evidence' });
    const hidden = { record, dataUrl: null };
    if (!PREVIEWABLE.has(record.mediaType) || record.size > PREVIEW_MAX_BYTES || !withinPreviewPixels(record.width, record.height)) return hidden;
    const bytes = readWhole(db, 'evidence', id, record.sha256);
    let measured: ReturnType<typeof measureImage>;
    try {
      measured = measureImage(record.mediaType, bufferSource(bytes));
    } catch {
      return hidden;
    }
    if (!measured || !withinPreviewPixels(measured.width, measured.height)) return hidden;
    return { record, dataUrl: `data:${record.mediaType};base64,${bytes.toString('base64')}` };
  }

  export(id: string, path: string): EvidenceRecord {
    return exportEvidence(this.store(), id, path, this.actor);
  }

  record(id: string): EvidenceRecord {
    const record = getEvidence(this.store(), id);
    if (!record) throw new AppError('not-found', { detail: 'evidence' });
    return record;
  }
}

import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname, isAbsolute } from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { appendAudit } from '../store/audit.ts';
import type { Db } from '../store/open.ts';
import { letterExists } from '../store/repositories/letter-repository.ts';
import { deleteGeneratedLetterFiles, getLetterFile, insertIncompleteLetterFile, listLetterFiles, type LetterFileRecord, type LetterFileRole } from '../store/repositories/letter-file-repository.ts';
import { sniffMediaType } from './evidence/sniff.ts';
import { fileSource, isRegularFile, storeWithin, streamIn, streamOut, type ByteSource } from './files/chunked-files.ts';

/** The files the app renders for a registered letter, and their media types. */
export type GeneratedRole = Exclude<LetterFileRole, 'scan'>;
const GENERATED_MEDIA_TYPES: Record<GeneratedRole, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
export const isGeneratedRole = (role: LetterFileRole): role is GeneratedRole => role !== 'scan';

/**
 * Where a copy that is to be opened is saved: the path the user chose, ending in the extension of what the file
 * is, so the system opens it as a PDF or DOCX (never, under another name, as a program or a web page). When the
 * name had to be extended and that name is taken, the user is asked to choose again rather than overwrite it.
 */
export function pathToOpen(chosen: string, role: GeneratedRole): string {
  const extension = `.${role}`;
  if (extname(chosen).toLowerCase() === extension) return chosen;
  const extended = `${chosen}${extension}`;
  if (existsSync(extended)) throw new AppError('invalid-input', { detail: `open: choose a file name ending in ${extension}` });
  return extended;
}

/**
 * Files kept with a registered letter, encrypted in the store like evidence: the scan of a letter as sent or
 * received, and the DOCX and PDF of a letter drafted here, exactly as registered. Never deleted; each intake and
 * export is audited (digests only).
 */
export class LetterFiles {
  private readonly store: () => Db;
  private readonly maxBytes: () => number;
  private readonly actor: string;

  constructor(store: () => Db, maxBytes: () => number, actor: string) {
    this.store = store;
    this.maxBytes = maxBytes;
    this.actor = actor;
  }

  list(letterId: string): LetterFileRecord[] {
    const db = this.store();
    if (!letterExists(db, letterId)) throw new AppError('not-found', { detail: 'letter' });
    return listLetterFiles(db, letterId);
  }

  /** A scan chosen in the open dialog; its type is read from its bytes, its size limited like evidence. */
  attachScan(letterId: string, path: string): LetterFileRecord {
    if (!isAbsolute(path) || !isRegularFile(path)) throw new AppError('io-error', { detail: 'not a readable file' });
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw new AppError('io-error', { detail: 'the file cannot be read', cause: error });
    }
    try {
      const size = fstatSync(fd).size;
      if (size > this.maxBytes()) throw new AppError('evidence-too-large', { detail: `${size} bytes, limit ${this.maxBytes()}` });
      const head = Buffer.alloc(Math.min(size, 4096));
      readSync(fd, head, 0, head.length, 0);
      return this.add(letterId, 'scan', basename(path).slice(0, 255), sniffMediaType(head), fileSource(fd, size));
    } finally {
      closeSync(fd);
    }
  }

  /**
   * A file made here (the registered letter's DOCX or PDF), written inside the registering transaction (refused
   * outside one), so it counts only together with the letter's number and frozen Doc.
   */
  keep(letterId: string, role: GeneratedRole, fileName: string, bytes: Buffer): LetterFileRecord {
    const db = this.store();
    const record: LetterFileRecord = { id: randomUUID(), letterId, role, fileName, mediaType: GENERATED_MEDIA_TYPES[role], size: bytes.length, sha256: '', addedBy: this.actor, addedAt: new Date().toISOString() };
    insertIncompleteLetterFile(db, record);
    record.sha256 = storeWithin(db, 'letter-file', record.id, bytes);
    appendAudit(db, { actor: this.actor, action: 'letter-file.add', entity: 'letter-file', entityId: record.id, after: record });
    return record;
  }

  /**
   * Removes the PDF and DOCX that a version before the one-transaction registration kept for a letter it never
   * froze (cut off between numbering and freezing): they were never the letter's, and the completing registration
   * writes the ones that match its frozen Doc. Call inside that registration's transaction.
   */
  discardUnfrozen(letterId: string): void {
    const db = this.store();
    for (const id of deleteGeneratedLetterFiles(db, letterId)) appendAudit(db, { actor: this.actor, action: 'letter-file.discard-unfrozen', entity: 'letter-file', entityId: id });
  }

  record(id: string): LetterFileRecord {
    const record = getLetterFile(this.store(), id);
    if (!record) throw new AppError('not-found', { detail: 'letter file' });
    return record;
  }

  /** Saves a copy where the user chose; re-hashed, and left only when it matches the SHA-256 taken at intake. */
  export(id: string, outPath: string): LetterFileRecord {
    const db = this.store();
    const record = this.record(id);
    streamOut(db, 'letter-file', id, record.sha256, outPath);
    appendAudit(db, { actor: this.actor, action: 'letter-file.export', entity: 'letter-file', entityId: id });
    return record;
  }

  private add(letterId: string, role: LetterFileRole, fileName: string, mediaType: string, source: ByteSource): LetterFileRecord {
    const db = this.store();
    if (!letterExists(db, letterId)) throw new AppError('not-found', { detail: 'letter' });
    const record: LetterFileRecord = { id: randomUUID(), letterId, role, fileName, mediaType, size: source.size, sha256: '', addedBy: this.actor, addedAt: new Date().toISOString() };
    insertIncompleteLetterFile(db, record);
    record.sha256 = streamIn(db, 'letter-file', record.id, source, (sha256) =>
      appendAudit(db, { actor: this.actor, action: 'letter-file.add', entity: 'letter-file', entityId: record.id, after: { ...record, sha256 } }),
    );
    return record;
  }
}

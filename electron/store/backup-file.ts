import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync, type PathLike } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { parseEnvelope, serializeEnvelope, type Envelope } from './envelope.ts';

/**
 * The backup container: a magic line, a 4-byte header length, a JSON header (the envelope copy and the
 * store's size and SHA-256), then the store's bytes exactly as SQLCipher wrote them. The store part stays
 * encrypted under the same DEK, so the envelope copy opens it with the passphrase or the recovery key
 * that were valid when the backup was made. The header holds no case data.
 */
const MAGIC = Buffer.from('OMBUDS-DOSSIER-BACKUP\n', 'latin1');
const CHUNK = 1 << 20;
const MAX_HEADER = 64 * 1024;

const headerSchema = z
  .object({
    format: z.literal('ombuds-backup/1'),
    createdAt: z.iso.datetime(),
    envelope: z.string(),
    store: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  })
  .strict();

export interface BackupHeader {
  createdAt: string;
  envelope: Envelope;
  storeBytes: number;
  storeSha256: string;
  /** Where the store bytes begin in the file. */
  storeOffset: number;
}

export function sha256OfFile(path: PathLike, offset = 0, length?: number): string {
  const fd = openSync(path, 'r');
  try {
    const end = length === undefined ? fstatSync(fd).size : offset + length;
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK);
    for (let position = offset; position < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, end - position), position);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      position += read;
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/** Streams `from[offset, offset+length)` into an open fd, 1 MiB at a time. */
export function copyRange(from: string, toFd: number, offset = 0, length?: number): void {
  const fd = openSync(from, 'r');
  try {
    const end = length === undefined ? fstatSync(fd).size : offset + length;
    const buffer = Buffer.alloc(CHUNK);
    for (let position = offset; position < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, end - position), position);
      if (read === 0) throw new AppError('backup-damaged', { detail: 'backup ends early' });
      let written = 0;
      while (written < read) written += writeSync(toFd, buffer, written, read - written);
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}

export function writeBackupHeader(fd: number, envelope: Envelope, storeBytes: number, storeSha256: string, createdAt: Date): void {
  const header = Buffer.from(
    JSON.stringify({ format: 'ombuds-backup/1', createdAt: createdAt.toISOString(), envelope: serializeEnvelope(envelope), store: { bytes: storeBytes, sha256: storeSha256 } }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  for (const part of [MAGIC, length, header]) writeSync(fd, part);
}

/** Reads and checks a backup file without touching any store: ours, complete and unaltered, or refused. */
export function readBackup(path: string): BackupHeader {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new AppError('backup-invalid', { detail: 'backup file cannot be opened' });
  }
  try {
    const size = fstatSync(fd).size;
    const prefix = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, prefix, 0, prefix.length, 0) < prefix.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new AppError('backup-invalid', { detail: 'not an Ombuds Dossier backup' });
    }
    const headerLength = prefix.readUInt32BE(MAGIC.length);
    if (headerLength > MAX_HEADER || prefix.length + headerLength > size) throw new AppError('backup-damaged', { detail: 'backup header is damaged' });
    const raw = Buffer.alloc(headerLength);
    readSync(fd, raw, 0, headerLength, prefix.length);
    let parsed: z.infer<typeof headerSchema>;
    try {
      parsed = headerSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      throw new AppError('backup-damaged', { detail: 'backup header is damaged' });
    }
    let envelope: Envelope;
    try {
      envelope = parseEnvelope(parsed.envelope);
    } catch {
      throw new AppError('backup-damaged', { detail: 'key envelope in the backup is damaged' });
    }
    const storeOffset = prefix.length + headerLength;
    if (size !== storeOffset + parsed.store.bytes) throw new AppError('backup-damaged', { detail: 'backup is truncated or has extra bytes' });
    if (sha256OfFile(path, storeOffset, parsed.store.bytes) !== parsed.store.sha256) {
      throw new AppError('backup-damaged', { detail: 'store checksum in the backup does not match' });
    }
    return { createdAt: parsed.createdAt, envelope, storeBytes: parsed.store.bytes, storeSha256: parsed.store.sha256, storeOffset };
  } finally {
    closeSync(fd);
  }
}

import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError, toAppError } from '../errors/app-error.ts';
import { rawKeyLiteral } from './raw-key.ts';

export type Db = Database.Database;
export const STORE_FILE = 'store.db';

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Pragmas set on every open and read back, because SQLite ignores a pragma it cannot apply without an error. */
const REQUIRED_PRAGMAS = [
  ['journal_mode', 'WAL', 'wal'],
  ['synchronous', 'FULL', 2],
  ['temp_store', 'MEMORY', 2],
  ['secure_delete', 'ON', 1],
  ['foreign_keys', 'ON', 1],
  ['trusted_schema', 'OFF', 0],
  // 64 MiB of page cache: pages are decrypted once and then served from memory (the process holds them anyway).
  ['cache_size', '-65536', -65536],
] as const;

export function startsWithPlaintextHeader(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < PLAINTEXT_HEADER.length) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(PLAINTEXT_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Keys a connection with the raw DEK in SQLCipher 4 format, so standard SQLCipher tools can open the file.
 * The key goes through the library's `key(Buffer)` API as the `x'<hex>'` literal in a buffer zeroed here, never
 * through a `PRAGMA key` string: a JS string cannot be zeroed and would outlive the lock (issue 10).
 */
export function applyKey(db: Db, dek: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  const literal = rawKeyLiteral(dek);
  try {
    db.key(literal);
  } finally {
    literal.fill(0);
  }
}

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
}

/**
 * Opens (or creates) the encrypted store. The DEK has already been authenticated by the envelope, so any
 * "not a database" here means the file is damaged, not that the key is wrong.
 * The connection takes an exclusive lock: a second process on the same store gets `store-in-use` at once,
 * and the OS releases the lock if this process dies, so nothing stale is left behind.
 */
export function openStore(path: string, dek: Buffer, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && !options.create) throw new AppError('store-damaged', { detail: 'store.db is missing' });
  if (exists && statSync(path).size === 0 && !options.create) throw new AppError('store-damaged', { detail: 'store.db is empty' });
  if (startsWithPlaintextHeader(path)) throw new AppError('store-damaged', { detail: 'store.db is not encrypted' });

  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false, timeout: 250 });
    applyKey(db, dek);
    if (!options.readonly) db.pragma('locking_mode=EXCLUSIVE');
    // A wrong or damaged file fails only at the first read: prove the key now.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      for (const [name, value, expected] of REQUIRED_PRAGMAS) {
        db.pragma(`${name}=${value}`);
        const actual = db.pragma(name, { simple: true });
        if (actual !== expected) throw new AppError('internal', { detail: `pragma ${name} is ${String(actual)}` });
      }
      // Take the exclusive lock now rather than at the first write.
      db.exec('BEGIN IMMEDIATE; COMMIT');
    }
    return db;
  } catch (error) {
    db?.close();
    const appError = toAppError(error);
    throw appError.code === 'internal' && !(error instanceof AppError)
      ? new AppError('store-damaged', { detail: 'store.db cannot be read', cause: error })
      : appError;
  }
}

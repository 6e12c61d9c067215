import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../electron/store/migrate.ts';
import type { Db } from '../electron/store/open.ts';

/**
 * Every pragma the store sets on open (open.ts) and the exclusive lock it takes: the plain baseline gets the same, in
 * the same order — the lock first, so that in WAL mode both keep the WAL index in memory rather than in a -shm file.
 */
const STORE_PRAGMAS = ['locking_mode', 'journal_mode', 'synchronous', 'temp_store', 'secure_delete', 'foreign_keys', 'trusted_schema', 'cache_size'] as const;

/**
 * A plain (unencrypted) SQLite connection configured exactly like `encrypted`: each pragma is read from the encrypted
 * connection, set here and read back, so the two sides of a comparison differ only by the cipher.
 *
 * DESIGN.md §3 forbids unkeyed copies of a vault. This is a baseline for the benchmarks only: it holds generated
 * data in the bench's own temp folder, which is removed at the end of the run, and no real vault is ever opened here.
 */
export function plainLike(encrypted: Db, path: string): Db {
  const db = new Database(path);
  for (const name of STORE_PRAGMAS) {
    const value = encrypted.pragma(name, { simple: true }) as string | number;
    db.pragma(`${name}=${value}`);
    const actual = db.pragma(name, { simple: true });
    if (String(actual) !== String(value)) throw new Error(`plain baseline: pragma ${name} is ${String(actual)}, the store has ${String(value)}`);
  }
  return db;
}

/** A plain store with the app's schema (the same migrations), configured like the encrypted store `like`. */
export function plainVaultStore(like: Db, path: string): Db {
  const db = plainLike(like, path);
  migrate(db);
  return db;
}

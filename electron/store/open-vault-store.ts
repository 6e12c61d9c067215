import { join } from 'node:path';
import { toAppError } from '../errors/app-error.ts';
import { removeRestoreLeftovers } from './leftovers.ts';
import { openStore, STORE_FILE, type Db } from './open.ts';
import { discardWalCopy, setAsideDamagedWal } from './wal-check.ts';

/**
 * Opens the store of a vault folder, with what every open owes the folder around it: a WAL that SQLite would
 * cut short is copied aside first (wal-check.ts), and once the store's exclusive lock is held — so no other
 * process is working in the folder — the leftovers of a killed restore are removed (leftovers.ts).
 */
export function openVaultStore(dir: string, dek: Buffer): Db {
  const storeFile = join(dir, STORE_FILE);
  const walCopy = setAsideDamagedWal(storeFile);
  let db: Db;
  try {
    db = openStore(storeFile, dek);
  } catch (error) {
    // Another process holds the store, so the WAL just read was live, mid-write, not left by a crash.
    if (walCopy && toAppError(error).code === 'store-in-use') discardWalCopy(walCopy);
    throw error;
  }
  try {
    removeRestoreLeftovers(dir);
  } catch (error) {
    db.close();
    throw toAppError(error);
  }
  return db;
}

import type { Db } from './open.ts';

/**
 * Call after a large transaction has committed (an import, an evidence intake, a letter registration).
 * Committed pages first land in the WAL and reach store.db only at a checkpoint, which SQLite runs by itself
 * only every 1000 pages; until then a damaged byte in the WAL after a crash could cost that work (see
 * wal-check.ts). A TRUNCATE checkpoint copies every committed page into store.db, fsyncs it (synchronous=FULL)
 * and empties the WAL. The store is opened with an exclusive lock, so no reader can hold the checkpoint back.
 * Inside a transaction there is nothing committed to move yet, so it does nothing there.
 */
export function checkpointAfterLargeWrite(db: Db): void {
  if (!db.open || db.readonly || db.inTransaction) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // The work is committed and safe in the WAL; SQLite checkpoints again later (and at close). A failed
    // checkpoint must not make a committed import or registration look failed.
  }
}


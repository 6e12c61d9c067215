import type { Db } from './open.ts';

/**
 * The store's transactions, for services that compose one from several repository calls (a letter with its
 * number, files and frozen Doc; a file's chunks; a mutation with its audit row). Services never touch the
 * driver's transaction API or write BEGIN/COMMIT themselves: SQL and the driver stay in electron/store (lint).
 */

/** Runs `work` in one transaction (a savepoint when already inside one); a throw rolls all of it back. */
export function inTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work)();
}

/** A write transaction left open across awaits; commit or roll it back explicitly. */
export interface WriteTransaction {
  commit(): void;
  /** Undoes everything since begin; does nothing when the transaction is already gone (a closed store). */
  rollback(): void;
}

/**
 * Takes the write lock at once (BEGIN IMMEDIATE) for work that yields to the event loop between batches, such as
 * an import the window polls and may cancel. The caller must refuse other writes meanwhile: on this one
 * connection they would join the open transaction.
 */
export function beginWriteTransaction(db: Db): WriteTransaction {
  db.exec('BEGIN IMMEDIATE');
  return {
    commit: () => db.exec('COMMIT'),
    rollback: () => {
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
    },
  };
}

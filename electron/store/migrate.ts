import { AppError } from '../errors/app-error.ts';
import type { Db } from './open.ts';
import * as initial from './migrations/0001-initial.ts';
import * as caseRecords from './migrations/0002-case-records.ts';
import * as savedSearches from './migrations/0003-saved-searches.ts';
import * as correspondence from './migrations/0004-correspondence.ts';
import * as letterFiles from './migrations/0005-letter-files.ts';
import * as strictRegistry from './migrations/0006-strict-registry.ts';
import * as translations from './migrations/0007-translations.ts';
import * as evidentLanguagesAndDeadlines from './migrations/0008-evident-languages-and-deadlines.ts';
import * as dossiers from './migrations/0009-dossiers.ts';

export interface Migration {
  version: number;
  name: string;
  /**
   * The step rebuilds tables (SQLite's create-copy-drop-rename): it runs with foreign key enforcement off, because
   * with it on, dropping the old table deletes its rows first and that CASCADEs into the children (letter files'
   * chunks), and the references into a dropped table would fail the commit. The whole store's foreign keys are
   * then checked before the step commits.
   */
  rebuildsTables?: boolean;
  up(db: Db): void;
}

/** Forward-only, numbered. A migration is never edited once released; a change is a new migration. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'case-records', up: caseRecords.up },
  { version: 3, name: 'saved-searches', up: savedSearches.up },
  { version: 4, name: 'correspondence', up: correspondence.up },
  { version: 5, name: 'letter-files', up: letterFiles.up },
  { version: 6, name: 'strict-registry', rebuildsTables: true, up: strictRegistry.up },
  { version: 7, name: 'translations', up: translations.up },
  { version: 8, name: 'evident-languages-and-deadlines', up: evidentLanguagesAndDeadlines.up },
  { version: 9, name: 'dossiers', up: dossiers.up },
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function setForeignKeys(db: Db, on: boolean): void {
  db.pragma(`foreign_keys=${on ? 'ON' : 'OFF'}`);
  // SQLite ignores the pragma inside a transaction; a rebuild then would cascade deletes, so never go on silently.
  if (db.pragma('foreign_keys', { simple: true }) !== (on ? 1 : 0)) {
    throw new AppError('internal', { detail: `foreign_keys could not be turned ${on ? 'on' : 'off'} for a migration` });
  }
}

/** Every reference in the store points at a row; a rebuild that broke one must not commit. */
function checkForeignKeys(db: Db, migration: Migration): void {
  const violation = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (violation.length > 0) {
    throw new AppError('store-damaged', { detail: `migration ${migration.version}: rows of ${violation[0]!.table} refer to missing rows of ${violation[0]!.parent}` });
  }
}

function apply(db: Db, migration: Migration): void {
  db.transaction(() => {
    migration.up(db);
    if (migration.rebuildsTables) checkForeignKeys(db, migration);
    db.pragma(`user_version=${migration.version}`);
  })();
}

/**
 * Brings the store to the latest schema, each step in its own transaction with its version bump,
 * so a crash leaves the store at a whole version. A store written by a newer version is refused untouched.
 */
export function migrate(db: Db, available: readonly Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = available.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new AppError('store-newer-version', { detail: `store schema ${from}, this version knows up to ${latest}` });
  }
  for (const migration of available) {
    if (migration.version <= schemaVersion(db)) continue;
    if (!migration.rebuildsTables) {
      apply(db, migration);
      continue;
    }
    setForeignKeys(db, false);
    try {
      apply(db, migration);
    } finally {
      setForeignKeys(db, true);
    }
  }
  return { from, to: schemaVersion(db) };
}

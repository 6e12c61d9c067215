import { AppError } from '../errors/app-error.ts';
import type { Db } from './open.ts';
import * as initial from './migrations/0001-initial.ts';
import * as caseRecords from './migrations/0002-case-records.ts';
import * as savedSearches from './migrations/0003-saved-searches.ts';
import * as correspondence from './migrations/0004-correspondence.ts';
import * as letterFiles from './migrations/0005-letter-files.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Forward-only, numbered. A migration is never edited once released; a change is a new migration. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'case-records', up: caseRecords.up },
  { version: 3, name: 'saved-searches', up: savedSearches.up },
  { version: 4, name: 'correspondence', up: correspondence.up },
  { version: 5, name: 'letter-files', up: letterFiles.up },
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
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
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version=${migration.version}`);
    })();
  }
  return { from, to: schemaVersion(db) };
}

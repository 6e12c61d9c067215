import type { Db } from '../open.ts';

/** The foundation: store metadata, settings and the audit log (a hash chain, see audit.ts). */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE store_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    CREATE TABLE audit_log (
      seq           INTEGER PRIMARY KEY,
      at            TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
      actor         TEXT NOT NULL,
      action        TEXT NOT NULL,
      entity        TEXT NOT NULL,
      entity_id     TEXT,
      before_digest TEXT CHECK (before_digest IS NULL OR length(before_digest) = 64),
      after_digest  TEXT CHECK (after_digest IS NULL OR length(after_digest) = 64),
      prev_hash     TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash          TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
    ) STRICT;

    -- The audit log is append-only: the store itself refuses edits and deletions.
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `);
}

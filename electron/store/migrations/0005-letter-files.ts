import type { Db } from '../open.ts';

/**
 * Files kept with a registered letter: the scanned copy of a letter as sent or received and, for letters the app
 * drafts, the DOCX and PDF exactly as registered. Stored like evidence — 1 MiB chunks inside the encrypted store,
 * SHA-256 at intake, counted only once complete — and, like letters, never deleted. A letter drafted here also keeps
 * its frozen document (the Doc as JSON) with its SHA-256 fingerprint, so it can be shown and exported again unchanged.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE letter_file (
      id          TEXT PRIMARY KEY,
      letter_id   TEXT NOT NULL REFERENCES letter (id),
      role        TEXT NOT NULL CHECK (role IN ('scan', 'pdf', 'docx')),
      file_name   TEXT NOT NULL,
      media_type  TEXT NOT NULL,
      size        INTEGER NOT NULL CHECK (size >= 0),
      sha256      TEXT NOT NULL,
      added_by    TEXT NOT NULL,
      added_at    TEXT NOT NULL,
      complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
      CHECK (complete = 0 OR length(sha256) = 64)
    ) STRICT;
    CREATE INDEX letter_file_by_letter ON letter_file (letter_id);

    CREATE TABLE letter_file_chunk (
      file_id TEXT NOT NULL REFERENCES letter_file (id) ON DELETE CASCADE,
      seq     INTEGER NOT NULL CHECK (seq >= 0),
      data    BLOB NOT NULL CHECK (length(data) <= 1048576),
      UNIQUE (file_id, seq)
    ) STRICT;

    CREATE TABLE letter_document (
      letter_id TEXT PRIMARY KEY REFERENCES letter (id),
      kind      TEXT NOT NULL,
      language  TEXT NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
      doc       TEXT NOT NULL CHECK (json_valid(doc)),
      sha256    TEXT NOT NULL CHECK (length(sha256) = 64)
    ) STRICT;
  `);
}

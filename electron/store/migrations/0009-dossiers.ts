import type { Db } from '../open.ts';

/**
 * The lists this migration checks, as they were when it shipped (copied, not imported: see 0006's frozenLists). The
 * test test/integration/migrations/dossiers.test.ts asserts they still equal the domain's lists.
 */
export const frozenLists = {
  languages: ['tg', 'ru', 'en'],
  fileRoles: ['pdf', 'docx'],
} as const satisfies Record<string, readonly string[]>;

const oneOf = (column: string, values: readonly string[]) => `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * Meeting dossiers (issue 13). A dossier is a saved composition (JSON, checked by the app's schema; the store checks
 * it is an object). An edition is frozen when issued: its Doc with its SHA-256, numbered 1, 2, … per dossier, and its
 * PDF and DOCX kept in 1 MiB chunks inside the encrypted store exactly like a registered letter's files (complete
 * only once their SHA-256 is set). Editions and their complete files never change and are never deleted (triggers);
 * a dossier with editions cannot be deleted (the reference has no cascade).
 */
export function up(db: Db): void {
  const L = frozenLists;
  db.exec(`
    CREATE TABLE dossier (
      id          TEXT PRIMARY KEY,
      composition TEXT NOT NULL CHECK (json_valid(composition) AND json_type(composition) = 'object'),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE dossier_edition (
      dossier_id TEXT NOT NULL REFERENCES dossier (id),
      edition    INTEGER NOT NULL CHECK (edition >= 1),
      issued_at  TEXT NOT NULL,
      issued_by  TEXT NOT NULL,
      language   TEXT NOT NULL CHECK (${oneOf('language', L.languages)}),
      doc        TEXT NOT NULL CHECK (json_valid(doc)),
      sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
      pages      INTEGER NOT NULL CHECK (pages >= 1),
      PRIMARY KEY (dossier_id, edition)
    ) STRICT;

    CREATE TABLE dossier_file (
      id          TEXT PRIMARY KEY,
      dossier_id  TEXT NOT NULL,
      edition     INTEGER NOT NULL,
      role        TEXT NOT NULL CHECK (${oneOf('role', L.fileRoles)}),
      file_name   TEXT NOT NULL,
      media_type  TEXT NOT NULL,
      size        INTEGER NOT NULL CHECK (size >= 0),
      sha256      TEXT NOT NULL,
      added_at    TEXT NOT NULL,
      complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
      CHECK (complete = 0 OR length(sha256) = 64),
      UNIQUE (dossier_id, edition, role),
      FOREIGN KEY (dossier_id, edition) REFERENCES dossier_edition (dossier_id, edition)
    ) STRICT;

    CREATE TABLE dossier_file_chunk (
      file_id TEXT NOT NULL REFERENCES dossier_file (id) ON DELETE CASCADE,
      seq     INTEGER NOT NULL CHECK (seq >= 0),
      data    BLOB NOT NULL CHECK (length(data) <= 1048576),
      UNIQUE (file_id, seq)
    ) STRICT;

    CREATE TRIGGER dossier_edition_no_update BEFORE UPDATE ON dossier_edition
      BEGIN SELECT RAISE(ABORT, 'a dossier edition is frozen'); END;
    CREATE TRIGGER dossier_edition_no_delete BEFORE DELETE ON dossier_edition
      BEGIN SELECT RAISE(ABORT, 'a dossier edition is frozen'); END;
    CREATE TRIGGER dossier_file_frozen_update BEFORE UPDATE ON dossier_file WHEN OLD.complete = 1
      BEGIN SELECT RAISE(ABORT, 'a dossier edition is frozen'); END;
    CREATE TRIGGER dossier_file_frozen_delete BEFORE DELETE ON dossier_file WHEN OLD.complete = 1
      BEGIN SELECT RAISE(ABORT, 'a dossier edition is frozen'); END;
  `);
}

import type { Db } from '../open.ts';

/** Case records: places, persons, incidents with their victims, codes and sources; staff vocabulary; search. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE vocabulary_term (
      kind     TEXT NOT NULL CHECK (kind IN ('violation-type', 'method', 'perpetrator-type', 'characteristic', 'source-type')),
      code     TEXT NOT NULL CHECK (code GLOB '[a-z0-9]*' AND length(code) BETWEEN 1 AND 64),
      label_tg TEXT NOT NULL,
      label_ru TEXT NOT NULL,
      label_en TEXT NOT NULL,
      PRIMARY KEY (kind, code)
    ) STRICT;

    CREATE TABLE place (
      id      TEXT PRIMARY KEY,
      name    TEXT NOT NULL CHECK (length(name) > 0),
      kind    TEXT NOT NULL CHECK (kind IN ('border-crossing', 'detention-facility', 'city', 'other')),
      country TEXT NOT NULL CHECK (country GLOB '[A-Z][A-Z]' AND length(country) = 2)
    ) STRICT;

    CREATE TABLE person (
      id          TEXT PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('individual', 'group')),
      name        TEXT NOT NULL CHECK (length(name) > 0),
      name_latin  TEXT,
      count       INTEGER CHECK (count IS NULL OR count >= 1),
      birth_date  TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      citizenship TEXT CHECK (citizenship IS NULL OR (citizenship GLOB '[A-Z][A-Z]' AND length(citizenship) = 2)),
      contact     TEXT,
      disclosure  TEXT NOT NULL CHECK (disclosure IN ('consented', 'withheld')),
      -- Spelling-independent keys of both names (shared/domain/name-key.ts), for duplicate suggestions.
      name_key    TEXT NOT NULL,
      latin_key   TEXT NOT NULL,
      CHECK (kind = 'individual' OR count IS NOT NULL)
    ) STRICT;
    CREATE INDEX person_name_key ON person (name_key);
    CREATE INDEX person_latin_key ON person (latin_key);
    CREATE INDEX person_birth_date ON person (birth_date);

    CREATE TABLE person_characteristic (
      person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      code      TEXT NOT NULL,
      position  INTEGER NOT NULL,
      PRIMARY KEY (person_id, code)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE incident (
      id               TEXT PRIMARY KEY,
      title            TEXT NOT NULL CHECK (length(title) > 0),
      description      TEXT NOT NULL,
      start_date       TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      end_date         TEXT CHECK (end_date IS NULL OR end_date >= start_date),
      date_precision   TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'estimate')),
      place_id         TEXT REFERENCES place (id) ON DELETE RESTRICT,
      perpetrator_type TEXT,
      confidentiality  TEXT NOT NULL CHECK (confidentiality IN ('public', 'internal', 'confidential')),
      status           TEXT NOT NULL CHECK (status IN ('documented', 'raised', 'answered', 'closed'))
    ) STRICT;
    CREATE INDEX incident_start ON incident (start_date, id);
    CREATE INDEX incident_place ON incident (place_id);

    CREATE TABLE incident_code (
      incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
      kind        TEXT NOT NULL CHECK (kind IN ('violation-type', 'method')),
      code        TEXT NOT NULL,
      position    INTEGER NOT NULL,
      PRIMARY KEY (incident_id, kind, code)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX incident_code_by_code ON incident_code (kind, code);

    CREATE TABLE incident_victim (
      incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
      person_id   TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
      position    INTEGER NOT NULL,
      PRIMARY KEY (incident_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX incident_victim_by_person ON incident_victim (person_id);

    CREATE TABLE incident_source (
      incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
      position    INTEGER NOT NULL,
      type        TEXT NOT NULL,
      reference   TEXT NOT NULL,
      date        TEXT,
      reliability TEXT NOT NULL CHECK (reliability IN ('confirmed', 'probable', 'unverified')),
      PRIMARY KEY (incident_id, position)
    ) STRICT, WITHOUT ROWID;

    -- Evidence files live inside the encrypted store, in chunks of at most 1 MiB (DESIGN.md §3).
    CREATE TABLE evidence (
      id          TEXT PRIMARY KEY,
      incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
      file_name   TEXT NOT NULL,
      media_type  TEXT NOT NULL,
      size        INTEGER NOT NULL CHECK (size >= 0),
      sha256      TEXT NOT NULL,
      width       INTEGER,
      height      INTEGER,
      added_by    TEXT NOT NULL,
      added_at    TEXT NOT NULL,
      -- 0 while the file streams in (committed in batches); rows left at 0 by a crash are removed at unlock.
      complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
      CHECK (complete = 0 OR length(sha256) = 64)
    ) STRICT;
    CREATE INDEX evidence_by_incident ON evidence (incident_id);

    CREATE TABLE evidence_chunk (
      evidence_id TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
      seq         INTEGER NOT NULL CHECK (seq >= 0),
      data        BLOB NOT NULL CHECK (length(data) <= 1048576),
      UNIQUE (evidence_id, seq)
    ) STRICT;

    -- Folded text (see shared/domain/search-text.ts) of each incident, keyed by the incident's rowid.
    CREATE VIRTUAL TABLE incident_search USING fts5 (title, body, names, sources, tokenize = 'unicode61 remove_diacritics 0');
  `);
}

import type { Db } from '../open.ts';

/**
 * The correspondence registry: counterparts, letters (outgoing and incoming) with their incidents, the yearly
 * sequence numbers are drawn from, the numbering scheme and the holiday calendars deadlines are counted with.
 * A letter's number is unique in its year (and, for incoming letters, its sender); letters are never deleted (no ON DELETE here on purpose), only annulled.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE counterpart (
      id                TEXT PRIMARY KEY,
      institution       TEXT NOT NULL,
      position          TEXT NOT NULL,
      name              TEXT NOT NULL,
      addressee_dative  TEXT,
      salutation        TEXT,
      gender            TEXT CHECK (gender IN ('male', 'female')),
      language          TEXT NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
      address           TEXT NOT NULL,
      country           TEXT NOT NULL,
      delivery_channel  TEXT NOT NULL,
      reply_days        INTEGER NOT NULL CHECK (reply_days BETWEEN 1 AND 365),
      reply_kind        TEXT NOT NULL CHECK (reply_kind IN ('calendar', 'working'))
    ) STRICT;

    CREATE TABLE letter (
      id                TEXT PRIMARY KEY,
      direction         TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
      number            TEXT NOT NULL,
      date              TEXT NOT NULL,
      counterpart_id    TEXT NOT NULL REFERENCES counterpart (id),
      subject           TEXT NOT NULL,
      in_reply_to       TEXT REFERENCES letter (id),
      delivery_channel  TEXT,
      expected_reply_by TEXT,
      response          TEXT,
      annulled_reason   TEXT,
      annulled_date     TEXT
    ) STRICT;
    -- Our numbers are unique per year; an incoming number is the sender's, unique per sender and year.
    CREATE UNIQUE INDEX letter_number_per_year ON letter (direction, CASE WHEN direction = 'incoming' THEN counterpart_id ELSE '' END, number, substr(date, 1, 4));
    CREATE INDEX letter_by_counterpart ON letter (counterpart_id, date);
    CREATE INDEX letter_by_reply ON letter (in_reply_to);

    CREATE TABLE letter_incident (
      letter_id   TEXT NOT NULL REFERENCES letter (id),
      incident_id TEXT NOT NULL REFERENCES incident (id),
      position    INTEGER NOT NULL,
      PRIMARY KEY (letter_id, incident_id)
    ) STRICT;

    CREATE TABLE letter_sequence (
      year INTEGER PRIMARY KEY,
      last INTEGER NOT NULL CHECK (last >= 0)
    ) STRICT;

    CREATE TABLE holiday_calendar (
      id      TEXT PRIMARY KEY,
      name    TEXT NOT NULL,
      fixed   TEXT NOT NULL CHECK (json_valid(fixed)),
      movable TEXT NOT NULL CHECK (json_valid(movable))
    ) STRICT;
  `);
}

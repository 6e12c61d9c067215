import type { Db } from '../open.ts';

/** Saved searches: a name and the query as JSON (checked against the shared schema when read). */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE saved_search (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      query      TEXT NOT NULL CHECK (json_valid(query)),
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}

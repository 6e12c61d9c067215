import { savedQuerySchema, type SavedSearch } from '../../../shared/domain/saved-search.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

export function listSavedSearches(db: Db): SavedSearch[] {
  const rows = statement(db, 'SELECT id, name, query FROM saved_search ORDER BY name COLLATE NOCASE, id').all() as { id: string; name: string; query: string }[];
  // A query saved by an older version that no longer parses is skipped rather than breaking the list.
  return rows.flatMap((row) => {
    const query = savedQuerySchema.safeParse(JSON.parse(row.query));
    return query.success ? [{ id: row.id, name: row.name, query: query.data }] : [];
  });
}

export function upsertSavedSearch(db: Db, search: SavedSearch, now: Date = new Date()): void {
  statement(db, `INSERT INTO saved_search (id, name, query, created_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, query = excluded.query`).run(search.id, search.name, JSON.stringify(search.query), now.toISOString());
}

export function deleteSavedSearch(db: Db, id: string): boolean {
  return statement(db, 'DELETE FROM saved_search WHERE id = ?').run(id).changes > 0;
}

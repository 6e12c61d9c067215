import type { Place } from '../../../shared/domain/records.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';
import { translationsFrom, translationsJson } from './translations-column.ts';

interface PlaceRow {
  id: string;
  name: string;
  kind: Place['kind'];
  country: string;
  original_language: Place['originalLanguage'];
  translations: string;
}

function toPlace(row: PlaceRow): Place {
  const place: Place = { id: row.id, originalLanguage: row.original_language, name: row.name, kind: row.kind, country: row.country };
  const translations = translationsFrom<'name'>(row.translations);
  return translations ? { ...place, translations } : place;
}

export function upsertPlace(db: Db, place: Place): 'created' | 'updated' {
  const existed = placeExists(db, place.id);
  statement(db, 
    `INSERT INTO place (id, name, kind, country, original_language, translations) VALUES (@id, @name, @kind, @country, @originalLanguage, @translations)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
       original_language = excluded.original_language, translations = excluded.translations`,
  ).run({ ...place, translations: translationsJson(place.translations) });
  return existed ? 'updated' : 'created';
}

export const placeExists = (db: Db, id: string) => statement(db, 'SELECT 1 FROM place WHERE id = ?').get(id) !== undefined;

export function getPlace(db: Db, id: string): Place | undefined {
  const row = statement(db, 'SELECT * FROM place WHERE id = ?').get(id) as PlaceRow | undefined;
  return row && toPlace(row);
}

export function listPlaces(db: Db): Place[] {
  return (statement(db, 'SELECT * FROM place ORDER BY id').all() as PlaceRow[]).map(toPlace);
}

/** Places with how many incidents happened at each, for the place directory and the editor's picker. */
export function listPlacesWithCounts(db: Db): (Place & { incidentCount: number })[] {
  const rows = statement(db, 'SELECT p.*, (SELECT count(*) FROM incident i WHERE i.place_id = p.id) AS incident_count FROM place p ORDER BY p.name COLLATE NOCASE, p.id').all() as (PlaceRow & { incident_count: number })[];
  return rows.map((row) => ({ ...toPlace(row), incidentCount: row.incident_count }));
}

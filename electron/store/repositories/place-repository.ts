import type { Place } from '../../../shared/domain/records.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

interface PlaceRow {
  id: string;
  name: string;
  kind: Place['kind'];
  country: string;
}

const toPlace = (row: PlaceRow): Place => ({ id: row.id, name: row.name, kind: row.kind, country: row.country });

export function upsertPlace(db: Db, place: Place): 'created' | 'updated' {
  const existed = placeExists(db, place.id);
  statement(db, 
    `INSERT INTO place (id, name, kind, country) VALUES (@id, @name, @kind, @country)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country`,
  ).run(place);
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

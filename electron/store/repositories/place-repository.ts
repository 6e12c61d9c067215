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

/** Places with how many incidents happened at each, for the place directory and the editor's picker. */
export function listPlacesWithCounts(db: Db): (Place & { incidentCount: number })[] {
  const rows = statement(db, 'SELECT p.*, (SELECT count(*) FROM incident i WHERE i.place_id = p.id) AS incident_count FROM place p ORDER BY p.name COLLATE NOCASE, p.id').all() as (PlaceRow & { incident_count: number })[];
  return rows.map((row) => ({ ...toPlace(row), incidentCount: row.incident_count }));
}

import { nameKey } from '../../../shared/domain/name-key.ts';
import { foldForSearch } from '../../../shared/domain/search-text.ts';
import type { Person } from '../../../shared/domain/records.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

interface PersonRow {
  id: string;
  kind: Person['kind'];
  name: string;
  name_latin: string | null;
  count: number | null;
  birth_date: string | null;
  citizenship: string | null;
  contact: string | null;
  disclosure: Person['disclosure'];
  gender: Person['gender'] | null;
}

const optional = <T>(value: T | null) => (value === null ? undefined : value);

function toPerson(row: PersonRow, characteristics: string[]): Person {
  const person: Person = { id: row.id, kind: row.kind, name: row.name, characteristics, disclosure: row.disclosure };
  const extras = { nameLatin: optional(row.name_latin), gender: optional(row.gender), count: optional(row.count), birthDate: optional(row.birth_date), citizenship: optional(row.citizenship), contact: optional(row.contact) };
  for (const [key, value] of Object.entries(extras)) if (value !== undefined) Object.assign(person, { [key]: value });
  return person;
}

export const personExists = (db: Db, id: string) => statement(db, 'SELECT 1 FROM person WHERE id = ?').get(id) !== undefined;

export function upsertPerson(db: Db, person: Person): 'created' | 'updated' {
  const existed = personExists(db, person.id);
  statement(db, 
    `INSERT INTO person (id, kind, name, name_latin, count, birth_date, citizenship, contact, disclosure, name_key, latin_key, gender)
     VALUES (@id, @kind, @name, @nameLatin, @count, @birthDate, @citizenship, @contact, @disclosure, @nameKey, @latinKey, @gender)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, name_latin = excluded.name_latin, gender = excluded.gender,
       count = excluded.count, birth_date = excluded.birth_date, citizenship = excluded.citizenship,
       contact = excluded.contact, disclosure = excluded.disclosure, name_key = excluded.name_key, latin_key = excluded.latin_key`,
  ).run({
    id: person.id,
    kind: person.kind,
    name: person.name,
    nameLatin: person.nameLatin ?? null,
    gender: person.gender ?? null,
    count: person.kind === 'group' ? (person.count ?? null) : null,
    birthDate: person.birthDate ?? null,
    citizenship: person.citizenship ?? null,
    contact: person.contact ?? null,
    disclosure: person.disclosure,
    nameKey: nameKey(person.name),
    latinKey: person.nameLatin ? nameKey(person.nameLatin) : '',
  });
  statement(db, 'DELETE FROM person_characteristic WHERE person_id = ?').run(person.id);
  const add = statement(db, 'INSERT INTO person_characteristic (person_id, code, position) VALUES (?, ?, ?)');
  [...new Set(person.characteristics)].forEach((code, position) => add.run(person.id, code, position));
  return existed ? 'updated' : 'created';
}

function characteristicsOf(db: Db, id: string): string[] {
  return statement(db, 'SELECT code FROM person_characteristic WHERE person_id = ? ORDER BY position').pluck().all(id) as string[];
}

export function getPerson(db: Db, id: string): Person | undefined {
  const row = statement(db, 'SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
  return row && toPerson(row, characteristicsOf(db, id));
}

export function listPersons(db: Db): Person[] {
  return (statement(db, 'SELECT * FROM person ORDER BY id').all() as PersonRow[]).map((row) => toPerson(row, characteristicsOf(db, row.id)));
}

/**
 * The person directory: names containing the text (any case, in either spelling), individuals and groups,
 * with how many incidents list each. Sorted by name; at most `limit`.
 */
export function findPersons(db: Db, text: string, limit: number): (Person & { incidentCount: number })[] {
  registerFold(db);
  const like = `%${foldForSearch(text.trim()).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const rows = statement(
    db,
    `SELECT p.*, (SELECT count(*) FROM incident_victim v WHERE v.person_id = p.id) AS incident_count FROM person p
     WHERE fold_text(p.name) LIKE @like ESCAPE '\\' OR fold_text(coalesce(p.name_latin, '')) LIKE @like ESCAPE '\\'
     ORDER BY p.name COLLATE NOCASE, p.id LIMIT @limit`,
  ).all({ like, limit }) as (PersonRow & { incident_count: number })[];
  return rows.map((row) => ({ ...toPerson(row, characteristicsOf(db, row.id)), incidentCount: row.incident_count }));
}

const withFold = new WeakSet<Db>();

/** SQLite's lower() knows only ASCII; this folds Cyrillic (and Tajik letters) the way search does. */
function registerFold(db: Db): void {
  if (withFold.has(db)) return;
  db.function('fold_text', { deterministic: true }, (value: unknown) => foldForSearch(String(value ?? '')));
  withFold.add(db);
}

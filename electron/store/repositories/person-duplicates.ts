import { nameKey } from '../../../shared/domain/name-key.ts';
import type { Person } from '../../../shared/domain/records.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';
import { refreshSearchEntriesOfPerson } from './incident-repository.ts';
import { getPerson, upsertPerson } from './person-repository.ts';

export interface DuplicateSuggestion {
  personId: string;
  name: string;
  reasons: ('same-name' | 'same-birth-date')[];
}

/**
 * Persons that may be the one being entered: the same name in any script or transliteration, strongest when the
 * birth date agrees too. A same birth date alone is not suggested (too many people share one).
 */
export function suggestDuplicates(db: Db, candidate: Pick<Person, 'name' | 'nameLatin' | 'birthDate'> & { id?: string }): DuplicateSuggestion[] {
  const keys = [...new Set([nameKey(candidate.name), candidate.nameLatin ? nameKey(candidate.nameLatin) : ''].filter(Boolean))];
  if (!keys.length) return [];
  const marks = keys.map(() => '?').join(', ');
  const rows = statement(db, `SELECT id, name, birth_date AS birthDate FROM person WHERE (name_key IN (${marks}) OR latin_key IN (${marks})) AND kind = 'individual' LIMIT 50`).all(
    ...keys,
    ...keys,
  ) as { id: string; name: string; birthDate: string | null }[];
  return rows
    .filter((row) => row.id !== candidate.id)
    .map((row): DuplicateSuggestion => ({
      personId: row.id,
      name: row.name,
      reasons: candidate.birthDate && row.birthDate === candidate.birthDate ? ['same-name', 'same-birth-date'] : ['same-name'],
    }))
    .sort((a, b) => b.reasons.length - a.reasons.length || a.personId.localeCompare(b.personId));
}

/**
 * Merges `duplicateId` into `keepId`: every incident that listed the duplicate lists the kept person instead,
 * characteristics are united, fields the kept record lacks are taken from the duplicate, and the duplicate goes.
 * Call inside a transaction with its audit row.
 */
export function mergePersons(db: Db, keepId: string, duplicateId: string): Person {
  const keep = getPerson(db, keepId);
  const duplicate = getPerson(db, duplicateId);
  if (!keep || !duplicate || keepId === duplicateId) throw new Error('merge needs two existing, different persons');
  const merged: Person = {
    ...duplicate,
    ...keep,
    characteristics: [...new Set([...keep.characteristics, ...duplicate.characteristics])],
    // A withheld identity stays withheld: consent of one record does not cover the other.
    disclosure: keep.disclosure === 'withheld' || duplicate.disclosure === 'withheld' ? 'withheld' : 'consented',
  };
  upsertPerson(db, merged);
  statement(db, 'UPDATE OR IGNORE incident_victim SET person_id = ? WHERE person_id = ?').run(keepId, duplicateId);
  statement(db, 'DELETE FROM incident_victim WHERE person_id = ?').run(duplicateId);
  statement(db, 'DELETE FROM person WHERE id = ?').run(duplicateId);
  refreshSearchEntriesOfPerson(db, keepId);
  return merged;
}

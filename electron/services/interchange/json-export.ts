import type { Db } from '../../store/open.ts';
import { listCounterparts, lettersOf } from '../../store/repositories/letter-repository.ts';
import { iterateIncidents } from '../../store/repositories/incident-repository.ts';
import { listPersons } from '../../store/repositories/person-repository.ts';
import { listPlaces } from '../../store/repositories/place-repository.ts';
import { INTERCHANGE_FORMAT } from '../../../shared/domain/interchange.ts';

/** The whole case store in interchange format 1, records sorted by id, so export → import → export is identical. */
export function exportInterchange(db: Db): string {
  const file = {
    format: INTERCHANGE_FORMAT,
    places: listPlaces(db),
    persons: listPersons(db),
    counterparts: listCounterparts(db),
    incidents: [...iterateIncidents(db)],
    letters: lettersOf(db),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

import { incidentFacts } from '../../../shared/domain/records.ts';
import type { Db } from '../../store/open.ts';
import { getIncident, iterateIncidents } from '../../store/repositories/incident-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { getPlace } from '../../store/repositories/place-repository.ts';

/**
 * The columns of an exported incident list (CSV and XLSX), in order: the title in its original language, then that
 * language and the title's translations, one column per language (read back by their headers: table-rows.ts).
 */
export const INCIDENT_LIST_COLUMNS = [
  'id',
  'title',
  'originalLanguage',
  'title (tg)',
  'title (ru)',
  'title (en)',
  'startDate',
  'endDate',
  'datePrecision',
  'place',
  'country',
  'violationTypes',
  'peopleAffected',
  'durationDays',
  'status',
  'confidentiality',
] as const;

export type IncidentListCell = string | number | null;

/**
 * One row per incident with its computed facts, codes joined with "; ". With `ids`, those incidents in that
 * order (the user's selection); without, every incident.
 */
export function* incidentListRows(db: Db, ids?: readonly string[]): Generator<IncidentListCell[]> {
  const incidents = ids ? ids.map((id) => getIncident(db, id)).filter((incident) => incident !== undefined) : iterateIncidents(db);
  for (const incident of incidents) {
    const place = incident.placeId ? getPlace(db, incident.placeId) : undefined;
    const victims = incident.victimIds.map((id) => getPerson(db, id)).filter((person) => person !== undefined);
    const facts = incidentFacts(incident, victims);
    yield [
      incident.id,
      incident.title,
      incident.originalLanguage,
      incident.translations?.tg?.title ?? null,
      incident.translations?.ru?.title ?? null,
      incident.translations?.en?.title ?? null,
      incident.startDate,
      incident.endDate ?? null,
      incident.datePrecision,
      place?.name ?? null,
      place?.country ?? null,
      incident.violationTypes.join('; '),
      facts.peopleAffected,
      facts.durationDays,
      incident.status,
      incident.confidentiality,
    ];
  }
}

import { incidentFacts } from '../../../shared/domain/records.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import type { VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import type { IncidentForLetter } from '../../../shared/templates/letters/input.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { getIncident } from '../../store/repositories/incident-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { getPlace } from '../../store/repositories/place-repository.ts';
import { listTerms } from '../../store/repositories/vocabulary-repository.ts';

/**
 * Reads incidents as a letter tells them, in its language: term labels instead of codes, the place, victims with
 * their disclosure, sources and the computed facts. Unknown ids are refused, naming the first one.
 */
export function incidentsForLetter(db: Db, ids: readonly string[], language: Language): IncidentForLetter[] {
  const labels = new Map<VocabularyKind, Map<string, string>>();
  const label = (kind: VocabularyKind, code: string) => {
    if (!labels.has(kind)) labels.set(kind, new Map(listTerms(db, kind).map((term) => [term.code, term.labels[language] || term.labels.ru])));
    return labels.get(kind)!.get(code) ?? code;
  };
  return [...new Set(ids)].map((id) => {
    const incident = getIncident(db, id);
    if (!incident) throw new AppError('not-found', { detail: `incident ${id}` });
    const place = incident.placeId ? getPlace(db, incident.placeId) : undefined;
    const victims = incident.victimIds.flatMap((victimId) => {
      const person = getPerson(db, victimId);
      return person ? [person] : [];
    });
    const facts = incidentFacts(incident, victims);
    return {
      id: incident.id,
      title: incident.title,
      description: incident.description,
      startDate: incident.startDate,
      endDate: incident.endDate ?? null,
      datePrecision: incident.datePrecision,
      place: place ? { name: place.name, country: place.country } : null,
      violationCodes: incident.violationTypes,
      violations: incident.violationTypes.map((code) => label('violation-type', code)),
      methods: incident.methods.map((code) => label('method', code)),
      victims: victims.map((person) => ({
        kind: person.kind,
        name: person.name,
        count: person.kind === 'group' ? (person.count ?? 1) : 1,
        characteristics: person.characteristics.map((code) => label('characteristic', code)),
        withheld: person.disclosure !== 'consented',
      })),
      sources: incident.sources.map((source) => ({ type: label('source-type', source.type), reference: source.reference, date: source.date ?? null })),
      peopleAffected: facts.peopleAffected,
      durationDays: facts.durationDays,
    };
  });
}

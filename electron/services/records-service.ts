import { incidentFacts, type Incident, type IncidentFacts, type Person, type Place } from '../../shared/domain/records.ts';
import type { IncidentHit, IncidentQuery } from '../../shared/domain/search.ts';
import type { NewTerm, Term, VocabularyKind } from '../../shared/domain/vocabulary.ts';
import { AppError } from '../errors/app-error.ts';
import { audited } from '../store/audit.ts';
import type { Db } from '../store/open.ts';
import { getIncident, upsertIncident } from '../store/repositories/incident-repository.ts';
import { countIncidents, searchIncidents } from '../store/repositories/incident-search.ts';
import { mergePersons, suggestDuplicates, type DuplicateSuggestion } from '../store/repositories/person-duplicates.ts';
import { findPersons, getPerson, upsertPerson } from '../store/repositories/person-repository.ts';
import { addTerm, listTerms } from '../store/repositories/vocabulary-repository.ts';
import { INTERCHANGE_FORMAT } from '../../shared/domain/interchange.ts';
import { ImportRejected, parseInterchange, type ParsedInterchange } from './interchange/json-import.ts';
import type { SavedSearch } from '../../shared/domain/saved-search.ts';
import { deleteSavedSearch, listSavedSearches, upsertSavedSearch } from '../store/repositories/saved-search-repository.ts';
import { getPlace, listPlacesWithCounts, upsertPlace } from '../store/repositories/place-repository.ts';
import { saveTranslation } from './translation-service.ts';

/**
 * Case-record use cases for the window: each mutation is one transaction with its audit row, and a record is
 * checked exactly as an interchange file would be (codes known, referenced ids present) before it is written.
 */
export class RecordsService {
  private readonly store: () => Db;
  private readonly actor: string;

  constructor(store: () => Db, actor: string) {
    this.store = store;
    this.actor = actor;
  }

  terms(kind: VocabularyKind): Term[] {
    return listTerms(this.store(), kind);
  }

  /** Staff add a term while editing; an existing code is refused rather than silently relabelled. */
  addTerm(term: NewTerm): Term {
    const db = this.store();
    return audited(db, () => ({ actor: this.actor, action: 'vocabulary.add', entity: 'vocabulary', entityId: `${term.kind}:${term.code}`, after: term }), () => {
      if (!addTerm(db, term)) throw new AppError('invalid-input', { detail: 'code exists' });
      return { code: term.code, labels: term.labels };
    });
  }

  search(query: IncidentQuery): IncidentHit[] {
    return searchIncidents(this.store(), query);
  }

  count(query: IncidentQuery): number {
    return countIncidents(this.store(), query);
  }

  incident(id: string): { incident: Incident; facts: IncidentFacts } {
    const db = this.store();
    const incident = getIncident(db, id);
    if (!incident) throw new AppError('not-found', { detail: 'incident' });
    const victims = incident.victimIds.map((personId) => getPerson(db, personId)).filter((p): p is Person => p !== undefined);
    return { incident, facts: incidentFacts(incident, victims) };
  }

  saveIncident(incident: Incident): { id: string; created: boolean } {
    return this.save('incidents', 'incident', incident, getIncident, upsertIncident);
  }

  places(): (Place & { incidentCount: number })[] {
    return listPlacesWithCounts(this.store());
  }

  savePlace(place: Place): { id: string; created: boolean } {
    return this.save('places', 'place', place, getPlace, upsertPlace);
  }

  persons(text: string, limit: number): (Person & { incidentCount: number })[] {
    return findPersons(this.store(), text, limit);
  }

  person(id: string): Person {
    const person = getPerson(this.store(), id);
    if (!person) throw new AppError('not-found', { detail: 'person' });
    return person;
  }

  savePerson(person: Person): { id: string; created: boolean } {
    return this.save('persons', 'person', person, getPerson, upsertPerson);
  }

  /** Merges a duplicate into the person kept; every incident that listed the duplicate lists the kept person. */
  mergePersons(keepId: string, duplicateId: string): Person {
    const db = this.store();
    const keep = getPerson(db, keepId);
    const duplicate = getPerson(db, duplicateId);
    if (!keep || !duplicate) throw new AppError('not-found', { detail: 'person' });
    if (keepId === duplicateId) throw new AppError('invalid-input', { detail: 'a person cannot be merged with itself' });
    return audited(db, (merged) => ({ actor: this.actor, action: 'person.merge', entity: 'person', entityId: keepId, before: { keep, duplicate }, after: merged }), () => mergePersons(db, keepId, duplicateId));
  }

  /** A text in one language saved back to its record, audited (translation-service.ts). */
  saveTranslation(input: unknown): void {
    saveTranslation(this.store(), this.actor, input);
  }

  savedSearches(): SavedSearch[] {
    return listSavedSearches(this.store());
  }

  saveSearch(search: SavedSearch): SavedSearch[] {
    const db = this.store();
    audited(db, () => ({ actor: this.actor, action: 'search.save', entity: 'saved-search', entityId: search.id, after: search }), () => upsertSavedSearch(db, search));
    return listSavedSearches(db);
  }

  deleteSearch(id: string): SavedSearch[] {
    const db = this.store();
    audited(db, () => ({ actor: this.actor, action: 'search.delete', entity: 'saved-search', entityId: id }), () => {
      if (!deleteSavedSearch(db, id)) throw new AppError('not-found', { detail: 'saved search' });
    });
    return listSavedSearches(db);
  }

  /** Checks a record, then writes it with its audit row (before and after) in one transaction. */
  private save<S extends 'places' | 'persons' | 'incidents'>(
    section: S,
    entity: string,
    record: unknown,
    get: (db: Db, id: string) => ParsedInterchange[S][number] | undefined,
    upsert: (db: Db, record: ParsedInterchange[S][number]) => 'created' | 'updated',
  ): { id: string; created: boolean } {
    const db = this.store();
    const checked = this.checked(section, record);
    const before = get(db, checked.id);
    return audited(
      db,
      () => ({ actor: this.actor, action: before ? `${entity}.update` : `${entity}.create`, entity, entityId: checked.id, before, after: checked }),
      () => ({ id: checked.id, created: upsert(db, checked) === 'created' }),
    );
  }

  /**
   * Checks one record exactly as an interchange file would be checked (schema, known codes, referenced ids
   * present); the form's own errors name the same fields.
   */
  private checked<S extends 'places' | 'persons' | 'incidents'>(section: S, record: unknown): ParsedInterchange[S][number] {
    try {
      return parseInterchange(this.store(), JSON.stringify({ format: INTERCHANGE_FORMAT, [section]: [record] }))[section][0]!;
    } catch (error) {
      if (error instanceof ImportRejected) {
        const prefix = new RegExp(`^\\$\\.${section}\\[0\\]\\.?`);
        const fields = error.issues.map((issue) => issue.path.replace(prefix, '') || '(record)');
        throw new AppError('invalid-input', { detail: fields.join(', ').slice(0, 500) });
      }
      throw error;
    }
  }

  duplicates(candidate: Pick<Person, 'name' | 'nameLatin' | 'birthDate'> & { id?: string }): DuplicateSuggestion[] {
    return suggestDuplicates(this.store(), candidate);
  }
}

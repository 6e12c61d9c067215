import { incidentFacts, type Incident, type IncidentFacts, type Person } from '../../shared/domain/records.ts';
import type { IncidentHit, IncidentQuery } from '../../shared/domain/search.ts';
import type { NewTerm, Term, VocabularyKind } from '../../shared/domain/vocabulary.ts';
import { AppError } from '../errors/app-error.ts';
import { audited } from '../store/audit.ts';
import type { Db } from '../store/open.ts';
import { getIncident, upsertIncident } from '../store/repositories/incident-repository.ts';
import { searchIncidents } from '../store/repositories/incident-search.ts';
import { suggestDuplicates, type DuplicateSuggestion } from '../store/repositories/person-duplicates.ts';
import { getPerson } from '../store/repositories/person-repository.ts';
import { addTerm, listTerms } from '../store/repositories/vocabulary-repository.ts';
import { INTERCHANGE_FORMAT } from '../../shared/domain/interchange.ts';
import { ImportRejected, parseInterchange } from './interchange/json-import.ts';

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

  incident(id: string): { incident: Incident; facts: IncidentFacts } {
    const db = this.store();
    const incident = getIncident(db, id);
    if (!incident) throw new AppError('not-found', { detail: 'incident' });
    const victims = incident.victimIds.map((personId) => getPerson(db, personId)).filter((p): p is Person => p !== undefined);
    return { incident, facts: incidentFacts(incident, victims) };
  }

  saveIncident(incident: Incident): { id: string; created: boolean } {
    const db = this.store();
    let checked: Incident;
    try {
      checked = parseInterchange(db, JSON.stringify({ format: INTERCHANGE_FORMAT, incidents: [incident] })).incidents[0]!;
    } catch (error) {
      if (error instanceof ImportRejected) {
        const fields = error.issues.map((issue) => issue.path.replace(/^\$\.incidents\[0\]\.?/, '') || '(record)');
        throw new AppError('invalid-input', { detail: fields.join(', ').slice(0, 500) });
      }
      throw error;
    }
    const before = getIncident(db, checked.id);
    return audited(
      db,
      () => ({ actor: this.actor, action: before ? 'incident.update' : 'incident.create', entity: 'incident', entityId: checked.id, before, after: checked }),
      () => ({ id: checked.id, created: upsertIncident(db, checked) === 'created' }),
    );
  }

  duplicates(candidate: Pick<Person, 'name' | 'nameLatin' | 'birthDate'> & { id?: string }): DuplicateSuggestion[] {
    return suggestDuplicates(this.store(), candidate);
  }
}

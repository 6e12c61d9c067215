import { inferGender } from '../../../shared/domain/person-name.ts';
import { incidentFacts, isUrlReference, type Incident, type Person } from '../../../shared/domain/records.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import type { VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import type { IncidentForLetter, VictimFacts } from '../../../shared/templates/letters/input.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { getIncident } from '../../store/repositories/incident-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { getPlace } from '../../store/repositories/place-repository.ts';
import { listTerms } from '../../store/repositories/vocabulary-repository.ts';
import { LetterTexts } from './letter-texts.ts';

/**
 * Reads incidents as a letter tells them, in its language: every record text through `texts` (the text in that
 * language, else listed as missing), term labels instead of codes, the place, victims with their disclosure,
 * sources and the computed facts. Unknown ids are refused, naming the first one.
 */
export function incidentsForLetter(db: Db, ids: readonly string[], language: Language, texts: LetterTexts = new LetterTexts(language)): IncidentForLetter[] {
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
    const about = { entity: 'incident' as const, id: incident.id, context: incident.title };
    return {
      id: incident.id,
      title: texts.field(about, incident, 'title'),
      description: texts.field(about, incident, 'description'),
      startDate: incident.startDate,
      endDate: incident.endDate ?? null,
      datePrecision: incident.datePrecision,
      place: place ? { name: texts.field({ entity: 'place', id: place.id, context: place.name }, place, 'name'), country: place.country } : null,
      violationCodes: incident.violationTypes,
      violations: incident.violationTypes.map((code) => label('violation-type', code)),
      methods: incident.methods.map((code) => label('method', code)),
      victims: victims.map((person) => victimFacts(person, texts, label)),
      sources: incident.sources.map((source, index) => ({
        type: label('source-type', source.type),
        reference: sourceReference(incident, index, texts),
        date: source.date ?? null,
      })),
      peopleAffected: facts.peopleAffected,
      durationDays: facts.durationDays,
    };
  });
}

/** A web address is the same in every language; a described source is a text of the incident's original language. */
function sourceReference(incident: Incident, index: number, texts: LetterTexts): string {
  const source = incident.sources[index]!;
  if (isUrlReference(source.reference)) return source.reference;
  return texts.field({ entity: 'source', id: `${incident.id}/${index}`, context: incident.title }, { ...source, originalLanguage: incident.originalLanguage }, 'reference');
}

/**
 * A name is never translated: Russian and Tajik letters print it as staff wrote it, an English one in its Latin
 * spelling. A consented person shown by name in an English letter needs that spelling (listed as missing); a withheld
 * one is masked by the template, from the Latin spelling where there is one.
 */
function victimFacts(person: Person, texts: LetterTexts, label: (kind: VocabularyKind, code: string) => string): VictimFacts {
  let name = person.name;
  if (texts.language === 'en') {
    name = person.nameLatin ?? (person.disclosure === 'consented' ? texts.absent({ entity: 'person', id: person.id, field: 'nameLatin', context: person.name }, person.name, 'ru') : person.name);
  }
  return {
    kind: person.kind,
    name,
    count: person.kind === 'group' ? (person.count ?? 1) : 1,
    characteristics: person.characteristics.map((code) => label('characteristic', code)),
    characteristicCodes: person.characteristics,
    // The record's gender, else the name's («гражданка Р.» for Каримова); unknown, the letter says «лицо Р.».
    ...((person.gender ?? inferGender(person.name)) ? { gender: person.gender ?? inferGender(person.name) } : {}),
    withheld: person.disclosure !== 'consented',
  };
}

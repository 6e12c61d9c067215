import { counterpartOriginal, counterpartSchema, type Counterpart } from '../../shared/domain/correspondence.ts';
import { officeSchema, type Office } from '../../shared/domain/office.ts';
import { incidentSchema, personSchema, placeSchema } from '../../shared/domain/records.ts';
import { translatableFields, translationInputSchema, type TranslationInput, type Translations } from '../../shared/domain/translations.ts';
import type { Language } from '../../shared/domain/vault.ts';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { audited } from '../store/audit.ts';
import type { Db } from '../store/open.ts';
import { getIncident, refreshSearchEntriesOfPerson, upsertIncident } from '../store/repositories/incident-repository.ts';
import { getCounterpart, upsertCounterpart } from '../store/repositories/letter-repository.ts';
import { readOffice, writeOffice } from '../store/repositories/office-repository.ts';
import { getPerson, upsertPerson } from '../store/repositories/person-repository.ts';
import { getPlace, upsertPlace } from '../store/repositories/place-repository.ts';

const invalid = (detail: string) => new AppError('invalid-input', { detail });
const notFound = (what: string) => new AppError('not-found', { detail: what });

/** The translations with one text set (a copy). */
function withText<F extends string>(translations: Translations<F> | undefined, language: Language, field: F, text: string): Translations<F> {
  return { ...translations, [language]: { ...translations?.[language], [field]: text } };
}

/** The record as its schema reads it, or a refusal naming the fields the new text breaks (never the text). */
function checked<T>(schema: z.ZodType<T>, record: unknown): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.path.join('.')).join(', ').slice(0, 500));
  return parsed.data;
}

function field<E extends keyof typeof translatableFields>(entity: E, name: string): (typeof translatableFields)[E][number] {
  if (!(translatableFields[entity] as readonly string[]).includes(name)) throw invalid(`field: ${entity} has no translatable field "${name}"`);
  return name as (typeof translatableFields)[E][number];
}

interface Change {
  entity: string;
  entityId: string;
  before: unknown;
  write(): void;
}

/**
 * A text staff typed where a draft listed it missing, saved back to its record: a translation of an incident, a
 * source, a place or a counterpart; a person's Latin name; the office's value in that language. One transaction with
 * its audit row (`translation.save`, the record before and after, as every record change is audited); the incident's
 * search entry follows (upsertIncident refreshes it), so a search in the new language finds it.
 */
export function saveTranslation(db: Db, actor: string, input: unknown): void {
  const parsed = translationInputSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  const change = planChange(db, parsed.data);
  audited(
    db,
    () => ({ actor, action: 'translation.save', entity: change.entity, entityId: change.entityId, before: change.before, after: { field: parsed.data.field, language: parsed.data.language, text: parsed.data.text } }),
    () => change.write(),
  );
}

function planChange(db: Db, input: TranslationInput): Change {
  const { entity, id, language, text } = input;
  switch (entity) {
    case 'incident': {
      const incident = getIncident(db, id) ?? (() => { throw notFound('incident'); })();
      const name = field('incident', input.field);
      if (language === incident.originalLanguage) throw invalid('language: the incident is written in this language');
      const next = checked(incidentSchema, { ...incident, translations: withText(incident.translations, language, name, text) });
      return { entity, entityId: id, before: incident, write: () => upsertIncident(db, next) };
    }
    case 'source': {
      const [incidentId = '', index = ''] = [id.slice(0, id.lastIndexOf('/')), id.slice(id.lastIndexOf('/') + 1)];
      const incident = getIncident(db, incidentId) ?? (() => { throw notFound('incident'); })();
      const at = /^\d+$/.test(index) ? Number(index) : -1;
      const source = incident.sources[at] ?? (() => { throw notFound('source'); })();
      const name = field('source', input.field);
      if (language === incident.originalLanguage) throw invalid('language: the incident is written in this language');
      const sources = incident.sources.map((s, i) => (i === at ? { ...source, translations: withText(source.translations, language, name, text) } : s));
      const next = checked(incidentSchema, { ...incident, sources });
      return { entity, entityId: id, before: incident, write: () => upsertIncident(db, next) };
    }
    case 'place': {
      const place = getPlace(db, id) ?? (() => { throw notFound('place'); })();
      const name = field('place', input.field);
      if (language === place.originalLanguage) throw invalid('language: the place is written in this language');
      const next = checked(placeSchema, { ...place, translations: withText(place.translations, language, name, text) });
      return { entity, entityId: id, before: place, write: () => upsertPlace(db, next) };
    }
    case 'person': {
      const person = getPerson(db, id) ?? (() => { throw notFound('person'); })();
      // A name is not translated: its one other form is the Latin spelling an English document uses.
      if (input.field !== 'nameLatin' || language !== 'en') throw invalid('field: a person has only the Latin name (nameLatin, en)');
      const next = checked(personSchema, { ...person, nameLatin: text });
      return {
        entity,
        entityId: id,
        before: person,
        write: () => {
          upsertPerson(db, next);
          refreshSearchEntriesOfPerson(db, id);
        },
      };
    }
    case 'counterpart': {
      const counterpart = getCounterpart(db, id) ?? (() => { throw notFound('counterpart'); })();
      return { entity, entityId: id, before: counterpart, write: () => upsertCounterpart(db, counterpartWithText(counterpart, input)) };
    }
    case 'office': {
      const office = readOffice(db);
      const next = checked(officeSchema, officeWithText(office, input));
      return { entity, entityId: 'office', before: office, write: () => writeOffice(db, next) };
    }
  }
}

/**
 * In the card's own language only its addressee and salutation forms are set here; the rest is edited on the card.
 * A draft that cannot write a salutation without the addressee's gender lists `gender`: its text is `male` or `female`.
 */
function counterpartWithText(counterpart: Counterpart, input: TranslationInput): Counterpart {
  if (input.field === 'gender') {
    if (input.text !== 'male' && input.text !== 'female') throw invalid('text: the gender is male or female');
    return checked(counterpartSchema, { ...counterpart, gender: input.text });
  }
  const name = field('counterpart', input.field);
  if (input.language === counterpartOriginal(counterpart)) {
    if (name === 'addressee') return checked(counterpartSchema, { ...counterpart, addresseeDative: input.text });
    if (name === 'salutation') return checked(counterpartSchema, { ...counterpart, salutation: input.text });
    throw invalid('language: the counterpart is written in this language');
  }
  return checked(counterpartSchema, { ...counterpart, translations: withText(counterpart.translations, input.language, name, input.text) });
}

/** The office's texts are per language already: `name`, `address`, `executor`, `signatory:<id>:position|name`. */
function officeWithText(office: Office, { field: name, language, text }: TranslationInput): Office {
  if (name === 'name' || name === 'address') return { ...office, [name]: { ...office[name], [language]: text } };
  if (name === 'executor') {
    if (!office.executor) throw invalid('field: the office has no executor (Settings → Letters)');
    return { ...office, executor: { ...office.executor, name: { ...office.executor.name, [language]: text } } };
  }
  const signatory = /^signatory:(.+):(position|name)$/.exec(name);
  if (!signatory) throw invalid(`field: the office has no text "${name}"`);
  const [, signatoryId, part] = signatory as unknown as [string, string, 'position' | 'name'];
  if (!office.signatories.some((s) => s.id === signatoryId)) throw notFound('signatory');
  return { ...office, signatories: office.signatories.map((s) => (s.id === signatoryId ? { ...s, [part]: { ...s[part], [language]: text } } : s)) };
}

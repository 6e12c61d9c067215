import { z } from 'zod';
import { incidentSchema, personSchema, placeSchema, type Incident, type Person, type Place } from '../../../shared/domain/records.ts';
import type { VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';

import { personExists } from '../../store/repositories/person-repository.ts';
import { placeExists } from '../../store/repositories/place-repository.ts';
import { knownCodes } from '../../store/repositories/vocabulary-repository.ts';
import { fromZod, jsonPath, type ImportIssue } from './issues.ts';
import { readJsonValue, type JsonRead } from './json-text.ts';

import { INTERCHANGE_FORMAT_V1, interchangeFormats, recordSchemasOf } from '../../../shared/domain/interchange.ts';
import { evidentLanguage } from '../../../shared/domain/evident-language.ts';
import { closesReplyCycle, counterpartSchema, letterSchema, type Counterpart, type Letter } from '../../../shared/domain/correspondence.ts';
import { plural } from '../../../shared/domain/plural.ts';
import { hasLoneSurrogate } from '../../../shared/domain/text.ts';
import { counterpartExists, getLetter, letterNumberTaken } from '../../store/repositories/letter-repository.ts';
import { incidentExists } from '../../store/repositories/incident-repository.ts';
import { withReplyDeadlines } from './reply-deadlines.ts';

/**
 * The file's outer shape only; records are checked one by one below so every problem gets its own JSON path
 * (shared/domain/interchange.ts holds the full schemas that are published). Format 1 and format 2 are both read.
 */
const fileSchema = z
  .object({
    format: z.enum(interchangeFormats),
    places: z.array(z.unknown()).default([]),
    persons: z.array(z.unknown()).default([]),
    counterparts: z.array(z.unknown()).default([]),
    incidents: z.array(z.unknown()).default([]),
    letters: z.array(z.unknown()).default([]),
  })
  .strict();

export interface ParsedInterchange {
  places: Place[];
  persons: Person[];
  incidents: Incident[];
  /** Absent when a source (a spreadsheet of incidents) has none. */
  counterparts?: Counterpart[];
  letters?: Letter[];
}

type Counts = { places: number; persons: number; incidents: number; counterparts: number; letters: number };
export interface ImportCounts {
  created: Counts;
  updated: Counts;
}

/** Thrown when a file has problems; nothing has been written. */
export class ImportRejected extends AppError {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[]) {
    // Paths and messages name places in the file and rules, never its content (issues.ts).
    super('import-invalid', { detail: `${plural(issues.length, 'problem')}, first: ${issues[0]?.path} ${issues[0]?.message}`.slice(0, 500) });
    this.issues = issues;
  }
}

/** A valid record and where it stood in the file, for error paths. */
export interface Located<T> {
  index: number;
  value: T;
}

/**
 * Each record of a section checked against its format's schema (`given`), then read as the app's record (`schema`):
 * a record of format 1, which knows no languages, becomes the same record with the defaults of format 2 (a Russian
 * original, no translations).
 */
function records<T extends { id: string }>(section: string, raw: unknown[], given: z.ZodType<unknown>, schema: z.ZodType<T>, issues: ImportIssue[]): Located<T>[] {
  const parsed: Located<T>[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const checked = given.safeParse(item);
    if (!checked.success) return issues.push(...fromZod([section, index], checked.error));
    const result = given === schema ? (checked as z.ZodSafeParseSuccess<T>) : schema.safeParse(checked.data);
    if (!result.success) return issues.push(...fromZod([section, index], result.error));
    const id = result.data.id;
    if (seen.has(id)) issues.push({ path: jsonPath([section, index, 'id']), problem: 'duplicate-id', message: 'an earlier record has the same id' });
    seen.add(id);
    parsed.push({ index, value: result.data });
  });
  return parsed;
}

/**
 * Format 1 knows no languages: its records default to a Russian original, except where the letters show another
 * language (a Tajik title), so a Russian letter lists that text as untranslated instead of printing Tajik.
 */
function withEvidentLanguage<T extends { originalLanguage: Language }>(fromFormat1: boolean, located: Located<T>[], texts: (record: T) => string[]): Located<T>[] {
  if (!fromFormat1) return located;
  return located.map(({ index, value }) => ({ index, value: { ...value, originalLanguage: evidentLanguage(...texts(value)) ?? value.originalLanguage } }));
}

/** Parses and checks a whole interchange file against itself and the store. Throws ImportRejected listing every problem. */
export function parseInterchange(db: Db, text: string): ParsedInterchange {
  return checkInterchange(db, readJsonValue(text));
}

/**
 * Checks a file already read as JSON (imports read it in the isolated parsing process: json-text.ts) against
 * itself and the store. Throws ImportRejected listing every problem.
 */
export function checkInterchange(db: Db, read: JsonRead): ParsedInterchange {
  if ('issue' in read) throw new ImportRejected([read.issue]);
  const json = read.value;
  const halves = loneSurrogatePaths(json);
  if (halves.length) throw new ImportRejected(halves);
  const top = fileSchema.safeParse(json);
  if (!top.success) throw new ImportRejected(fromZod([], top.error));
  const issues: ImportIssue[] = [];
  const given = recordSchemasOf(top.data.format);
  const fromFormat1 = top.data.format === INTERCHANGE_FORMAT_V1;
  const places = withEvidentLanguage(fromFormat1, records('places', top.data.places, given.places, placeSchema, issues), (place) => [place.name]);
  const persons = records('persons', top.data.persons, given.persons, personSchema, issues);
  const counterparts = records('counterparts', top.data.counterparts, given.counterparts, counterpartSchema, issues);
  const incidents = withEvidentLanguage(fromFormat1, records('incidents', top.data.incidents, given.incidents, incidentSchema, issues), (incident) => [incident.title, incident.description]);
  const letters = records('letters', top.data.letters, letterSchema, letterSchema as z.ZodType<Letter>, issues);
  checkReferences(db, { places, persons, incidents }, issues);
  checkLetters(db, { counterpartIds: new Set(counterparts.map((c) => c.value.id)), incidentIds: new Set(incidents.map((i) => i.value.id)), letters }, (at, path, problem, message) =>
    issues.push({ path: jsonPath(['letters', at, ...path]), problem, message }),
  );
  if (issues.length) throw new ImportRejected(issues);
  const values = <T>(located: Located<T>[]) => located.map((entry) => entry.value);
  return { places: values(places), persons: values(persons), counterparts: values(counterparts), incidents: values(incidents), letters: withReplyDeadlines(db, values(counterparts), values(letters)) };
}

const MAX_SURROGATE_ISSUES = 100;

/**
 * Strings (and keys) holding half of a surrogate pair — `"\ud800"` escapes, which JSON allows but no text can show —
 * by their JSON path. Walked with an explicit stack, since JSON.parse takes nesting far deeper than the call stack.
 */
function loneSurrogatePaths(json: unknown): ImportIssue[] {
  type Node = { value: unknown; key: PropertyKey | null; parent: Node | null };
  const pathOf = (node: Node, key?: PropertyKey): PropertyKey[] => {
    const path: PropertyKey[] = key === undefined ? [] : [key];
    for (let at: Node | null = node; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const issues: ImportIssue[] = [];
  const report = (path: PropertyKey[]) => issues.push({ path: jsonPath(path), problem: 'invalid', message: 'a \\u escape that is half of a character (a lone surrogate)' });
  const stack: Node[] = [{ value: json, key: null, parent: null }];
  while (stack.length && issues.length < MAX_SURROGATE_ISSUES) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) report(pathOf(node));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], key: i, parent: node });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) if (hasLoneSurrogate(key)) report(pathOf(node, key));
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return issues;
}

/** A problem with one letter: which letter (its position), which field, what. */
export type LetterProblem = (at: number, path: PropertyKey[], problem: 'dangling-id' | 'duplicate-number' | 'reply-before-letter' | 'other-counterpart' | 'reply-cycle', message: string) => void;

/**
 * Letters must name a counterpart, incidents and the letter they answer that exist (in the file or the store); a
 * reply answers a letter of the same counterpart, is not dated before it and does not close a loop of replies;
 * numbers are unique in their year (incoming: per sender), across the file and the store. Shared by interchange
 * files and register spreadsheets. Messages name the rule, never the values (the path says where).
 */
export function checkLetters(db: Db, file: { counterpartIds: ReadonlySet<string>; incidentIds: ReadonlySet<string>; letters: readonly Located<Letter>[] }, report: LetterProblem): void {
  const inFile = new Map(file.letters.map((l) => [l.value.id, l.value]));
  // A letter in the file replaces the stored one with its id, so its link is the one that counts.
  const answered = (id: string): Letter | undefined => inFile.get(id) ?? getLetter(db, id);
  const numbers = new Set<string>();
  for (const { index: at, value: letter } of file.letters) {
    if (!file.counterpartIds.has(letter.counterpartId) && !counterpartExists(db, letter.counterpartId)) report(at, ['counterpartId'], 'dangling-id', 'no counterpart has this id');
    letter.incidentIds.forEach((id, i) => {
      if (!file.incidentIds.has(id) && !incidentExists(db, id)) report(at, ['incidentIds', i], 'dangling-id', 'no incident has this id');
    });
    if (letter.inReplyTo) {
      const original = answered(letter.inReplyTo);
      if (!original) report(at, ['inReplyTo'], 'dangling-id', 'no letter has this id');
      else if (original.counterpartId !== letter.counterpartId) report(at, ['inReplyTo'], 'other-counterpart', 'the letter answered belongs to another counterpart');
      else if (letter.date < original.date) report(at, ['date'], 'reply-before-letter', 'a reply cannot be dated before the letter it answers');
      else if (closesReplyCycle(letter.id, letter.inReplyTo, (id) => answered(id)?.inReplyTo)) report(at, ['inReplyTo'], 'reply-cycle', 'the letters answer each other in a loop');
    }
    const key = `${letter.direction}|${letter.direction === 'incoming' ? letter.counterpartId : ''}|${letter.number}|${letter.date.slice(0, 4)}`;
    if (numbers.has(key) || letterNumberTaken(db, letter)) report(at, ['number'], 'duplicate-number', 'the number is registered twice in the same year');
    numbers.add(key);
  }
}

/** Codes must be known terms and ids must exist in the file or the store. */
function checkReferences(db: Db, file: { places: Located<Place>[]; persons: Located<Person>[]; incidents: Located<Incident>[] }, issues: ImportIssue[]): void {
  const codes = new Map<VocabularyKind, Set<string>>();
  const known = (kind: VocabularyKind) => codes.get(kind) ?? codes.set(kind, knownCodes(db, kind)).get(kind)!;
  const checkCode = (kind: VocabularyKind, code: string, path: PropertyKey[]) => {
    if (!known(kind).has(code)) issues.push({ path: jsonPath(path), problem: 'unknown-code', message: `not a known ${kind} code` });
  };
  const placeIds = new Set(file.places.map((p) => p.value.id));
  const personIds = new Set(file.persons.map((p) => p.value.id));

  for (const { index: at, value: person } of file.persons) {
    person.characteristics.forEach((code, i) => checkCode('characteristic', code, ['persons', at, 'characteristics', i]));
  }
  for (const { index: at, value: incident } of file.incidents) {
    incident.violationTypes.forEach((code, i) => checkCode('violation-type', code, ['incidents', at, 'violationTypes', i]));
    incident.methods.forEach((code, i) => checkCode('method', code, ['incidents', at, 'methods', i]));
    if (incident.perpetratorType) checkCode('perpetrator-type', incident.perpetratorType, ['incidents', at, 'perpetratorType']);
    incident.sources.forEach((source, i) => checkCode('source-type', source.type, ['incidents', at, 'sources', i, 'type']));
    if (incident.placeId && !placeIds.has(incident.placeId) && !placeExists(db, incident.placeId)) {
      issues.push({ path: jsonPath(['incidents', at, 'placeId']), problem: 'dangling-id', message: 'no place has this id' });
    }
    incident.victimIds.forEach((id, i) => {
      if (!personIds.has(id) && !personExists(db, id)) issues.push({ path: jsonPath(['incidents', at, 'victimIds', i]), problem: 'dangling-id', message: 'no person has this id' });
    });
  }
}

import { z } from 'zod';
import { incidentSchema, personSchema, placeSchema, type Incident, type Person, type Place } from '../../../shared/domain/records.ts';
import type { VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';

import { personExists } from '../../store/repositories/person-repository.ts';
import { placeExists } from '../../store/repositories/place-repository.ts';
import { knownCodes } from '../../store/repositories/vocabulary-repository.ts';
import { fromZod, jsonPath, type ImportIssue } from './issues.ts';

import { INTERCHANGE_FORMAT } from '../../../shared/domain/interchange.ts';

/**
 * The file's outer shape only; records are checked one by one below so every problem gets its own JSON path
 * (shared/domain/interchange.ts holds the full schema that is published).
 */
const fileSchema = z
  .object({
    format: z.literal(INTERCHANGE_FORMAT),
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
}

export interface ImportCounts {
  created: { places: number; persons: number; incidents: number };
  updated: { places: number; persons: number; incidents: number };
}

/** Thrown when a file has problems; nothing has been written. */
export class ImportRejected extends AppError {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[]) {
    super('import-invalid', { detail: `${issues.length} problem(s), first: ${issues[0]?.path} ${issues[0]?.message}`.slice(0, 500) });
    this.issues = issues;
  }
}

/** A valid record and where it stood in the file, for error paths. */
interface Located<T> {
  index: number;
  value: T;
}

function records<T extends { id: string }>(section: string, raw: unknown[], schema: z.ZodType<T>, issues: ImportIssue[]): Located<T>[] {
  const parsed: Located<T>[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) return issues.push(...fromZod([section, index], result.error));
    const id = result.data.id;
    if (seen.has(id)) issues.push({ path: jsonPath([section, index, 'id']), problem: 'duplicate-id', message: `id "${id}" appears twice` });
    seen.add(id);
    parsed.push({ index, value: result.data });
  });
  return parsed;
}

/** Parses and checks a whole interchange file against itself and the store. Throws ImportRejected listing every problem. */
export function parseInterchange(db: Db, text: string): ParsedInterchange {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportRejected([{ path: '$', problem: 'malformed-json', message: (error as Error).message.slice(0, 200) }]);
  }
  const top = fileSchema.safeParse(json);
  if (!top.success) throw new ImportRejected(fromZod([], top.error));
  const issues: ImportIssue[] = [];
  for (const section of ['counterparts', 'letters'] as const) {
    if (top.data[section].length > 0) {
      issues.push({ path: jsonPath([section]), problem: 'not-supported', message: `${section} are not supported by this version yet; the file was not imported` });
    }
  }
  const places = records('places', top.data.places, placeSchema, issues);
  const persons = records('persons', top.data.persons, personSchema, issues);
  const incidents = records('incidents', top.data.incidents, incidentSchema, issues);
  checkReferences(db, { places, persons, incidents }, issues);
  if (issues.length) throw new ImportRejected(issues);
  const values = <T>(located: Located<T>[]) => located.map((entry) => entry.value);
  return { places: values(places), persons: values(persons), incidents: values(incidents) };
}

/** Codes must be known terms and ids must exist in the file or the store. */
function checkReferences(db: Db, file: { places: Located<Place>[]; persons: Located<Person>[]; incidents: Located<Incident>[] }, issues: ImportIssue[]): void {
  const codes = new Map<VocabularyKind, Set<string>>();
  const known = (kind: VocabularyKind) => codes.get(kind) ?? codes.set(kind, knownCodes(db, kind)).get(kind)!;
  const checkCode = (kind: VocabularyKind, code: string, path: PropertyKey[]) => {
    if (!known(kind).has(code)) issues.push({ path: jsonPath(path), problem: 'unknown-code', message: `unknown ${kind} code "${code}"` });
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
      issues.push({ path: jsonPath(['incidents', at, 'placeId']), problem: 'dangling-id', message: `no place with id "${incident.placeId}"` });
    }
    incident.victimIds.forEach((id, i) => {
      if (!personIds.has(id) && !personExists(db, id)) issues.push({ path: jsonPath(['incidents', at, 'victimIds', i]), problem: 'dangling-id', message: `no person with id "${id}"` });
    });
  }
}

import type { Incident, Source } from '../../../shared/domain/records.ts';
import { foldForSearch } from '../../../shared/domain/search-text.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';
import { translatedTexts, translationsFrom, translationsJson } from './translations-column.ts';

interface IncidentRow {
  id: string;
  title: string;
  description: string;
  start_date: string;
  end_date: string | null;
  date_precision: Incident['datePrecision'];
  place_id: string | null;
  perpetrator_type: string | null;
  confidentiality: Incident['confidentiality'];
  status: Incident['status'];
  original_language: Incident['originalLanguage'];
  translations: string;
}

export const incidentExists = (db: Db, id: string) => statement(db, 'SELECT 1 FROM incident WHERE id = ?').get(id) !== undefined;

/** Writes the incident with its codes, victims and sources, and refreshes its search entry. Call inside a transaction. */
export function upsertIncident(db: Db, incident: Incident): 'created' | 'updated' {
  const existed = incidentExists(db, incident.id);
  statement(db, 
    `INSERT INTO incident (id, title, description, start_date, end_date, date_precision, place_id, perpetrator_type, confidentiality, status, original_language, translations)
     VALUES (@id, @title, @description, @startDate, @endDate, @datePrecision, @placeId, @perpetratorType, @confidentiality, @status, @originalLanguage, @translations)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
       original_language = excluded.original_language, translations = excluded.translations,
       start_date = excluded.start_date, end_date = excluded.end_date, date_precision = excluded.date_precision,
       place_id = excluded.place_id, perpetrator_type = excluded.perpetrator_type,
       confidentiality = excluded.confidentiality, status = excluded.status`,
  ).run({
    ...incident,
    endDate: incident.endDate ?? null,
    placeId: incident.placeId ?? null,
    perpetratorType: incident.perpetratorType ?? null,
    translations: translationsJson(incident.translations),
  });
  for (const table of ['incident_code', 'incident_victim', 'incident_source']) statement(db, `DELETE FROM ${table} WHERE incident_id = ?`).run(incident.id);
  // Codes keep the order staff gave them: the first violation is usually the main one.
  const code = statement(db, 'INSERT INTO incident_code (incident_id, kind, code, position) VALUES (?, ?, ?, ?)');
  [...new Set(incident.violationTypes)].forEach((value, position) => code.run(incident.id, 'violation-type', value, position));
  [...new Set(incident.methods)].forEach((value, position) => code.run(incident.id, 'method', value, position));
  const victim = statement(db, 'INSERT INTO incident_victim (incident_id, person_id, position) VALUES (?, ?, ?)');
  [...new Set(incident.victimIds)].forEach((personId, position) => victim.run(incident.id, personId, position));
  const source = statement(db, 'INSERT INTO incident_source (incident_id, position, type, reference, date, reliability, translations) VALUES (?, ?, ?, ?, ?, ?, ?)');
  incident.sources.forEach((s, position) => source.run(incident.id, position, s.type, s.reference, s.date ?? null, s.reliability, translationsJson(s.translations)));
  refreshSearchEntry(db, incident.id);
  return existed ? 'updated' : 'created';
}

/**
 * The folded text search matches against: title, description and sources in the original and every translation
 * (a search in Tajik finds a Russian incident translated into Tajik), victims' names in every script.
 */
export function refreshSearchEntry(db: Db, incidentId: string): void {
  const row = statement(db, 'SELECT rowid, title, description, translations FROM incident WHERE id = ?').get(incidentId) as { rowid: number; title: string; description: string; translations: string };
  const translations = translationsFrom(row.translations);
  const names = db
    .prepare(`SELECT p.name || ' ' || coalesce(p.name_latin, '') FROM incident_victim v JOIN person p ON p.id = v.person_id WHERE v.incident_id = ?`)
    .pluck()
    .all(incidentId) as string[];
  const sources = (statement(db, 'SELECT reference, translations FROM incident_source WHERE incident_id = ?').all(incidentId) as { reference: string; translations: string }[]).flatMap(
    (source) => [source.reference, ...translatedTexts(translationsFrom(source.translations), 'reference')],
  );
  statement(db, 'DELETE FROM incident_search WHERE rowid = ?').run(row.rowid);
  statement(db, 'INSERT INTO incident_search (rowid, title, body, names, sources) VALUES (?, ?, ?, ?, ?)').run(
    row.rowid,
    foldForSearch([row.title, ...translatedTexts(translations, 'title')].join(' ')),
    foldForSearch([row.description, ...translatedTexts(translations, 'description')].join('\n')),
    foldForSearch(names.join(' ')),
    foldForSearch(sources.join(' ')),
  );
}

/** A person's names changed: refresh every incident that lists them. */
export function refreshSearchEntriesOfPerson(db: Db, personId: string): void {
  for (const id of statement(db, 'SELECT incident_id FROM incident_victim WHERE person_id = ?').pluck().all(personId) as string[]) refreshSearchEntry(db, id);
}

function toIncident(db: Db, row: IncidentRow): Incident {
  const codes = statement(db, 'SELECT kind, code FROM incident_code WHERE incident_id = ? ORDER BY kind, position').all(row.id) as { kind: string; code: string }[];
  const sourceRows = statement(db, 'SELECT type, reference, date, reliability, translations FROM incident_source WHERE incident_id = ? ORDER BY position').all(row.id) as (Omit<Source, 'date' | 'translations'> & {
    date: string | null;
    translations: string;
  })[];
  const sources = sourceRows.map(({ date, translations, ...rest }): Source => {
    const source: Source = date === null ? rest : { ...rest, date };
    const translated = translationsFrom<'reference'>(translations);
    return translated ? { ...source, translations: translated } : source;
  });
  const incident: Incident = {
    id: row.id,
    originalLanguage: row.original_language,
    title: row.title,
    description: row.description,
    startDate: row.start_date,
    datePrecision: row.date_precision,
    violationTypes: codes.filter((c) => c.kind === 'violation-type').map((c) => c.code),
    methods: codes.filter((c) => c.kind === 'method').map((c) => c.code),
    victimIds: statement(db, 'SELECT person_id FROM incident_victim WHERE incident_id = ? ORDER BY position').pluck().all(row.id) as string[],
    sources,
    confidentiality: row.confidentiality,
    status: row.status,
  };
  if (row.end_date !== null) incident.endDate = row.end_date;
  if (row.place_id !== null) incident.placeId = row.place_id;
  if (row.perpetrator_type !== null) incident.perpetratorType = row.perpetrator_type;
  const translations = translationsFrom<'title' | 'description'>(row.translations);
  if (translations) incident.translations = translations;
  return incident;
}

export function getIncident(db: Db, id: string): Incident | undefined {
  const row = statement(db, 'SELECT * FROM incident WHERE id = ?').get(id) as IncidentRow | undefined;
  return row && toIncident(db, row);
}

export function* iterateIncidents(db: Db): Generator<Incident> {
  const ids = statement(db, 'SELECT id FROM incident ORDER BY id').pluck().all() as string[];
  for (const id of ids) yield getIncident(db, id)!;
}

/** Moves incidents forward to `status` (raised, then answered) without ever moving one back. */
export function advanceIncidentStatus(db: Db, ids: Iterable<string>, status: 'raised' | 'answered'): void {
  const from = status === 'raised' ? ['documented'] : ['documented', 'raised'];
  const update = statement(db, `UPDATE incident SET status = ? WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`);
  for (const id of new Set(ids)) update.run(status, id, ...from);
}

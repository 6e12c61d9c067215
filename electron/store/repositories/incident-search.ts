import { incidentQuerySchema, type IncidentHit, type IncidentQuery } from '../../../shared/domain/search.ts';
import { searchTerms } from '../../../shared/domain/search-text.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../open.ts';

/** Each folded word as an FTS5 prefix term; quoting keeps FTS operators in user text inert. */
export const ftsExpression = (text: string) =>
  searchTerms(text)
    .map((word) => `"${word.replaceAll('"', '""')}"*`)
    .join(' AND ');

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Full-text search combined with filters. Text matches titles, descriptions, victims' names and sources, in any
 * of the three languages. Without text, newest incidents first.
 */
export function searchIncidents(db: Db, rawQuery: IncidentQuery): IncidentHit[] {
  const { query, from, where, params, order, nothing } = compile(rawQuery);
  if (nothing) return [];
  // Place and people affected are looked up for the page only, after the limit.
  const sql = `SELECT page.*, p.name AS placeName,
                 (SELECT coalesce(sum(CASE WHEN pr.kind = 'group' THEN pr.count ELSE 1 END), 0)
                    FROM incident_victim v JOIN person pr ON pr.id = v.person_id WHERE v.incident_id = page.id) AS peopleAffected
               FROM (SELECT i.id, i.title, i.start_date AS startDate, i.end_date AS endDate, i.status, i.place_id AS placeId
                     FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                     ORDER BY ${order} LIMIT ? OFFSET ?) page
               LEFT JOIN place p ON p.id = page.placeId`;
  const rows = db.prepare(sql).all(...params, query.limit, query.offset) as (IncidentHit & { placeId: string | null })[];
  return rows.map(({ placeId: _placeId, ...hit }) => hit);
}

/** How many incidents match, for the list's length and the selection. */
export function countIncidents(db: Db, rawQuery: IncidentQuery): number {
  const { from, where, params, nothing } = compile(rawQuery);
  if (nothing) return 0;
  return db.prepare(`SELECT count(*) FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number;
}

const sortColumns = { startDate: 'i.start_date', title: 'i.title COLLATE NOCASE', status: 'i.status' } as const;

function compile(rawQuery: IncidentQuery) {
  const parsed = incidentQuerySchema.safeParse(rawQuery);
  if (!parsed.success) throw new AppError('invalid-input', { detail: parsed.error.issues.map((issue) => issue.path.join('.')).join(', ') });
  const query = parsed.data;
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  const fts = query.text ? ftsExpression(query.text) : '';
  let from = 'incident i';
  let order = 'i.start_date DESC, i.id';
  if (fts) {
    // Text hits come most recently recorded first: FTS5 walks its index in rowid order and stops at the limit,
    // which stays fast when a common word matches most of 100,000 incidents; ranking every match would not
    // (see npm run bench). The window sorts the hits it shows by any column.
    from = 'incident_search s JOIN incident i ON i.rowid = s.rowid';
    add('incident_search MATCH ?', fts);
    order = 's.rowid DESC';
  }
  // An incident without an end date lasted one day for the purpose of the range.
  if (query.from) add('coalesce(i.end_date, i.start_date) >= ?', query.from);
  if (query.to) add('i.start_date <= ?', query.to);
  if (query.placeId) add('i.place_id = ?', query.placeId);
  if (query.country) add('i.place_id IN (SELECT id FROM place WHERE country = ?)', query.country);
  if (query.statuses?.length) add(`i.status IN (${placeholders(query.statuses)})`, ...query.statuses);
  if (query.confidentiality?.length) add(`i.confidentiality IN (${placeholders(query.confidentiality)})`, ...query.confidentiality);
  if (query.violationTypes?.length) {
    add(
      `EXISTS (SELECT 1 FROM incident_code c WHERE c.incident_id = i.id AND c.kind = 'violation-type' AND c.code IN (${placeholders(query.violationTypes)}))`,
      ...query.violationTypes,
    );
  }
  if (query.characteristics?.length) {
    add(
      `EXISTS (SELECT 1 FROM incident_victim v JOIN person_characteristic pc ON pc.person_id = v.person_id
               WHERE v.incident_id = i.id AND pc.code IN (${placeholders(query.characteristics)}))`,
      ...query.characteristics,
    );
  }
  if (query.sort) order = `${sortColumns[query.sort]} ${query.direction === 'desc' ? 'DESC' : 'ASC'}, i.id`;
  // Only punctuation as text: nothing can match.
  return { query, from, where, params, order, nothing: Boolean(query.text && !fts) };
}

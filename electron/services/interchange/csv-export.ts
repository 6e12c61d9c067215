import { incidentFacts } from '../../../shared/domain/records.ts';
import type { Db } from '../../store/open.ts';
import { iterateIncidents } from '../../store/repositories/incident-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { getPlace } from '../../store/repositories/place-repository.ts';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return) is
 * prefixed with an apostrophe, so a title like "=HYPERLINK(…)" from a victim's complaint stays text (OWASP
 * CSV injection guidance).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: every cell quoted, quotes doubled. */
const cell = (value: string | number | null | undefined) => `"${neutralizeFormula(String(value ?? '')).replaceAll('"', '""')}"`;

export const CSV_COLUMNS = ['id', 'title', 'startDate', 'endDate', 'datePrecision', 'place', 'country', 'violationTypes', 'peopleAffected', 'durationDays', 'status', 'confidentiality'] as const;

/**
 * The incident list as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Tajik and Russian
 * correctly), CRLF line ends, one row per incident, codes joined with "; ".
 */
export function incidentsCsv(db: Db): string {
  const lines = [CSV_COLUMNS.map(cell).join(',')];
  for (const incident of iterateIncidents(db)) {
    const place = incident.placeId ? getPlace(db, incident.placeId) : undefined;
    const victims = incident.victimIds.map((id) => getPerson(db, id)).filter((person) => person !== undefined);
    const facts = incidentFacts(incident, victims);
    lines.push(
      [
        incident.id,
        incident.title,
        incident.startDate,
        incident.endDate,
        incident.datePrecision,
        place?.name,
        place?.country,
        incident.violationTypes.join('; '),
        facts.peopleAffected,
        facts.durationDays,
        incident.status,
        incident.confidentiality,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import type { Db } from '../../store/open.ts';
import { INCIDENT_LIST_COLUMNS, incidentListRows, type IncidentListCell } from './incident-list-rows.ts';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return) is
 * prefixed with an apostrophe, so a title like "=HYPERLINK(…)" from a victim's complaint stays text (OWASP
 * CSV injection guidance).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: every cell quoted, quotes doubled. */
const cell = (value: IncidentListCell) => `"${neutralizeFormula(String(value ?? '')).replaceAll('"', '""')}"`;

/**
 * The incident list as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Tajik and Russian
 * correctly), CRLF line ends, one row per incident.
 */
export function incidentsCsv(db: Db, ids?: readonly string[]): string {
  const lines = [INCIDENT_LIST_COLUMNS.map(cell).join(',')];
  for (const row of incidentListRows(db, ids)) lines.push(row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

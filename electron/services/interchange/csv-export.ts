import type { Db } from '../../store/open.ts';
import { INCIDENT_LIST_COLUMNS, incidentListRows, type IncidentListCell } from './incident-list-rows.ts';

/** A formula trigger, behind any apostrophes a text already starts with. */
const ESCAPED_OR_FORMULA = /^'*[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return) is
 * prefixed with an apostrophe, so a title like "=HYPERLINK(…)" from a victim's complaint stays text (OWASP
 * CSV injection guidance). A text that already starts with apostrophes before such a character gets one more,
 * so that reading the file back (unneutralizeFormula) returns every text exactly as it was.
 */
export function neutralizeFormula(value: string): string {
  return ESCAPED_OR_FORMULA.test(value) ? `'${value}` : value;
}

/** The inverse of neutralizeFormula, for reading a CSV back: "'=x" is "=x", "''=x" is "'=x", "'x" stays. */
export function unneutralizeFormula(value: string): string {
  return value.startsWith("'") && ESCAPED_OR_FORMULA.test(value) ? value.slice(1) : value;
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

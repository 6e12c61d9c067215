import { numberingSchemeSchema, type NumberingScheme } from '../../../shared/domain/numbering.ts';
import { tajikistanCalendar, type HolidayCalendar } from '../../../shared/domain/calendar.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

/** The stored numbering scheme, or undefined when none was set (or it no longer parses). */
export function readNumbering(db: Db): NumberingScheme | undefined {
  const raw = statement(db, "SELECT value FROM settings WHERE key = 'numbering'").pluck().get() as string | undefined;
  const parsed = raw ? numberingSchemeSchema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

export function writeNumbering(db: Db, scheme: NumberingScheme): void {
  statement(db, "INSERT INTO settings (key, value) VALUES ('numbering', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(scheme));
}

export function readCalendar(db: Db, id: string): HolidayCalendar | undefined {
  const row = statement(db, 'SELECT * FROM holiday_calendar WHERE id = ?').get(id) as { id: string; name: string; fixed: string; movable: string } | undefined;
  return row && { id: row.id, name: row.name, fixed: JSON.parse(row.fixed) as string[], movable: JSON.parse(row.movable) as string[] };
}

/** The calendar deadlines are counted with: the office's edited Tajikistan calendar, or the built-in one. */
export const activeCalendar = (db: Db): HolidayCalendar => readCalendar(db, tajikistanCalendar.id) ?? tajikistanCalendar;

export function writeCalendar(db: Db, calendar: HolidayCalendar): void {
  statement(db, 'INSERT INTO holiday_calendar (id, name, fixed, movable) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, fixed = excluded.fixed, movable = excluded.movable').run(
    calendar.id,
    calendar.name,
    JSON.stringify(calendar.fixed),
    JSON.stringify(calendar.movable),
  );
}

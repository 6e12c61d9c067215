import { DEFAULT_OFFICE, officeSchema, type Office } from '../../../shared/domain/office.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

/** The office's letter settings, or the defaults until they are set (or when they no longer parse). */
export function readOffice(db: Db): Office {
  const raw = statement(db, "SELECT value FROM settings WHERE key = 'office'").pluck().get() as string | undefined;
  const parsed = raw ? officeSchema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_OFFICE;
}

export function writeOffice(db: Db, office: Office): void {
  statement(db, "INSERT INTO settings (key, value) VALUES ('office', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(office));
}

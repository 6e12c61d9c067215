import { expectedReplyDate, tajikistanCalendar, type HolidayCalendar } from '../../../shared/domain/calendar.ts';
import { evidentLanguage } from '../../../shared/domain/evident-language.ts';
import type { Db } from '../open.ts';

/**
 * Two things records kept before issue 12 could not say, filled in from what they hold:
 * - 0007 filed every incident and place as a Russian original. One whose letters are evidently Tajik or English
 *   (shared/domain/evident-language.ts) is filed in that language, so a Russian letter asks for its translation
 *   instead of printing Tajik. Only untranslated rows change: a row staff already translated keeps their choice.
 * - Outgoing letters imported without a reply deadline had none, so a register brought in from history showed
 *   nothing overdue. Each gets what a letter registered here gets: the date sent plus its counterpart's reply term,
 *   with the office's holiday calendar (the same rule as import, services/interchange/reply-deadlines.ts).
 * The rules are the domain's functions of today, imported: they are what the app applies to new records, and a
 * vault migrating later should get the same answer as one importing the same records then.
 */
export function up(db: Db): void {
  for (const table of ['incident', 'place'] as const) {
    const texts = table === 'incident' ? "title || ' ' || description" : 'name';
    const rows = db.prepare(`SELECT id, ${texts} AS text FROM ${table} WHERE original_language = 'ru' AND translations = '{}'`).all() as { id: string; text: string }[];
    const refile = db.prepare(`UPDATE ${table} SET original_language = ? WHERE id = ?`);
    for (const row of rows) {
      const language = evidentLanguage(row.text);
      if (language && language !== 'ru') refile.run(language, row.id);
    }
  }

  const stored = db.prepare("SELECT fixed, movable FROM holiday_calendar WHERE id = 'tj'").get() as { fixed: string; movable: string } | undefined;
  const calendar: HolidayCalendar = stored ? { ...tajikistanCalendar, fixed: JSON.parse(stored.fixed) as string[], movable: JSON.parse(stored.movable) as string[] } : tajikistanCalendar;
  const letters = db
    .prepare(
      `SELECT l.id, l.date, c.reply_days AS days, c.reply_kind AS kind FROM letter l JOIN counterpart c ON c.id = l.counterpart_id
       WHERE l.direction = 'outgoing' AND l.expected_reply_by IS NULL`,
    )
    .all() as { id: string; date: string; days: number; kind: 'calendar' | 'working' }[];
  const setDeadline = db.prepare('UPDATE letter SET expected_reply_by = ? WHERE id = ?');
  for (const letter of letters) setDeadline.run(expectedReplyDate(letter.date, { days: letter.days, kind: letter.kind }, calendar), letter.id);
}

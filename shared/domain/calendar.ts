import { z } from 'zod';
import { recordIdSchema } from './ids.ts';
import { isoDateSchema } from './records.ts';
import { lineText } from './text.ts';

/** `MM-DD` that exists in some year (29 February included). */
const monthDaySchema = z.string().refine((value) => {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate();
}, 'not a day of the year (MM-DD)');

/**
 * Days off for counting working days: every year's fixed holidays as `MM-DD`, and the movable ones (Idi Ramazon,
 * Idi Qurbon) entered by staff per year as ISO dates. Saturdays and Sundays are always off.
 */
export const holidayCalendarSchema = z
  .object({
    id: recordIdSchema,
    name: lineText(200).trim().min(1),
    fixed: z.array(monthDaySchema).max(100),
    movable: z.array(isoDateSchema).max(500),
  })
  .strict();
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

/** Tajikistan's fixed public holidays (DOMAIN.md): New Year, 8 March, Navruz (4 days), 1 and 9 May, 27 June, 9 September, 6 November. */
export const tajikistanCalendar: HolidayCalendar = {
  id: 'tj',
  name: 'Tajikistan',
  fixed: ['01-01', '03-08', '03-21', '03-22', '03-23', '03-24', '05-01', '05-09', '06-27', '09-09', '11-06'],
  movable: [],
};

export const replyTermSchema = z
  .object({
    days: z.number().int().min(1).max(365),
    kind: z.enum(['calendar', 'working']),
  })
  .strict();
export type ReplyTerm = z.infer<typeof replyTermSchema>;
export const DEFAULT_REPLY_TERM: ReplyTerm = { days: 30, kind: 'calendar' };

const DAY = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addCalendarDays(date: string, days: number): string {
  return toDate(toTime(date) + days * DAY);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const weekday = new Date(toTime(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !calendar.fixed.includes(date.slice(5)) && !calendar.movable.includes(date);
}

/**
 * The date a reply is expected by. Working days: the term counts working days after the day the letter was sent.
 * Calendar days: the date the term ends, moved to the next working day when it falls on a day off (the usual rule
 * for official deadlines, so a deadline never expires on a Sunday or in Navruz).
 */
export function expectedReplyDate(sent: string, term: ReplyTerm, calendar: HolidayCalendar): string {
  let date = sent;
  if (term.kind === 'calendar') {
    date = addCalendarDays(sent, term.days);
  } else {
    for (let counted = 0; counted < term.days; ) {
      date = addCalendarDays(date, 1);
      if (isWorkingDay(date, calendar)) counted += 1;
    }
  }
  while (!isWorkingDay(date, calendar)) date = addCalendarDays(date, 1);
  return date;
}

/** Today as an ISO date in this computer's time zone (a letter registered at 1 a.m. in Dushanbe is dated today). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

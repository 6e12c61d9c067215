import { z } from 'zod';

/**
 * The one place that says which dates the app takes. A date outside these bounds is a typo (0000, 9999, a birth
 * date next year), not a fact about a case: refusing it keeps lists sorted, deadlines sane and letters credible.
 */

/** ISO date `YYYY-MM-DD` that exists in the calendar (no 2024-02-30), any year: for queries and settings. */
export const isoDateSchema = z.iso.date();

/** Nothing the office records happened before this day. */
export const EARLIEST_DATE = '1900-01-01';
/** Events and letters may be dated up to a year ahead (a planned visit, a letter prepared for the new year). */
const EVENT_YEARS_AHEAD = 1;
/** A reply deadline follows a letter by at most 365 working days, so it may lie further ahead than the letter. */
const DEADLINE_YEARS_AHEAD = 3;

/** Today on the computer's calendar (local time, as staff read it), as calendar.ts's localToday (which depends on this module). */
function today(now = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `from` moved by whole years; 29 February becomes 28 February in a common year. */
function yearsAhead(from: string, years: number): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return `${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export type DateKind = 'event' | 'birth' | 'deadline';

/** The inclusive bounds of each kind of date on the day `on` (default today). ISO dates compare as strings. */
export function dateBounds(kind: DateKind, on: string = today()): { earliest: string; latest: string } {
  switch (kind) {
    case 'event':
      return { earliest: EARLIEST_DATE, latest: yearsAhead(on, EVENT_YEARS_AHEAD) };
    case 'birth':
      return { earliest: EARLIEST_DATE, latest: on };
    case 'deadline':
      return { earliest: EARLIEST_DATE, latest: yearsAhead(on, DEADLINE_YEARS_AHEAD) };
  }
}

export const isDateInRange = (kind: DateKind, date: string, on?: string): boolean => {
  const { earliest, latest } = dateBounds(kind, on);
  return date >= earliest && date <= latest;
};

const rangeMessage: Record<DateKind, string> = {
  event: `a date from ${EARLIEST_DATE} to one year from today`,
  birth: `a birth date from ${EARLIEST_DATE} to today`,
  deadline: `a deadline from ${EARLIEST_DATE} to three years from today`,
};

// The bounds move with the calendar, so they are a refinement (checked at parse time) and only described in the
// published JSON Schema, which must not change from day to day.
const boundedDate = (kind: DateKind) =>
  isoDateSchema.refine((date) => isDateInRange(kind, date), rangeMessage[kind]).meta({ description: `ISO date YYYY-MM-DD, ${rangeMessage[kind]}` });

/** When something happened or was sent: incidents, sources, letters, annulments. */
export const eventDateSchema = boundedDate('event');
/** A person's birth date: not in the future. */
export const birthDateSchema = boundedDate('birth');
/** A reply deadline computed from a letter's date and the counterpart's term. */
export const deadlineDateSchema = boundedDate('deadline');

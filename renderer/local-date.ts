import { localToday } from '../shared/domain/calendar.ts';

/** Today in the user's own time zone, for dates the window proposes (a letter, a reply, a deadline check). */
export const today = () => localToday();

import { expectedReplyDate } from '../../../shared/domain/calendar.ts';
import type { Counterpart, Letter } from '../../../shared/domain/correspondence.ts';
import type { Db } from '../../store/open.ts';
import { getCounterpart } from '../../store/repositories/letter-repository.ts';
import { activeCalendar } from '../../store/repositories/registry-settings-repository.ts';

/**
 * Outgoing letters imported without `expectedReplyBy` get the deadline a letter registered here would get: the
 * date sent plus their counterpart's reply term (calendar or working days, with the office's holiday calendar).
 * Without it a register brought in from history would show no letter as overdue. A deadline the file gives is kept.
 * `counterparts` are the file's own; a letter may also name a counterpart already in the store.
 */
export function withReplyDeadlines(db: Db, counterparts: readonly Counterpart[], letters: readonly Letter[]): Letter[] {
  const inFile = new Map(counterparts.map((counterpart) => [counterpart.id, counterpart]));
  const calendar = activeCalendar(db);
  return letters.map((letter) => {
    if (letter.direction !== 'outgoing' || letter.expectedReplyBy) return letter;
    const counterpart = inFile.get(letter.counterpartId) ?? getCounterpart(db, letter.counterpartId);
    return counterpart ? { ...letter, expectedReplyBy: expectedReplyDate(letter.date, counterpart.replyTerm, calendar) } : letter;
  });
}

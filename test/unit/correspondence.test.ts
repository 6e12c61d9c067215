import { describe, expect, it } from 'vitest';
import { expectedReplyDate, holidayCalendarSchema, isWorkingDay, tajikistanCalendar } from '../../shared/domain/calendar.ts';
import { computeLedger, type LedgerLetter } from '../../shared/domain/ledger.ts';
import { formatNumber, numberingSchemeSchema } from '../../shared/domain/numbering.ts';

const tj = { ...tajikistanCalendar, movable: ['2024-04-10', '2024-06-16'] }; // Idi Ramazon, Idi Qurbon 2024

describe('deadlines', () => {
  it('counts working days past weekends, Navruz and the movable holidays', () => {
    expect(isWorkingDay('2024-03-21', tj)).toBe(false); // Navruz
    expect(isWorkingDay('2024-03-23', tj)).toBe(false); // Saturday and Navruz
    expect(isWorkingDay('2024-04-10', tj)).toBe(false); // Idi Ramazon 2024
    expect(isWorkingDay('2024-04-11', tj)).toBe(true);
    // Sent Wednesday 20 March 2024: Navruz Thu–Sun, so 3 working days are Mon 25, Tue 26, Wed 27 March.
    expect(expectedReplyDate('2024-03-20', { days: 3, kind: 'working' }, tj)).toBe('2024-03-27');
    // 10 working days from 2 April 2024 skip two weekends and Idi Ramazon on the 10th.
    expect(expectedReplyDate('2024-04-02', { days: 10, kind: 'working' }, tj)).toBe('2024-04-17');
    expect(expectedReplyDate('2024-04-02', { days: 10, kind: 'working' }, tajikistanCalendar)).toBe('2024-04-16');
  });

  it('ends a calendar-day term on the next working day when it falls on a day off', () => {
    expect(expectedReplyDate('2024-10-15', { days: 30, kind: 'calendar' }, tj)).toBe('2024-11-14');
    // 30 days after 7 October 2024 is Wednesday 6 November, a holiday: the next day.
    expect(expectedReplyDate('2024-10-07', { days: 30, kind: 'calendar' }, tj)).toBe('2024-11-07');
    // 28 days after 9 June 2024 is Sunday 7 July: Monday.
    expect(expectedReplyDate('2024-06-09', { days: 28, kind: 'calendar' }, tj)).toBe('2024-07-08');
  });

  it('refuses a calendar with impossible dates', () => {
    expect(holidayCalendarSchema.safeParse({ ...tj, fixed: ['02-30'] }).success).toBe(false);
    expect(holidayCalendarSchema.safeParse({ ...tj, fixed: ['13-01'] }).success).toBe(false);
    expect(holidayCalendarSchema.safeParse({ ...tj, movable: ['2025-02-29'] }).success).toBe(false);
    expect(holidayCalendarSchema.safeParse({ ...tj, fixed: ['02-29'], movable: ['2024-02-29'] }).success).toBe(true);
  });
});

describe('registration numbers', () => {
  it('formats prefix, case-file index and the yearly sequence; refuses a pattern without a sequence', () => {
    const scheme = numberingSchemeSchema.parse({ pattern: '{prefix}-{index}/{seq}', prefix: '01', index: '12' });
    expect(formatNumber(scheme, 2024, 345)).toBe('01-12/345');
    expect(formatNumber(numberingSchemeSchema.parse({ pattern: 'ОМБ/{yy}-{seq:4}' }), 2025, 7)).toBe('ОМБ/25-0007');
    expect(numberingSchemeSchema.safeParse({ pattern: '{prefix}-{index}' }).success).toBe(false);
    expect(numberingSchemeSchema.safeParse({ pattern: '{seq}-{seq}' }).success).toBe(false);
    expect(numberingSchemeSchema.safeParse({ pattern: '{prefix}/{sequence}' }).success).toBe(false);
    expect(numberingSchemeSchema.safeParse({ pattern: '{seq}{' }).success).toBe(false);
  });
});

describe('ledger', () => {
  it('11 letters over a year and one reply to the latest: 11 sent, 1 answered, 10 unanswered, the oldest with its days waiting', () => {
    const letters: LedgerLetter[] = Array.from({ length: 11 }, (_, i) => {
      const date = `2024-${String(i + 1).padStart(2, '0')}-15`;
      return { id: `out-${i + 1}`, direction: 'outgoing', number: `01-12/${100 + i}`, date, expectedReplyBy: expectedReplyDate(date, { days: 30, kind: 'calendar' }, tj) };
    });
    letters.push({ id: 'in-1', direction: 'incoming', number: '4/7-2291', date: '2024-11-29', inReplyTo: 'out-11' });
    letters.push({ id: 'out-annulled', direction: 'outgoing', number: '01-12/999', date: '2024-02-01', annulled: true });
    const ledger = computeLedger(letters, '2025-01-10');
    expect(ledger).toMatchObject({ sent: 11, answered: 1, unanswered: 10, overdue: 10, medianDaysToReply: 14 });
    expect(ledger.oldestUnanswered).toEqual({ number: '01-12/100', date: '2024-01-15', daysWaiting: 361 });
    expect(ledger.timeline).toHaveLength(11);
    expect(ledger.timeline.at(-1)).toEqual({ month: '2024-11', sent: 1, answered: 1 });
    expect(computeLedger(letters, '2025-01-10', { from: '2024-06-01', to: '2024-08-31' })).toMatchObject({ sent: 3, answered: 0, oldestUnanswered: { number: '01-12/105' } });
    expect(computeLedger([], '2025-01-10')).toMatchObject({ sent: 0, oldestUnanswered: null, medianDaysToReply: null, timeline: [] });
    // Silent months are in the timeline too (a chart must not close the gap).
    const late = [...letters, { id: 'in-late', direction: 'incoming' as const, number: '9', date: '2025-02-03', inReplyTo: 'out-1' }];
    expect(computeLedger(late, '2025-03-01').timeline.slice(-4)).toEqual([
      { month: '2024-11', sent: 1, answered: 1 },
      { month: '2024-12', sent: 0, answered: 0 },
      { month: '2025-01', sent: 0, answered: 0 },
      { month: '2025-02', sent: 0, answered: 1 },
    ]);
  });
});

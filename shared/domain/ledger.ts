import { daysBetween } from './calendar.ts';

/** What the ledger needs of a letter (outgoing letters are the ones sent; incoming ones answer them). */
export interface LedgerLetter {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  date: string;
  /** For an incoming letter: the outgoing letter it answers. */
  inReplyTo?: string;
  expectedReplyBy?: string;
  /** An annulled letter does not count (its reason is kept in the register). */
  annulled?: unknown;
}

export interface Ledger {
  sent: number;
  answered: number;
  unanswered: number;
  overdue: number;
  oldestUnanswered: { number: string; date: string; daysWaiting: number } | null;
  /** Median days from sending to the first reply, over the answered letters. */
  medianDaysToReply: number | null;
  /** Per month (YYYY-MM): letters sent that month, and replies received that month. */
  timeline: { month: string; sent: number; answered: number }[];
}

/** Every month from the first to the last given, so a chart shows the silent months too. */
function everyMonth(months: string[]): string[] {
  if (!months.length) return [];
  const sorted = [...months].sort();
  const out: string[] = [];
  let [year, month] = sorted[0]!.split('-').map(Number) as [number, number];
  const last = sorted.at(-1)!;
  for (let current = sorted[0]!; current <= last; current = `${year}-${String(month).padStart(2, '0')}`) {
    out.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The record of what was asked and what came back, for one counterpart's letters: outgoing letters dated in the
 * period (annulled ones do not count), which of them have a reply, which are overdue on `asOf`, the oldest one still
 * waiting, the median time to answer and a month-by-month timeline. Plain data, for the window, the CLI and the
 * document templates alike.
 */
export function computeLedger(letters: readonly LedgerLetter[], asOf: string, period: { from?: string; to?: string } = {}): Ledger {
  const live = letters.filter((letter) => !letter.annulled);
  const firstReply = new Map<string, string>();
  for (const reply of live.filter((letter) => letter.direction === 'incoming' && letter.inReplyTo)) {
    const earlier = firstReply.get(reply.inReplyTo!);
    if (!earlier || reply.date < earlier) firstReply.set(reply.inReplyTo!, reply.date);
  }
  const sent = live
    .filter((letter) => letter.direction === 'outgoing' && (!period.from || letter.date >= period.from) && (!period.to || letter.date <= period.to))
    .sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  const answered = sent.filter((letter) => firstReply.has(letter.id));
  const unanswered = sent.filter((letter) => !firstReply.has(letter.id));
  const overdue = unanswered.filter((letter) => letter.expectedReplyBy !== undefined && letter.expectedReplyBy < asOf);
  const oldest = unanswered[0];

  const months = new Map<string, { sent: number; answered: number }>();
  const bump = (date: string, key: 'sent' | 'answered') => {
    const month = date.slice(0, 7);
    const entry = months.get(month) ?? { sent: 0, answered: 0 };
    entry[key] += 1;
    months.set(month, entry);
  };
  for (const letter of sent) bump(letter.date, 'sent');
  for (const letter of answered) bump(firstReply.get(letter.id)!, 'answered');

  return {
    sent: sent.length,
    answered: answered.length,
    unanswered: unanswered.length,
    overdue: overdue.length,
    oldestUnanswered: oldest ? { number: oldest.number, date: oldest.date, daysWaiting: daysBetween(oldest.date, asOf) } : null,
    medianDaysToReply: median(answered.map((letter) => daysBetween(letter.date, firstReply.get(letter.id)!))),
    timeline: everyMonth([...months.keys()]).map((month) => ({ month, ...(months.get(month) ?? { sent: 0, answered: 0 }) })),
  };
}

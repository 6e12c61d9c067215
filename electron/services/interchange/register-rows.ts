import { deliveryChannels, letterSchema, responseCodes, type Counterpart, type Letter } from '../../../shared/domain/correspondence.ts';
import { expectedReplyDate } from '../../../shared/domain/calendar.ts';
import { letterTableFields, requiredLetterTableFields, type ColumnMapping, type LetterTableField, type RowIssue } from '../../../shared/domain/table-import.ts';
import type { Db } from '../../store/open.ts';
import { listCounterparts, lettersOf } from '../../store/repositories/letter-repository.ts';
import { activeCalendar } from '../../store/repositories/registry-settings-repository.ts';
import { checkLetters, type Located } from './json-import.ts';
import { derivedId, fold, parseTableDate, splitList, type TableRecords } from './table-rows.ts';
import type { Table } from './sheets/table.ts';

/** Header names of registers as offices keep them, folded, for the first guess of the mapping. */
export const registerHeaderNames: Record<LetterTableField, readonly string[]> = {
  id: ['id', 'идентификатор'],
  direction: ['direction', 'направление', 'вх/исх', 'исх/вх', 'вид', 'самт'],
  number: ['number', 'no', 'no.', '№', 'номер', 'рег. номер', 'регистрационный номер', 'рақам', 'рақами бақайдгирӣ'],
  date: ['date', 'дата', 'сана'],
  counterpart: ['counterpart', 'addressee', 'адресат', 'корреспондент', 'учреждение', 'муассиса', 'суроғагир'],
  subject: ['subject', 'тема', 'краткое содержание', 'содержание', 'мавзӯъ'],
  inReplyTo: ['in reply to', 'inreplyto', 'reply to', 'в ответ на', 'на №', 'дар ҷавоб ба'],
  response: ['response', 'характер ответа', 'ответ', 'ҷавоб'],
  deliveryChannel: ['delivery', 'deliverychannel', 'способ отправки', 'доставка', 'тарзи ирсол'],
  incidentIds: ['incidents', 'incidentids', 'инциденты', 'случаи', 'ҳодисаҳо'],
};

/** How registers write the direction: codes, or the usual words and abbreviations in en/ru/tg. */
const directionWords: Record<Letter['direction'], readonly string[]> = {
  outgoing: ['outgoing', 'out', 'исходящее', 'исходящий', 'исх', 'исх.', 'содиротӣ', 'содирӣ', 'содир'],
  incoming: ['incoming', 'in', 'входящее', 'входящий', 'вх', 'вх.', 'воридотӣ', 'воридӣ', 'ворид'],
};

const fieldOfPath = (segment: PropertyKey): LetterTableField => (segment === 'counterpartId' ? 'counterpart' : (letterTableFields.find((field) => field === segment) ?? 'subject'));

/**
 * Turns the rows of an office's existing register into letters, checked like an interchange file: counterparts
 * (named by id or institution) must exist, a reply names the number of our letter it answers, numbers are unique in
 * their year, and a reply is not dated before its letter nor sent by another counterpart. Outgoing letters get
 * their reply deadline from the counterpart's term, as if registered in the app.
 */
export function registerTableToRecords(db: Db, table: Table, mapping: ColumnMapping): TableRecords {
  const counterparts = listCounterparts(db);
  const byId = new Map<string, Counterpart>(counterparts.map((c) => [c.id, c]));
  const byName = new Map<string, Counterpart>(counterparts.map((c) => [fold(c.institution), c]));
  const calendar = activeCalendar(db);
  const stored = lettersOf(db);
  const candidates: { row: number; cells: readonly string[]; letter: Letter; replyNumber: string }[] = [];
  const issuesByRow = new Map<number, RowIssue[]>();
  const cellOf = (cells: readonly string[], field: LetterTableField) => {
    const column = mapping[field];
    return column === undefined ? '' : (cells[column] ?? '').trim();
  };
  const report = (row: number, cells: readonly string[], field: LetterTableField, problem: RowIssue['problem']) => {
    const column = mapping[field];
    const issue: RowIssue = { row, column: column === undefined ? null : (table.headers[column] ?? null), field, problem, value: cellOf(cells, field).slice(0, 120) };
    issuesByRow.set(row, [...(issuesByRow.get(row) ?? []), issue]);
  };

  table.rows.forEach((cells, index) => {
    if (cells.every((value) => value.trim() === '')) return;
    const row = table.rowNumbers[index] ?? index + 2;
    const cell = (field: LetterTableField) => cellOf(cells, field);
    const problem = (field: LetterTableField, kind: RowIssue['problem']) => report(row, cells, field, kind);
    for (const field of requiredLetterTableFields) if (!cell(field)) problem(field, 'required');
    const choice = <T extends string>(field: LetterTableField, allowed: readonly T[]): T | undefined => {
      const found = allowed.find((option) => fold(option) === fold(cell(field)));
      if (cell(field) && !found) problem(field, 'invalid-value');
      return found;
    };
    const direction = (Object.keys(directionWords) as Letter['direction'][]).find((d) => directionWords[d].some((word) => fold(word) === fold(cell('direction'))));
    if (cell('direction') && !direction) problem('direction', 'invalid-value');
    const parsedDate = cell('date') ? parseTableDate(cell('date')) : null;
    if (cell('date') && parsedDate?.precision !== 'day') problem('date', 'invalid-date');
    const counterpart = byId.get(cell('counterpart')) ?? byName.get(fold(cell('counterpart')));
    if (cell('counterpart') && !counterpart) problem('counterpart', 'not-found');
    const response = choice('response', responseCodes);
    const deliveryChannel = choice('deliveryChannel', deliveryChannels);
    if (issuesByRow.has(row) || !direction || !parsedDate || !counterpart) return;
    const date = parsedDate.date;
    const id = cell('id') || derivedId('letter', direction, counterpart.id, cell('number'), date.slice(0, 4));
    const candidate = {
      id,
      direction,
      number: cell('number'),
      date,
      counterpartId: counterpart.id,
      subject: cell('subject'),
      incidentIds: splitList(cell('incidentIds')),
      ...(deliveryChannel ? { deliveryChannel } : {}),
      ...(direction === 'incoming' && response ? { response } : {}),
      ...(direction === 'outgoing' ? { expectedReplyBy: expectedReplyDate(date, counterpart.replyTerm, calendar) } : {}),
    };
    const parsed = letterSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(fieldOfPath(issue.path[0] ?? 'subject'), issue.code === 'too_big' ? 'too-long' : 'invalid-value');
      return;
    }
    candidates.push({ row, cells, letter: parsed.data, replyNumber: cell('inReplyTo') });
  });

  // A reply names the letter it answers by number (theirs answers ours, and ours theirs): the latest letter of the
  // other direction with that number not dated after the reply, preferring the same counterpart (so a reply from
  // another one is reported as such, not as "not found").
  const all = [...stored, ...candidates.map((c) => c.letter)];
  for (const candidate of candidates) {
    if (!candidate.replyNumber) continue;
    const sameNumber = all.filter((letter) => letter.direction !== candidate.letter.direction && letter.number === candidate.replyNumber).sort((a, b) => a.date.localeCompare(b.date));
    const preferred = sameNumber.filter((letter) => letter.counterpartId === candidate.letter.counterpartId);
    const pool = preferred.length ? preferred : sameNumber;
    const original = pool.filter((letter) => letter.date <= candidate.letter.date).at(-1) ?? pool[0];
    if (original) candidate.letter = { ...candidate.letter, inReplyTo: original.id };
    else report(candidate.row, candidate.cells, 'inReplyTo', 'not-found');
  }

  // The interchange checks, repeated until stable: a letter dropped for a problem may leave a reply to it dangling.
  let accepted = candidates.filter((candidate) => !issuesByRow.has(candidate.row));
  for (let changed = true; changed; ) {
    const located: Located<Letter>[] = accepted.map((candidate, index) => ({ index, value: candidate.letter }));
    const flagged = new Set<number>();
    checkLetters(db, { counterpartIds: new Set(), incidentIds: new Set(), letters: located }, (at, path, kind) => {
      const { row, cells } = accepted[at]!;
      flagged.add(row);
      report(row, cells, fieldOfPath(path[0] ?? 'subject'), kind === 'dangling-id' ? 'not-found' : kind);
    });
    changed = flagged.size > 0;
    accepted = accepted.filter((candidate) => !flagged.has(candidate.row));
  }

  const issues = [...issuesByRow.entries()].sort(([a], [b]) => a - b).flatMap(([, rowIssues]) => rowIssues);
  return { places: [], persons: [], incidents: [], counterparts: [], letters: accepted.map((c) => c.letter), validRows: accepted.length, invalidRows: issuesByRow.size, issues };
}

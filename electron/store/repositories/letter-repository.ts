import type { Counterpart, Letter } from '../../../shared/domain/correspondence.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';
import { translationsFrom, translationsJson } from './translations-column.ts';

interface CounterpartRow {
  id: string;
  institution: string;
  position: string;
  name: string;
  addressee_dative: string | null;
  salutation: string | null;
  gender: Counterpart['gender'] | null;
  language: Counterpart['language'];
  address: string;
  country: string;
  delivery_channel: Counterpart['deliveryChannel'];
  reply_days: number;
  reply_kind: Counterpart['replyTerm']['kind'];
  original_language: Counterpart['language'] | null;
  translations: string;
}

interface LetterRow {
  id: string;
  direction: Letter['direction'];
  number: string;
  date: string;
  counterpart_id: string;
  subject: string;
  in_reply_to: string | null;
  delivery_channel: Letter['deliveryChannel'] | null;
  expected_reply_by: string | null;
  response: Letter['response'] | null;
  annulled_reason: string | null;
  annulled_date: string | null;
}

/** Copies the keys whose values are not null, so optional fields stay absent (as the schemas and exports expect). */
const present = <T extends object>(record: T, extras: Record<string, unknown>): T => {
  for (const [key, value] of Object.entries(extras)) if (value !== null && value !== undefined) Object.assign(record, { [key]: value });
  return record;
};

function toCounterpart(row: CounterpartRow): Counterpart {
  const base = { id: row.id, institution: row.institution, position: row.position, name: row.name, language: row.language, address: row.address, country: row.country, deliveryChannel: row.delivery_channel, replyTerm: { days: row.reply_days, kind: row.reply_kind } };
  return present(base as Counterpart, {
    addresseeDative: row.addressee_dative,
    salutation: row.salutation,
    gender: row.gender,
    originalLanguage: row.original_language,
    translations: translationsFrom(row.translations),
  });
}

export const counterpartExists = (db: Db, id: string) => statement(db, 'SELECT 1 FROM counterpart WHERE id = ?').get(id) !== undefined;

export function upsertCounterpart(db: Db, c: Counterpart): 'created' | 'updated' {
  const existed = counterpartExists(db, c.id);
  statement(
    db,
    `INSERT INTO counterpart (id, institution, position, name, addressee_dative, salutation, gender, language, address, country, delivery_channel, reply_days, reply_kind, original_language, translations)
     VALUES (@id, @institution, @position, @name, @addresseeDative, @salutation, @gender, @language, @address, @country, @deliveryChannel, @replyDays, @replyKind, @originalLanguage, @translations)
     ON CONFLICT (id) DO UPDATE SET institution = excluded.institution, position = excluded.position, name = excluded.name,
       addressee_dative = excluded.addressee_dative, salutation = excluded.salutation, gender = excluded.gender, language = excluded.language,
       address = excluded.address, country = excluded.country, delivery_channel = excluded.delivery_channel,
       reply_days = excluded.reply_days, reply_kind = excluded.reply_kind,
       original_language = excluded.original_language, translations = excluded.translations`,
  ).run({
    ...c,
    addresseeDative: c.addresseeDative ?? null,
    salutation: c.salutation ?? null,
    gender: c.gender ?? null,
    replyDays: c.replyTerm.days,
    replyKind: c.replyTerm.kind,
    originalLanguage: c.originalLanguage ?? null,
    translations: translationsJson(c.translations),
  });
  return existed ? 'updated' : 'created';
}

export function getCounterpart(db: Db, id: string): Counterpart | undefined {
  const row = statement(db, 'SELECT * FROM counterpart WHERE id = ?').get(id) as CounterpartRow | undefined;
  return row && toCounterpart(row);
}

export function listCounterparts(db: Db): Counterpart[] {
  return (statement(db, 'SELECT * FROM counterpart ORDER BY institution COLLATE NOCASE, id').all() as CounterpartRow[]).map(toCounterpart);
}

function toLetter(db: Db, row: LetterRow): Letter {
  const incidentIds = statement(db, 'SELECT incident_id FROM letter_incident WHERE letter_id = ? ORDER BY position').pluck().all(row.id) as string[];
  const base = { id: row.id, direction: row.direction, number: row.number, date: row.date, counterpartId: row.counterpart_id, subject: row.subject, incidentIds };
  return present(base as Letter, {
    inReplyTo: row.in_reply_to,
    deliveryChannel: row.delivery_channel,
    expectedReplyBy: row.expected_reply_by,
    response: row.response,
    annulled: row.annulled_reason ? { reason: row.annulled_reason, date: row.annulled_date } : null,
  });
}

export const letterExists = (db: Db, id: string) => statement(db, 'SELECT 1 FROM letter WHERE id = ?').get(id) !== undefined;

export function getLetter(db: Db, id: string): Letter | undefined {
  const row = statement(db, 'SELECT * FROM letter WHERE id = ?').get(id) as LetterRow | undefined;
  return row && toLetter(db, row);
}

/** Whether another letter has this number in the same year (and, incoming, from the same sender). */
export function letterNumberTaken(db: Db, letter: Pick<Letter, 'id' | 'direction' | 'number' | 'date' | 'counterpartId'>): boolean {
  return (
    statement(db, "SELECT 1 FROM letter WHERE direction = @direction AND number = @number AND substr(date, 1, 4) = @year AND (direction = 'outgoing' OR counterpart_id = @counterpartId) AND id <> @id").get({
      ...letter,
      year: letter.date.slice(0, 4),
    }) !== undefined
  );
}

export function lettersOf(db: Db, counterpartId?: string): Letter[] {
  const rows = counterpartId
    ? (statement(db, 'SELECT * FROM letter WHERE counterpart_id = ? ORDER BY date, number').all(counterpartId) as LetterRow[])
    : (statement(db, 'SELECT * FROM letter ORDER BY date, number').all() as LetterRow[]);
  return rows.map((row) => toLetter(db, row));
}

export function repliesTo(db: Db, letterId: string): string[] {
  return statement(db, 'SELECT id FROM letter WHERE in_reply_to = ? ORDER BY date').pluck().all(letterId) as string[];
}

export function upsertLetter(db: Db, letter: Letter): 'created' | 'updated' {
  const existed = letterExists(db, letter.id);
  statement(
    db,
    `INSERT INTO letter (id, direction, number, date, counterpart_id, subject, in_reply_to, delivery_channel, expected_reply_by, response, annulled_reason, annulled_date)
     VALUES (@id, @direction, @number, @date, @counterpartId, @subject, @inReplyTo, @deliveryChannel, @expectedReplyBy, @response, @annulledReason, @annulledDate)
     ON CONFLICT (id) DO UPDATE SET direction = excluded.direction, number = excluded.number, date = excluded.date,
       counterpart_id = excluded.counterpart_id, subject = excluded.subject, in_reply_to = excluded.in_reply_to,
       delivery_channel = excluded.delivery_channel, expected_reply_by = excluded.expected_reply_by, response = excluded.response,
       annulled_reason = excluded.annulled_reason, annulled_date = excluded.annulled_date`,
  ).run({
    ...letter,
    inReplyTo: letter.inReplyTo ?? null,
    deliveryChannel: letter.deliveryChannel ?? null,
    expectedReplyBy: letter.expectedReplyBy ?? null,
    response: letter.response ?? null,
    annulledReason: letter.annulled?.reason ?? null,
    annulledDate: letter.annulled?.date ?? null,
  });
  statement(db, 'DELETE FROM letter_incident WHERE letter_id = ?').run(letter.id);
  const link = statement(db, 'INSERT INTO letter_incident (letter_id, incident_id, position) VALUES (?, ?, ?)');
  [...new Set(letter.incidentIds)].forEach((incidentId, position) => link.run(letter.id, incidentId, position));
  return existed ? 'updated' : 'created';
}

/** The next number of the year's sequence; call inside the registering transaction, so numbers have no gaps. */
export function nextSequence(db: Db, year: number): number {
  statement(db, 'INSERT INTO letter_sequence (year, last) VALUES (?, 0) ON CONFLICT (year) DO NOTHING').run(year);
  statement(db, 'UPDATE letter_sequence SET last = last + 1 WHERE year = ?').run(year);
  return statement(db, 'SELECT last FROM letter_sequence WHERE year = ?').pluck().get(year) as number;
}

/** The last number taken in the year's sequence (0 when none), read without taking the next. */
export function lastSequence(db: Db, year: number): number {
  return (statement(db, 'SELECT last FROM letter_sequence WHERE year = ?').pluck().get(year) as number | undefined) ?? 0;
}

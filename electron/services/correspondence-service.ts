import { daysBetween, expectedReplyDate, holidayCalendarSchema, type HolidayCalendar } from '../../shared/domain/calendar.ts';
import { closesReplyCycle, counterpartOriginal, counterpartSchema, letterSchema, type Counterpart, type Letter } from '../../shared/domain/correspondence.ts';
import { addresseeDefaults } from '../../shared/domain/addressee.ts';
import { computeLedger, type Ledger } from '../../shared/domain/ledger.ts';
import { DEFAULT_NUMBERING, formatNumber, numberingSchemeSchema, type NumberingScheme } from '../../shared/domain/numbering.ts';
import { AppError } from '../errors/app-error.ts';
import { audited } from '../store/audit.ts';
import type { Db } from '../store/open.ts';
import { advanceIncidentStatus, incidentExists } from '../store/repositories/incident-repository.ts';
import { activeCalendar, readNumbering, writeCalendar, writeNumbering } from '../store/repositories/registry-settings-repository.ts';
import { counterpartExists, getCounterpart, lastSequence, listCounterparts, getLetter, letterNumberTaken, lettersOf, nextSequence, repliesTo, upsertCounterpart, upsertLetter } from '../store/repositories/letter-repository.ts';

const fields = (error: { issues: { path: PropertyKey[] }[] }) => error.issues.map((issue) => issue.path.join('.') || '(record)').join(', ').slice(0, 500);
function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('invalid-input', { detail: fields(result.error) });
  return result.data;
}

export interface RegisterEntry {
  letter: Letter;
  state: 'answered' | 'overdue' | 'waiting' | 'annulled' | 'received';
  daysWaiting: number | null;
  replies: string[];
}

/** An outgoing letter before registration: everything but its number, which the registry assigns. */
export type OutgoingDraft = Omit<Letter, 'number' | 'direction' | 'expectedReplyBy' | 'response' | 'annulled'>;

/**
 * The registry: counterparts, letters in and out, numbers, deadlines, incident status and the ledger. Each change is
 * one audited transaction. Numbers come from the year's sequence inside the registering transaction, so they are
 * unique and gapless; the store is opened by one process at a time (exclusive lock), and within it better-sqlite3
 * runs one transaction at a time, so two registrations cannot interleave.
 */
export class CorrespondenceService {
  private readonly store: () => Db;
  private readonly actor: string;

  constructor(store: () => Db, actor: string) {
    this.store = store;
    this.actor = actor;
  }

  saveCounterpart(input: unknown): Counterpart {
    const db = this.store();
    const given = parse(counterpartSchema, input);
    // The addressee block, salutation and gender default from the name and position, in the language the card is
    // written in (its forms in other languages are derived per letter: letter-parties.ts); what staff wrote is kept.
    const defaults = addresseeDefaults({ ...given, language: counterpartOriginal(given) });
    const counterpart: Counterpart = { ...given, addresseeDative: given.addresseeDative ?? defaults.addresseeDative, salutation: given.salutation ?? defaults.salutation, ...(given.gender ?? defaults.gender ? { gender: given.gender ?? defaults.gender } : {}) };
    const before = getCounterpart(db, counterpart.id);
    return audited(db, () => ({ actor: this.actor, action: before ? 'counterpart.update' : 'counterpart.create', entity: 'counterpart', entityId: counterpart.id, before, after: counterpart }), () => {
      upsertCounterpart(db, counterpart);
      return counterpart;
    });
  }

  counterparts(): Counterpart[] {
    return listCounterparts(this.store());
  }

  numbering(): NumberingScheme {
    return readNumbering(this.store()) ?? DEFAULT_NUMBERING;
  }

  setNumbering(input: unknown): NumberingScheme {
    const db = this.store();
    const scheme = parse(numberingSchemeSchema, input);
    audited(db, () => ({ actor: this.actor, action: 'numbering.update', entity: 'settings', entityId: 'numbering', after: scheme }), () => writeNumbering(db, scheme));
    return scheme;
  }

  calendar(): HolidayCalendar {
    return activeCalendar(this.store());
  }

  saveCalendar(input: unknown): HolidayCalendar {
    const db = this.store();
    const calendar = parse(holidayCalendarSchema, input);
    audited(db, () => ({ actor: this.actor, action: 'calendar.update', entity: 'holiday-calendar', entityId: calendar.id, after: calendar }), () => writeCalendar(db, calendar));
    return calendar;
  }

  /**
   * The number `registerOutgoing` would give a letter dated `date` now, without taking it. A letter drafted here is
   * stamped and rendered with it first (the writers are asynchronous), then registered in one transaction that checks
   * it is still the next (see LetterService.register).
   */
  nextOutgoingNumber(id: string, date: string): string {
    const db = this.store();
    const year = Number(date.slice(0, 4));
    const scheme = this.numbering();
    let sequence = lastSequence(db, year);
    let number: string;
    // The same walk as registerOutgoing's, over the same skipped numbers, without writing.
    do number = formatNumber(scheme, year, (sequence += 1));
    while (letterNumberTaken(db, { id, direction: 'outgoing', number, date, counterpartId: '' }));
    return number;
  }

  /** Registers an outgoing letter: next number of its year, expected reply date from the counterpart's term. */
  registerOutgoing(input: OutgoingDraft): Letter {
    const db = this.store();
    const counterpart = getCounterpart(db, input.counterpartId);
    if (!counterpart) throw new AppError('not-found', { detail: 'counterpart' });
    return audited(db, (letter) => ({ actor: this.actor, action: 'letter.register', entity: 'letter', entityId: letter.id, after: letter }), () => {
      const year = Number(input.date.slice(0, 4));
      // Skips numbers a register imported from elsewhere already holds, so the next one is free and none repeats.
      let number: string;
      do number = formatNumber(this.numbering(), year, nextSequence(db, year));
      while (letterNumberTaken(db, { id: input.id, direction: 'outgoing', number, date: input.date, counterpartId: input.counterpartId }));
      const letter = parse(letterSchema, { ...input, direction: 'outgoing', number, expectedReplyBy: expectedReplyDate(input.date, counterpart.replyTerm, this.calendar()) });
      this.check(db, letter);
      upsertLetter(db, letter);
      advanceIncidentStatus(db, letter.incidentIds, 'raised');
      return letter;
    });
  }

  /** Registers an incoming letter under the number it carries; a reply marks the incidents of the letter it answers. */
  registerIncoming(input: unknown): Letter {
    const db = this.store();
    const letter = parse(letterSchema, { ...(input as object), direction: 'incoming' });
    return audited(db, () => ({ actor: this.actor, action: 'letter.register', entity: 'letter', entityId: letter.id, after: letter }), () => {
      this.check(db, letter);
      upsertLetter(db, letter);
      const answered = letter.inReplyTo ? getLetter(db, letter.inReplyTo) : undefined;
      advanceIncidentStatus(db, [...letter.incidentIds, ...(answered?.incidentIds ?? [])], 'answered');
      return letter;
    });
  }

  annul(id: string, reason: string, date: string): Letter {
    const db = this.store();
    const letter = getLetter(db, id);
    if (!letter) throw new AppError('not-found', { detail: 'letter' });
    const annulled = parse(letterSchema, { ...letter, annulled: { reason, date } });
    return audited(db, () => ({ actor: this.actor, action: 'letter.annul', entity: 'letter', entityId: id, before: letter, after: annulled }), () => (upsertLetter(db, annulled), annulled));
  }

  /** Registered letters are never deleted (the register is the office's record); the refusal says why. */
  delete(id: string): never {
    const db = this.store();
    if (!getLetter(db, id)) throw new AppError('not-found', { detail: 'letter' });
    const replies = repliesTo(db, id);
    throw new AppError('invalid-input', {
      detail: replies.length ? `${replies.length} letter(s) reply to this letter; registered letters are annulled with a reason, never deleted` : 'registered letters are annulled with a reason, never deleted',
    });
  }

  letters(counterpartId?: string): Letter[] {
    return lettersOf(this.store(), counterpartId);
  }

  /** The register on a day: each letter with its state, how long an unanswered one has waited, and its replies. */
  register(counterpartId: string | undefined, asOf: string): RegisterEntry[] {
    const letters = this.letters(counterpartId);
    const replies = new Map<string, string[]>();
    for (const letter of letters) {
      if (letter.direction === 'incoming' && letter.inReplyTo && !letter.annulled) replies.set(letter.inReplyTo, [...(replies.get(letter.inReplyTo) ?? []), letter.id]);
    }
    return letters.map((letter) => {
      const answered = replies.has(letter.id);
      const state: RegisterEntry['state'] = letter.annulled ? 'annulled' : letter.direction === 'incoming' ? 'received' : answered ? 'answered' : letter.expectedReplyBy && letter.expectedReplyBy < asOf ? 'overdue' : 'waiting';
      const waiting = state === 'overdue' || state === 'waiting';
      return { letter, state, daysWaiting: waiting ? daysBetween(letter.date, asOf) : null, replies: replies.get(letter.id) ?? [] };
    });
  }

  ledger(counterpartId: string, asOf: string, period: { from?: string; to?: string } = {}): Ledger {
    const db = this.store();
    if (!counterpartExists(db, counterpartId)) throw new AppError('not-found', { detail: 'counterpart' });
    return computeLedger(lettersOf(db, counterpartId), asOf, period);
  }

  /** Links, numbers and dates a letter must agree with before it is written. */
  private check(db: Db, letter: Letter): void {
    if (!counterpartExists(db, letter.counterpartId)) throw new AppError('not-found', { detail: 'counterpart' });
    if (letterNumberTaken(db, letter)) throw new AppError('invalid-input', { detail: `number ${letter.number} is already registered` });
    for (const incidentId of letter.incidentIds) if (!incidentExists(db, incidentId)) throw new AppError('not-found', { detail: 'incident' });
    if (!letter.inReplyTo) return;
    const original = getLetter(db, letter.inReplyTo);
    if (!original) throw new AppError('not-found', { detail: 'inReplyTo' });
    if (original.counterpartId !== letter.counterpartId) throw new AppError('invalid-input', { detail: 'inReplyTo: the letter answered belongs to another counterpart' });
    if (letter.date < original.date) throw new AppError('invalid-input', { detail: 'date: a reply cannot be dated before the letter it answers' });
    // Equal dates pass the date check, so only the links themselves show a loop (a letter answering itself is refused by its schema).
    if (closesReplyCycle(letter.id, letter.inReplyTo, (id) => getLetter(db, id)?.inReplyTo)) throw new AppError('invalid-input', { detail: 'inReplyTo: the letters would answer each other in a loop' });
  }
}

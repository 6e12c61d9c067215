import { AppError } from '../../errors/app-error.ts';
import { appendAudit } from '../../store/audit.ts';
import { checkpointAfterLargeWrite } from '../../store/checkpoint.ts';
import type { Db } from '../../store/open.ts';
import { advanceIncidentStatus, incidentExists, upsertIncident } from '../../store/repositories/incident-repository.ts';
import { personExists, upsertPerson } from '../../store/repositories/person-repository.ts';
import { placeExists, upsertPlace } from '../../store/repositories/place-repository.ts';
import type { ImportCounts, ParsedInterchange } from './json-import.ts';
import type { Letter } from '../../../shared/domain/correspondence.ts';
import { counterpartExists, getLetter, letterExists, upsertCounterpart, upsertLetter } from '../../store/repositories/letter-repository.ts';
import { beginWriteTransaction } from '../../store/transaction.ts';

export interface ImportProgress {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /**
   * Awaited after each batch is written, before the next, with the transaction still open. An injection point for
   * tests: holding it keeps an import mid-write, so cancel and lock are tested at a known step, never by racing.
   */
  afterBatch?: AfterBatch;
}

export type AfterBatch = (done: number, total: number) => Promise<void>;

const BATCH = 500;

/** Letters ordered so a reply is written after the letter it answers (the store checks the link at once). */
function repliesAfterOriginals(letters: readonly Letter[]): Letter[] {
  const pending = new Map(letters.map((letter) => [letter.id, letter]));
  const ordered: Letter[] = [];
  const visit = (letter: Letter, depth = 0) => {
    if (!pending.has(letter.id) || depth > letters.length) return;
    pending.delete(letter.id);
    const original = letter.inReplyTo ? pending.get(letter.inReplyTo) : undefined;
    if (original) visit(original, depth + 1);
    ordered.push(letter);
  };
  for (const letter of letters) visit(letter);
  return ordered;
}
/** An incident's status follows its letters, as when they are registered in the app: raised, then answered. */
function followLetters(db: Db, letters: readonly Letter[]): void {
  const live = letters.filter((letter) => !letter.annulled);
  advanceIncidentStatus(db, live.filter((letter) => letter.direction === 'outgoing').flatMap((letter) => letter.incidentIds), 'raised');
  for (const reply of live.filter((letter) => letter.direction === 'incoming' && letter.inReplyTo)) {
    advanceIncidentStatus(db, [...reply.incidentIds, ...(getLetter(db, reply.inReplyTo!)?.incidentIds ?? [])], 'answered');
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes checked records in one transaction, so an import is all-or-nothing even when it is cancelled or fails
 * half-way. Every record is created or, when its id exists, updated, each with its audit row. Between batches
 * it yields to the event loop, so the window can poll progress and ask to cancel; the caller must refuse other
 * writes meanwhile (they would join this transaction).
 */
export async function importInBatches(db: Db, file: ParsedInterchange, actor: string, progress: ImportProgress = {}): Promise<ImportCounts> {
  const zero = () => ({ places: 0, persons: 0, incidents: 0, counterparts: 0, letters: 0 });
  const counts: ImportCounts = { created: zero(), updated: zero() };
  type Section = keyof ImportCounts['created'];
  const work: { section: Section; entity: string; write(): void; exists(): boolean; id: string; record: unknown }[] = [];
  const add = <T extends { id: string }>(section: Section, entity: string, items: T[], exists: (id: string) => boolean, upsert: (item: T) => unknown) => {
    for (const item of items) work.push({ section, entity, id: item.id, record: item, exists: () => exists(item.id), write: () => upsert(item) });
  };
  add('places', 'place', file.places, (id) => placeExists(db, id), (p) => upsertPlace(db, p));
  add('persons', 'person', file.persons, (id) => personExists(db, id), (p) => upsertPerson(db, p));
  add('counterparts', 'counterpart', file.counterparts ?? [], (id) => counterpartExists(db, id), (c) => upsertCounterpart(db, c));
  add('incidents', 'incident', file.incidents, (id) => incidentExists(db, id), (i) => upsertIncident(db, i));
  add('letters', 'letter', repliesAfterOriginals(file.letters ?? []), (id) => letterExists(db, id), (l) => upsertLetter(db, l));

  const transaction = beginWriteTransaction(db);
  try {
    for (let start = 0; start < work.length; start += BATCH) {
      if (progress.signal?.aborted) throw new AppError('cancelled');
      for (const item of work.slice(start, start + BATCH)) {
        const existed = item.exists();
        item.write();
        counts[existed ? 'updated' : 'created'][item.section] += 1;
        appendAudit(db, { actor, action: existed ? `${item.entity}.update` : `${item.entity}.create`, entity: item.entity, entityId: item.id, after: item.record });
      }
      const done = Math.min(start + BATCH, work.length);
      progress.onProgress?.(done, work.length);
      await nextTurn();
      await progress.afterBatch?.(done, work.length);
    }
    if (progress.signal?.aborted) throw new AppError('cancelled');
    followLetters(db, file.letters ?? []);
    transaction.commit();
    checkpointAfterLargeWrite(db);
  } catch (error) {
    // A lock closes the connection mid-import, which rolls the transaction back by itself.
    if (!db.open) throw new AppError('vault-locked', { cause: error });
    transaction.rollback();
    throw error;
  }
  return counts;
}

import { builtInTerms, type NewTerm, type Term, type VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

interface TermRow {
  code: string;
  label_tg: string;
  label_ru: string;
  label_en: string;
}

/** Built-in terms first, then those staff added, in the order they were added. */
export function listTerms(db: Db, kind: VocabularyKind): Term[] {
  const added = statement(db, 'SELECT code, label_tg, label_ru, label_en FROM vocabulary_term WHERE kind = ? ORDER BY rowid').all(kind) as TermRow[];
  return [...builtInTerms[kind], ...added.map((row) => ({ code: row.code, labels: { tg: row.label_tg, ru: row.label_ru, en: row.label_en } }))];
}

export function knownCodes(db: Db, kind: VocabularyKind): Set<string> {
  return new Set(listTerms(db, kind).map((term) => term.code));
}

/** Adds a staff term; returns false when the code already exists (built in or added). */
export function addTerm(db: Db, term: NewTerm): boolean {
  if (knownCodes(db, term.kind).has(term.code)) return false;
  statement(db, 'INSERT INTO vocabulary_term (kind, code, label_tg, label_ru, label_en) VALUES (?, ?, ?, ?, ?)').run(term.kind, term.code, term.labels.tg, term.labels.ru, term.labels.en);
  return true;
}

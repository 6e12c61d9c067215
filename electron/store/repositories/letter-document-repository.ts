import { docSchema, type Doc } from '../../../shared/document/model.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

export interface LetterDocument {
  letterId: string;
  kind: string;
  language: 'tg' | 'ru' | 'en';
  doc: Doc;
  sha256: string;
}

/** The frozen Doc of a letter drafted here; written once, at registration, never updated. */
export function insertLetterDocument(db: Db, document: LetterDocument): void {
  statement(db, 'INSERT INTO letter_document (letter_id, kind, language, doc, sha256) VALUES (?, ?, ?, ?, ?)').run(document.letterId, document.kind, document.language, JSON.stringify(document.doc), document.sha256);
}

export function getLetterDocument(db: Db, letterId: string): LetterDocument | undefined {
  const row = statement(db, 'SELECT letter_id AS letterId, kind, language, doc, sha256 FROM letter_document WHERE letter_id = ?').get(letterId) as (Omit<LetterDocument, 'doc'> & { doc: string }) | undefined;
  return row && { ...row, doc: docSchema.parse(JSON.parse(row.doc)) };
}

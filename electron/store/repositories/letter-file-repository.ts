import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

export type LetterFileRole = 'scan' | 'pdf' | 'docx';

export interface LetterFileRecord {
  id: string;
  letterId: string;
  role: LetterFileRole;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedBy: string;
  addedAt: string;
}

/** The row of a file that is starting to stream in; it counts only once it is marked complete. */
export function insertIncompleteLetterFile(db: Db, record: LetterFileRecord): void {
  statement(
    db,
    `INSERT INTO letter_file (id, letter_id, role, file_name, media_type, size, sha256, added_by, added_at, complete)
     VALUES (@id, @letterId, @role, @fileName, @mediaType, @size, @sha256, @addedBy, @addedAt, 0)`,
  ).run(record);
}

const columns = 'id, letter_id AS letterId, role, file_name AS fileName, media_type AS mediaType, size, sha256, added_by AS addedBy, added_at AS addedAt';

export function getLetterFile(db: Db, id: string): LetterFileRecord | undefined {
  return statement(db, `SELECT ${columns} FROM letter_file WHERE id = ? AND complete = 1`).get(id) as LetterFileRecord | undefined;
}

export function listLetterFiles(db: Db, letterId: string): LetterFileRecord[] {
  return statement(db, `SELECT ${columns} FROM letter_file WHERE letter_id = ? AND complete = 1 ORDER BY added_at, id`).all(letterId) as LetterFileRecord[];
}

/** Deletes a letter's generated PDF and DOCX rows (their chunks go with them); returns their ids. */
export function deleteGeneratedLetterFiles(db: Db, letterId: string): string[] {
  const ids = statement(db, "SELECT id FROM letter_file WHERE letter_id = ? AND role IN ('pdf', 'docx')").pluck().all(letterId) as string[];
  statement(db, "DELETE FROM letter_file WHERE letter_id = ? AND role IN ('pdf', 'docx')").run(letterId);
  return ids;
}

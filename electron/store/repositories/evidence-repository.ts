import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

export interface EvidenceRecord {
  id: string;
  incidentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  addedBy: string;
  addedAt: string;
}

/** The row of a file that is starting to stream in; it counts only once `completeEvidence` marks it. */
export function insertIncompleteEvidence(db: Db, record: EvidenceRecord): void {
  statement(db, 
    `INSERT INTO evidence (id, incident_id, file_name, media_type, size, sha256, width, height, added_by, added_at, complete)
     VALUES (@id, @incidentId, @fileName, @mediaType, @size, @sha256, @width, @height, @addedBy, @addedAt, 0)`,
  ).run(record);
}

const columns = `id, incident_id AS incidentId, file_name AS fileName, media_type AS mediaType, size, sha256, width, height,
                 added_by AS addedBy, added_at AS addedAt`;

export function getEvidence(db: Db, id: string): EvidenceRecord | undefined {
  return statement(db, `SELECT ${columns} FROM evidence WHERE id = ? AND complete = 1`).get(id) as EvidenceRecord | undefined;
}

export function listEvidence(db: Db, incidentId: string): EvidenceRecord[] {
  return statement(db, `SELECT ${columns} FROM evidence WHERE incident_id = ? AND complete = 1 ORDER BY added_at, id`).all(incidentId) as EvidenceRecord[];
}

/** The pixel size of a file whose image headers were found only once all of it was stored (a dropped file). */
export function setEvidenceDimensions(db: Db, id: string, dimensions: { width: number; height: number } | null): void {
  statement(db, 'UPDATE evidence SET width = ?, height = ? WHERE id = ? AND complete = 0').run(dimensions?.width ?? null, dimensions?.height ?? null, id);
}

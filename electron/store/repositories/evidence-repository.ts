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

/** Chunks are written after their (incomplete) evidence row, in batches of transactions. */
export function chunkWriter(db: Db, evidenceId: string): (seq: number, data: Buffer) => void {
  const insert = statement(db, 'INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES (?, ?, ?)');
  return (seq, data) => insert.run(evidenceId, seq, data);
}

/** The row of a file that is starting to stream in; it counts only once `completeEvidence` marks it. */
export function insertIncompleteEvidence(db: Db, record: EvidenceRecord): void {
  statement(db, 
    `INSERT INTO evidence (id, incident_id, file_name, media_type, size, sha256, width, height, added_by, added_at, complete)
     VALUES (@id, @incidentId, @fileName, @mediaType, @size, @sha256, @width, @height, @addedBy, @addedAt, 0)`,
  ).run(record);
}

export function completeEvidence(db: Db, id: string, sha256: string): void {
  statement(db, 'UPDATE evidence SET sha256 = ?, complete = 1 WHERE id = ?').run(sha256, id);
}

export function deleteIncompleteEvidence(db: Db, id?: string): number {
  return id === undefined
    ? statement(db, 'DELETE FROM evidence WHERE complete = 0').run().changes
    : statement(db, 'DELETE FROM evidence WHERE complete = 0 AND id = ?').run(id).changes;
}

const columns = `id, incident_id AS incidentId, file_name AS fileName, media_type AS mediaType, size, sha256, width, height,
                 added_by AS addedBy, added_at AS addedAt`;

export function getEvidence(db: Db, id: string): EvidenceRecord | undefined {
  return statement(db, `SELECT ${columns} FROM evidence WHERE id = ? AND complete = 1`).get(id) as EvidenceRecord | undefined;
}

export function listEvidence(db: Db, incidentId: string): EvidenceRecord[] {
  return statement(db, `SELECT ${columns} FROM evidence WHERE incident_id = ? AND complete = 1 ORDER BY added_at, id`).all(incidentId) as EvidenceRecord[];
}

/** The file's bytes, chunk by chunk, in order; never the whole file in memory. */
export function* evidenceChunks(db: Db, id: string): Generator<Buffer> {
  const select = statement(db, 'SELECT data FROM evidence_chunk WHERE evidence_id = ? AND seq = ?').pluck();
  for (let seq = 0; ; seq += 1) {
    const data = select.get(id, seq) as Buffer | undefined;
    if (!data) return;
    yield data;
  }
}

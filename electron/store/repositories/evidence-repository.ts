import type { Db } from '../open.ts';

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

/** Chunks are written before their evidence row exists, inside the same transaction; the row comes last. */
export function chunkWriter(db: Db, evidenceId: string): (seq: number, data: Buffer) => void {
  const insert = db.prepare('INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES (?, ?, ?)');
  return (seq, data) => insert.run(evidenceId, seq, data);
}

export function insertEvidence(db: Db, record: EvidenceRecord): void {
  db.prepare(
    `INSERT INTO evidence (id, incident_id, file_name, media_type, size, sha256, width, height, added_by, added_at)
     VALUES (@id, @incidentId, @fileName, @mediaType, @size, @sha256, @width, @height, @addedBy, @addedAt)`,
  ).run(record);
}

const columns = `id, incident_id AS incidentId, file_name AS fileName, media_type AS mediaType, size, sha256, width, height,
                 added_by AS addedBy, added_at AS addedAt`;

export function getEvidence(db: Db, id: string): EvidenceRecord | undefined {
  return db.prepare(`SELECT ${columns} FROM evidence WHERE id = ?`).get(id) as EvidenceRecord | undefined;
}

export function listEvidence(db: Db, incidentId: string): EvidenceRecord[] {
  return db.prepare(`SELECT ${columns} FROM evidence WHERE incident_id = ? ORDER BY added_at, id`).all(incidentId) as EvidenceRecord[];
}

/** The file's bytes, chunk by chunk, in order; never the whole file in memory. */
export function* evidenceChunks(db: Db, id: string): Generator<Buffer> {
  const select = db.prepare('SELECT data FROM evidence_chunk WHERE evidence_id = ? AND seq = ?').pluck();
  for (let seq = 0; ; seq += 1) {
    const data = select.get(id, seq) as Buffer | undefined;
    if (!data) return;
    yield data;
  }
}

import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

/**
 * Files kept inside the encrypted store in 1 MiB chunks: evidence of incidents, and the files of letters. Each kind
 * has its row table (with `complete` and `sha256`) and its chunk table; the names come from this closed list only.
 */
const tables = {
  evidence: { rows: 'evidence', chunks: 'evidence_chunk', key: 'evidence_id' },
  'letter-file': { rows: 'letter_file', chunks: 'letter_file_chunk', key: 'file_id' },
  'dossier-file': { rows: 'dossier_file', chunks: 'dossier_file_chunk', key: 'file_id' },
} as const;
export type ChunkedFileKind = keyof typeof tables;

/** Chunks are written after their (incomplete) row, in batches of transactions. */
export function chunkWriter(db: Db, kind: ChunkedFileKind, fileId: string): (seq: number, data: Buffer) => void {
  const { chunks, key } = tables[kind];
  const insert = statement(db, `INSERT INTO ${chunks} (${key}, seq, data) VALUES (?, ?, ?)`);
  return (seq, data) => insert.run(fileId, seq, data);
}

export function completeFile(db: Db, kind: ChunkedFileKind, id: string, sha256: string): void {
  statement(db, `UPDATE ${tables[kind].rows} SET sha256 = ?, complete = 1 WHERE id = ?`).run(sha256, id);
}

/** Removes a file whose intake failed, or (no id) every file a crash left incomplete; its chunks go with it. */
export function deleteIncompleteFiles(db: Db, kind: ChunkedFileKind, id?: string): number {
  const { rows } = tables[kind];
  return id === undefined ? statement(db, `DELETE FROM ${rows} WHERE complete = 0`).run().changes : statement(db, `DELETE FROM ${rows} WHERE complete = 0 AND id = ?`).run(id).changes;
}

/** The file's bytes, chunk by chunk, in order; never the whole file in memory. */
export function* fileChunks(db: Db, kind: ChunkedFileKind, id: string): Generator<Buffer> {
  const { chunks, key } = tables[kind];
  const select = statement(db, `SELECT data FROM ${chunks} WHERE ${key} = ? AND seq = ?`).pluck();
  for (let seq = 0; ; seq += 1) {
    const data = select.get(id, seq) as Buffer | undefined;
    if (!data) return;
    yield data;
  }
}

/** One chunk of a file by its place (from 0), or undefined past the end: for reading a header wherever it lies. */
export function fileChunk(db: Db, kind: ChunkedFileKind, id: string, seq: number): Buffer | undefined {
  const { chunks, key } = tables[kind];
  return statement(db, `SELECT data FROM ${chunks} WHERE ${key} = ? AND seq = ?`).pluck().get(id, seq) as Buffer | undefined;
}

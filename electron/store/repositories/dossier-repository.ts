import { dossierCompositionSchema, type DossierComposition, type DossierEdition, type DossierSummary } from '../../../shared/domain/dossier.ts';
import { docSchema, type Doc } from '../../../shared/document/model.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

/** A saved dossier: its composition and when it was made and last saved. */
export interface StoredDossier {
  composition: DossierComposition;
  createdAt: string;
  updatedAt: string;
}

/** A frozen edition's row: what the contract's DossierEdition lists, plus its language and Doc. */
export interface EditionRow {
  dossierId: string;
  edition: number;
  issuedAt: string;
  issuedBy: string;
  language: 'tg' | 'ru' | 'en';
  doc: Doc;
  sha256: string;
  pages: number;
}

export type DossierFileRole = 'pdf' | 'docx';

export interface DossierFileRecord {
  id: string;
  dossierId: string;
  edition: number;
  role: DossierFileRole;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedAt: string;
}

/** A composition saved by an older version that no longer parses is skipped from lists rather than breaking them. */
const parseComposition = (json: string): DossierComposition | undefined => {
  const parsed = dossierCompositionSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
};

export function listDossiers(db: Db): DossierSummary[] {
  const rows = statement(
    db,
    `SELECT d.id, d.composition, d.updated_at AS updatedAt, (SELECT count(*) FROM dossier_edition e WHERE e.dossier_id = d.id) AS editions
     FROM dossier d ORDER BY d.updated_at DESC, d.id`,
  ).all() as { id: string; composition: string; updatedAt: string; editions: number }[];
  return rows.flatMap((row) => {
    const composition = parseComposition(row.composition);
    if (!composition) return [];
    return [{ id: row.id, title: composition.title, language: composition.language, meetingDate: composition.meeting.date ?? null, updatedAt: row.updatedAt, editions: row.editions }];
  });
}

export function getDossier(db: Db, id: string): StoredDossier | undefined {
  const row = statement(db, 'SELECT composition, created_at AS createdAt, updated_at AS updatedAt FROM dossier WHERE id = ?').get(id) as { composition: string; createdAt: string; updatedAt: string } | undefined;
  if (!row) return undefined;
  return { composition: dossierCompositionSchema.parse(JSON.parse(row.composition)), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** Inserts or replaces the composition; returns whether it was new. */
export function upsertDossier(db: Db, composition: DossierComposition, now: Date = new Date()): boolean {
  const at = now.toISOString();
  const exists = statement(db, 'SELECT 1 FROM dossier WHERE id = ?').pluck().get(composition.id) !== undefined;
  statement(db, `INSERT INTO dossier (id, composition, created_at, updated_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (id) DO UPDATE SET composition = excluded.composition, updated_at = excluded.updated_at`).run(composition.id, JSON.stringify(composition), at, at);
  return !exists;
}

/** Deletes a dossier with no editions (the reference from editions refuses the rest). */
export function deleteDossier(db: Db, id: string): boolean {
  return statement(db, 'DELETE FROM dossier WHERE id = ?').run(id).changes > 0;
}

export function editionCount(db: Db, dossierId: string): number {
  return statement(db, 'SELECT count(*) FROM dossier_edition WHERE dossier_id = ?').pluck().get(dossierId) as number;
}

export function nextEditionNumber(db: Db, dossierId: string): number {
  return (statement(db, 'SELECT coalesce(max(edition), 0) + 1 FROM dossier_edition WHERE dossier_id = ?').pluck().get(dossierId) as number);
}

export function insertEdition(db: Db, row: EditionRow): void {
  statement(db, 'INSERT INTO dossier_edition (dossier_id, edition, issued_at, issued_by, language, doc, sha256, pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    row.dossierId, row.edition, row.issuedAt, row.issuedBy, row.language, JSON.stringify(row.doc), row.sha256, row.pages,
  );
}

const fileColumns = 'id, dossier_id AS dossierId, edition, role, file_name AS fileName, media_type AS mediaType, size, sha256, added_at AS addedAt';

/** The editions of a dossier, oldest first, each with its complete files (the Doc is read only by getEdition). */
export function listEditions(db: Db, dossierId: string): DossierEdition[] {
  const rows = statement(db, 'SELECT dossier_id AS dossierId, edition, issued_at AS issuedAt, issued_by AS issuedBy, sha256, pages FROM dossier_edition WHERE dossier_id = ? ORDER BY edition').all(dossierId) as Omit<DossierEdition, 'files'>[];
  const files = listDossierFiles(db, dossierId);
  return rows.map((row) => ({ ...row, files: files.filter((file) => file.edition === row.edition).map(({ role, size, sha256 }) => ({ role, size, sha256 })) }));
}

export function getEdition(db: Db, dossierId: string, edition: number): EditionRow | undefined {
  const row = statement(db, 'SELECT dossier_id AS dossierId, edition, issued_at AS issuedAt, issued_by AS issuedBy, language, doc, sha256, pages FROM dossier_edition WHERE dossier_id = ? AND edition = ?').get(dossierId, edition) as
    | (Omit<EditionRow, 'doc'> & { doc: string })
    | undefined;
  return row && { ...row, doc: docSchema.parse(JSON.parse(row.doc)) };
}

/** The row of an edition's file, incomplete until its chunks are written (chunked-file-repository.ts). */
export function insertIncompleteDossierFile(db: Db, record: DossierFileRecord): void {
  statement(
    db,
    `INSERT INTO dossier_file (id, dossier_id, edition, role, file_name, media_type, size, sha256, added_at, complete)
     VALUES (@id, @dossierId, @edition, @role, @fileName, @mediaType, @size, @sha256, @addedAt, 0)`,
  ).run(record);
}

export function listDossierFiles(db: Db, dossierId: string): DossierFileRecord[] {
  return statement(db, `SELECT ${fileColumns} FROM dossier_file WHERE dossier_id = ? AND complete = 1 ORDER BY edition, role`).all(dossierId) as DossierFileRecord[];
}

export function getDossierFile(db: Db, dossierId: string, edition: number, role: DossierFileRole): DossierFileRecord | undefined {
  return statement(db, `SELECT ${fileColumns} FROM dossier_file WHERE dossier_id = ? AND edition = ? AND role = ? AND complete = 1`).get(dossierId, edition, role) as DossierFileRecord | undefined;
}

import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/store/audit.ts';
import { migrate, migrations, schemaVersion } from '../../../electron/store/migrate.ts';
import { frozenLists } from '../../../electron/store/migrations/0009-dossiers.ts';
import type { Db } from '../../../electron/store/open.ts';
import { languageSchema } from '../../../shared/domain/vault.ts';
import { dossierEditionSchema } from '../../../shared/domain/dossier.ts';
import { dump, storeAt, strictness } from './seed.ts';

const SHA = 'a'.repeat(64);
const composition = JSON.stringify({ id: 'd-1', title: 'Встреча', meeting: {}, language: 'ru', selection: { kind: 'incidents', incidentIds: ['inc-1'] } });

/** Runs the SQL and undoes it, so each attempt is tried on the same store. */
function attempt(db: Db, sql: string, ...params: unknown[]): void {
  db.exec('SAVEPOINT attempt');
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.exec('ROLLBACK TO attempt; RELEASE attempt');
  }
}

const edition = (db: Db, n: number, language = 'ru') =>
  db.prepare(`INSERT INTO dossier_edition (dossier_id, edition, issued_at, issued_by, language, doc, sha256, pages) VALUES ('d-1', ?, 'now', 't', ?, '{"meta":{},"blocks":[]}', ?, 3)`).run(n, language, SHA);
const file = (db: Db, id: string, n: number, role: string, complete = 1) =>
  db.prepare(`INSERT INTO dossier_file (id, dossier_id, edition, role, file_name, media_type, size, sha256, added_at, complete) VALUES (?, 'd-1', ?, ?, 'f', 'application/pdf', 1, ?, 'now', ?)`).run(id, n, role, complete ? SHA : '', complete);

describe('0008 → 0009: meeting dossiers', () => {
  it("0009's frozen lists equal the domain's lists of today", () => {
    expect(frozenLists).toEqual({ languages: languageSchema.options, fileRoles: dossierEditionSchema.shape.files.element.shape.role.options });
  });

  it('keeps every row of a store holding data and adds four empty STRICT tables', () => {
    const db = storeAt(8);
    const before = dump(db);
    expect(migrate(db, migrations.slice(0, 9))).toEqual({ from: 8, to: 9 });
    expect(schemaVersion(db)).toBe(9);
    const after = dump(db);
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    const added = Object.keys(after).filter((name) => !(name in before)).sort();
    expect(added).toEqual(['dossier', 'dossier_edition', 'dossier_file', 'dossier_file_chunk']);
    for (const name of added) expect({ name, rows: after[name], strict: strictness(db)[name] }).toEqual({ name, rows: [], strict: 1 });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses what the app never writes, and an edition and its complete files never change or go', () => {
    const db = storeAt(9);
    const dossier = `INSERT INTO dossier (id, composition, created_at, updated_at) VALUES (?, ?, 'now', 'now')`;
    expect(() => attempt(db, dossier, 'd-2', 'not json')).toThrow(/CHECK constraint failed/);
    expect(() => attempt(db, dossier, 'd-2', '[1]')).toThrow(/CHECK constraint failed/);
    db.prepare(dossier).run('d-1', composition);

    expect(() => edition(db, 1, 'fr')).toThrow(/CHECK constraint failed/);
    expect(() => edition(db, 0)).toThrow(/CHECK constraint failed/);
    edition(db, 1);
    expect(() => edition(db, 1)).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
    expect(() => attempt(db, `INSERT INTO dossier_edition (dossier_id, edition, issued_at, issued_by, language, doc, sha256, pages) VALUES ('d-9', 1, 'now', 't', 'ru', '{}', ?, 1)`, SHA)).toThrow(/FOREIGN KEY/);

    expect(() => file(db, 'f-x', 1, 'scan')).toThrow(/CHECK constraint failed/);
    expect(() => file(db, 'f-x', 2, 'pdf')).toThrow(/FOREIGN KEY/); // no such edition
    file(db, 'f-pdf', 1, 'pdf');
    expect(() => file(db, 'f-pdf-again', 1, 'pdf')).toThrow(/UNIQUE constraint failed/);
    file(db, 'f-docx', 1, 'docx', 0);
    db.prepare(`INSERT INTO dossier_file_chunk (file_id, seq, data) VALUES ('f-pdf', 0, x'01'), ('f-docx', 0, x'02')`).run();

    // Frozen: the edition, and its complete file with its chunks.
    expect(() => attempt(db, `UPDATE dossier_edition SET sha256 = ?`, 'b'.repeat(64))).toThrow(/frozen/);
    expect(() => attempt(db, 'DELETE FROM dossier_edition')).toThrow(/frozen/);
    expect(() => attempt(db, `UPDATE dossier_file SET size = 2 WHERE id = 'f-pdf'`)).toThrow(/frozen/);
    expect(() => attempt(db, `DELETE FROM dossier_file WHERE id = 'f-pdf'`)).toThrow(/frozen/);
    // A dossier with editions cannot be deleted.
    expect(() => attempt(db, `DELETE FROM dossier WHERE id = 'd-1'`)).toThrow(/FOREIGN KEY/);
    // An incomplete file (a crash mid-issue) may be completed or removed, its chunks with it.
    db.prepare(`DELETE FROM dossier_file WHERE id = 'f-docx'`).run();
    expect(db.prepare(`SELECT count(*) FROM dossier_file_chunk WHERE file_id = 'f-docx'`).pluck().get()).toBe(0);
    db.close();
  });
});

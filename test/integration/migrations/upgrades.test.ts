import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/store/audit.ts';
import { migrate, migrations, schemaVersion } from '../../../electron/store/migrate.ts';
import { MIGRATION_ACTOR } from '../../../electron/store/migrations/0006-strict-registry.ts';
import type { Db } from '../../../electron/store/open.ts';
import { listLetterFiles } from '../../../electron/store/repositories/letter-file-repository.ts';
import { getLetter, listCounterparts } from '../../../electron/store/repositories/letter-repository.ts';
import { DUPLICATE_FILES, dump, seed, storeAt, strictness, type Dump } from './seed.ts';

/** What every step must leave true: references whole, pages sound, the audit chain intact and still append-only. */
function expectSoundStore(db: Db): void {
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(() => db.prepare(`UPDATE audit_log SET actor = 'x'`).run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
}

/** A store at `from` holding data in every table, taken one step up; with its rows before and after. */
function upgrade(from: number): { db: Db; before: Dump; after: Dump } {
  const db = storeAt(from);
  const before = dump(db);
  expect(migrate(db, migrations.slice(0, from + 1))).toEqual({ from, to: from + 1 });
  return { db, before, after: dump(db) };
}

/** Every table that existed keeps exactly its rows, but for the tables named. */
function expectRowsKept(before: Dump, after: Dump, except: readonly string[] = []): void {
  for (const table of Object.keys(before).filter((name) => !except.includes(name))) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
}

/** The tables a step added: STRICT and empty. */
function expectNewTables(before: Dump, after: Dump, db: Db, names: readonly string[]): void {
  expect(Object.keys(after).filter((name) => !(name in before)).sort()).toEqual([...names].sort());
  const strict = strictness(db);
  for (const name of names.filter((n) => n !== 'incident_search')) expect({ name, strict: strict[name] }).toEqual({ name, strict: 1 });
  for (const name of names) expect({ name, rows: after[name] }).toEqual({ name, rows: [] });
}

describe('each migration upgrades a store of the previous schema holding data', () => {
  it('0001 → 0002 keeps settings, metadata and the audit chain, and adds the case record tables', () => {
    const { db, before, after } = upgrade(1);
    expect([before.settings!.length, before.store_meta!.length, before.audit_log!.length]).toEqual([2, 1, 2]);
    expectRowsKept(before, after);
    expectNewTables(before, after, db, ['vocabulary_term', 'place', 'person', 'person_characteristic', 'incident', 'incident_code', 'incident_victim', 'incident_source', 'evidence', 'evidence_chunk', 'incident_search']);
    seed(db, 2); // the new tables take rows as the app writes them
    expectSoundStore(db);
    db.close();
  });

  it('0002 → 0003 keeps every record, evidence chunk and search row, and adds saved searches', () => {
    const { db, before, after } = upgrade(2);
    for (const table of ['place', 'incident', 'incident_code', 'incident_victim', 'incident_source', 'evidence', 'evidence_chunk', 'incident_search']) expect(before[table]!.length).toBeGreaterThan(0);
    expectRowsKept(before, after);
    expectNewTables(before, after, db, ['saved_search']);
    expect(db.prepare(`SELECT rowid FROM incident_search WHERE incident_search MATCH 'кпп'`).pluck().all()).toHaveLength(1);
    expectSoundStore(db);
    db.close();
  });

  it('0003 → 0004 keeps records and saved searches, and adds the correspondence registry', () => {
    const { db, before, after } = upgrade(3);
    expect(before.saved_search).toHaveLength(1);
    expectRowsKept(before, after);
    expectNewTables(before, after, db, ['counterpart', 'letter', 'letter_incident', 'letter_sequence', 'holiday_calendar']);
    expectSoundStore(db);
    db.close();
  });

  it('0004 → 0005 keeps counterparts, letters and their links, and adds letter files and frozen documents', () => {
    const { db, before, after } = upgrade(4);
    expect([before.counterpart!.length, before.letter!.length, before.letter_incident!.length]).toEqual([2, 3, 3]);
    expectRowsKept(before, after);
    expectNewTables(before, after, db, ['letter_file', 'letter_file_chunk', 'letter_document']);
    expectSoundStore(db);
    db.close();
  });

  it('0005 → 0006 rebuilds the registry tables with every row as it was, and keeps one PDF and one DOCX per letter', () => {
    const { db, before, after } = upgrade(5);
    expectRowsKept(before, after, ['letter_file', 'letter_file_chunk', 'audit_log']);
    // The rebuilt tables are STRICT with their indexes back (a number stays unique in its year).
    expect(Object.values(strictness(db)).every((strict) => strict === 1)).toBe(true);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('letter', 'letter_file') AND sql IS NOT NULL ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['letter_by_counterpart', 'letter_by_reply', 'letter_file_by_letter', 'letter_file_one_rendered', 'letter_number_per_year']);
    expect(() => db.prepare(`INSERT INTO letter (id, direction, number, date, counterpart_id, subject) VALUES ('out-9', 'outgoing', '01-12/1', '2024-12-01', 'cp-2', 'x')`).run()).toThrow(/UNIQUE/);

    // The older PDF of out-1 and the cut-off DOCX of out-2 are gone with their chunks; scans and the rest stay.
    const gone = Object.values(DUPLICATE_FILES) as string[];
    expect(after.letter_file).toEqual(before.letter_file!.filter((row) => !gone.includes((row as { id: string }).id)));
    expect(after.letter_file_chunk).toEqual(before.letter_file_chunk!.filter((row) => !gone.includes((row as { file_id: string }).file_id)));
    expect(listLetterFiles(db, 'out-1').map((file) => file.id)).toEqual(['docx-frozen', 'pdf-frozen', 'scan-1', 'scan-2']);
    expect(listLetterFiles(db, 'out-2').map((file) => file.id)).toEqual(['docx-whole']);

    // The one complete file removed is in the audit chain; the earlier rows are untouched.
    expect(after.audit_log!.slice(0, before.audit_log!.length)).toEqual(before.audit_log);
    expect(after.audit_log!.slice(before.audit_log!.length)).toEqual([
      expect.objectContaining({ actor: MIGRATION_ACTOR, action: 'letter-file.discard-duplicate', entity: 'letter-file', entity_id: DUPLICATE_FILES.audited }),
    ]);

    // The repositories read the rebuilt tables as before.
    expect(getLetter(db, 'in-1')).toEqual({ id: 'in-1', direction: 'incoming', number: 'RU-77', date: '2024-04-01', counterpartId: 'cp-1', subject: 'Ответ', incidentIds: ['inc-1'], inReplyTo: 'out-1', deliveryChannel: 'post', response: 'token-response' });
    expect(getLetter(db, 'out-2')).toMatchObject({ annulled: { reason: 'wrong addressee', date: '2024-05-02' }, expectedReplyBy: '2024-05-29' });
    expect(listCounterparts(db).map((c) => [c.id, c.deliveryChannel, c.gender ?? null])).toEqual([['cp-2', 'email', null], ['cp-1', 'diplomatic', 'female']]);
    expectSoundStore(db);
    db.close();
  });

  it('0006 refuses, untouched, a store holding a value the app never writes (a response code outside the list)', () => {
    const db = storeAt(5);
    db.prepare(`UPDATE letter SET response = 'maybe' WHERE id = 'in-1'`).run(); // 0004 had no check on it
    const before = dump(db);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'store-damaged', detail: expect.stringMatching(/letter\b/) }));
    expect(schemaVersion(db)).toBe(5);
    expect(dump(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('0006 refuses, untouched, a store whose references are already broken', () => {
    const db = storeAt(5);
    db.pragma('foreign_keys=OFF');
    db.prepare(`INSERT INTO letter_incident (letter_id, incident_id, position) VALUES ('out-1', 'inc-gone', 1)`).run();
    db.pragma('foreign_keys=ON');
    const before = dump(db);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'store-damaged', detail: expect.stringMatching(/letter_incident/) }));
    expect(schemaVersion(db)).toBe(5);
    expect(dump(db)).toEqual(before);
    db.close();
  });
});

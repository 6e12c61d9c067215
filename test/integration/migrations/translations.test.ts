import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/store/audit.ts';
import { migrate, migrations, schemaVersion } from '../../../electron/store/migrate.ts';
import { frozenLists } from '../../../electron/store/migrations/0007-translations.ts';
import { getIncident, upsertIncident } from '../../../electron/store/repositories/incident-repository.ts';
import { searchIncidents } from '../../../electron/store/repositories/incident-search.ts';
import { getCounterpart } from '../../../electron/store/repositories/letter-repository.ts';
import { getPerson } from '../../../electron/store/repositories/person-repository.ts';
import { getPlace } from '../../../electron/store/repositories/place-repository.ts';
import { genders } from '../../../shared/domain/records.ts';
import { languageSchema } from '../../../shared/domain/vault.ts';
import { dump, storeAt, strictness } from './seed.ts';

/** The columns 0007 adds, by table, with the value every earlier row gets. */
const ADDED: Record<string, Record<string, unknown>> = {
  place: { original_language: 'ru', translations: '{}' },
  incident: { original_language: 'ru', translations: '{}' },
  incident_source: { translations: '{}' },
  counterpart: { original_language: null, translations: '{}' },
  person: { gender: null },
};

describe('0006 → 0007: records in several languages', () => {
  it("0007's frozen lists equal the domain's lists of today", () => {
    expect(frozenLists).toEqual({ languages: languageSchema.options, genders });
  });

  it('keeps every row of a store holding data, each a Russian original without translations, and the tables STRICT', () => {
    const db = storeAt(6);
    const before = dump(db);
    expect(migrate(db, migrations.slice(0, 7))).toEqual({ from: 6, to: 7 });
    expect(schemaVersion(db)).toBe(7);
    const after = dump(db);
    for (const table of Object.keys(before)) {
      const added = ADDED[table] ?? {};
      expect(before[table]!.length, table).toBe(after[table]!.length);
      // Every row is as it was, plus the new columns with their defaults.
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table]!.map((row) => ({ ...(row as object), ...added })) });
    }
    expect(Object.entries(strictness(db)).filter(([, strict]) => strict !== 1)).toEqual([]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The repositories read the old records with the defaults of format 2.
    expect(getIncident(db, 'inc-1')).toMatchObject({ originalLanguage: 'ru', title: 'Задержание на КПП', sources: [{ reference: 'Asia-Plus' }] });
    expect(getIncident(db, 'inc-1')).not.toHaveProperty('translations');
    expect(getPlace(db, 'place-1')).toMatchObject({ originalLanguage: 'ru' });
    expect(getCounterpart(db, 'cp-1')).not.toHaveProperty('originalLanguage');
    expect(getPerson(db, 'person-1')).not.toHaveProperty('gender');

    // And write and search the new ones.
    upsertIncident(db, { ...getIncident(db, 'inc-1')!, translations: { tg: { title: 'Боздошт дар гузаргоҳ' } } });
    expect(searchIncidents(db, { text: 'гузаргоҳ', limit: 10, offset: 0 }).map((hit) => hit.id)).toEqual(['inc-1']);
    db.close();
  });

  it('the new columns refuse what the app never writes: an unknown language, translations that are not a JSON object, an unknown gender', () => {
    const db = storeAt(7);
    const attempt = (sql: string) => () => {
      db.exec('SAVEPOINT attempt');
      try {
        db.prepare(sql).run();
      } finally {
        db.exec('ROLLBACK TO attempt; RELEASE attempt');
      }
    };
    for (const sql of [
      `UPDATE place SET original_language = 'fr'`,
      `UPDATE incident SET original_language = 'de'`,
      `UPDATE incident SET translations = 'not json'`,
      `UPDATE incident SET translations = '["tg"]'`,
      `UPDATE incident_source SET translations = '{'`,
      `UPDATE counterpart SET original_language = 'xx'`,
      `UPDATE counterpart SET translations = '42'`,
      `UPDATE person SET gender = 'other'`,
    ]) {
      expect(attempt(sql), sql).toThrow(/CHECK constraint failed/);
    }
    for (const sql of [`UPDATE counterpart SET original_language = 'tg'`, `UPDATE person SET gender = 'female'`, `UPDATE incident SET translations = '{"en":{"title":"Detention"}}'`]) expect(attempt(sql), sql).not.toThrow();
    db.close();
  });
});

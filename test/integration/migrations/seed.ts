import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appendAudit } from '../../../electron/store/audit.ts';
import { migrate, migrations } from '../../../electron/store/migrate.ts';
import { openStore, type Db } from '../../../electron/store/open.ts';
import { tempDir } from '../../support/temp.ts';

/**
 * Stores at each schema version holding data in every table, written with SQL as the app wrote it at that version
 * (the repositories always follow the latest schema, so they cannot write an old one).
 */

export const freshStore = (): Db => openStore(join(tempDir(), 'store.db'), randomBytes(32), { create: true });

const sha = (char: string) => char.repeat(64);
const at = (day: string) => `${day}T09:00:00.000Z`;

/** Rows of the tables each version created, as written once the store had reached that version. */
const seeds: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.exec(`
      INSERT INTO store_meta (key, value) VALUES ('created-with', '0.1.0');
      INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '7'), ('language', '"tg"');
    `);
    appendAudit(db, { actor: 'seed', action: 'vault.create', entity: 'vault', entityId: 'vault-1' }, new Date(at('2024-01-01')));
    appendAudit(db, { actor: 'seed', action: 'settings.update', entity: 'settings', after: { autoLockMinutes: 7 } }, new Date(at('2024-01-02')));
  },
  2: (db) => {
    db.exec(`
      INSERT INTO vocabulary_term (kind, code, label_tg, label_ru, label_en) VALUES ('violation-type', 'extortion', 'тамаъҷӯӣ', 'вымогательство', 'extortion');
      INSERT INTO place (id, name, kind, country) VALUES ('place-1', 'Фотех', 'border-crossing', 'TJ');
      INSERT INTO person (id, kind, name, name_latin, count, birth_date, citizenship, contact, disclosure, name_key, latin_key)
        VALUES ('person-1', 'individual', 'Иванов Иван', 'Ivanov Ivan', NULL, '1990-05-01', 'TJ', '+992 000', 'consented', 'ivanov ivan', 'ivanov ivan'),
               ('person-2', 'group', '40 рабочих', NULL, 40, NULL, NULL, NULL, 'withheld', '40 rabochikh', '');
      INSERT INTO person_characteristic (person_id, code, position) VALUES ('person-1', 'migrant-worker', 0);
      INSERT INTO incident (id, title, description, start_date, end_date, date_precision, place_id, perpetrator_type, confidentiality, status)
        VALUES ('inc-1', 'Задержание на КПП', 'Описание', '2024-03-01', '2024-03-03', 'day', 'place-1', 'border-guard', 'confidential', 'documented'),
               ('inc-2', 'Депортация', '', '2024-02-01', NULL, 'month', NULL, NULL, 'internal', 'raised');
      INSERT INTO incident_code (incident_id, kind, code, position) VALUES ('inc-1', 'violation-type', 'extortion', 0), ('inc-1', 'method', 'threats', 0);
      INSERT INTO incident_victim (incident_id, person_id, position) VALUES ('inc-1', 'person-1', 0), ('inc-1', 'person-2', 1);
      INSERT INTO incident_source (incident_id, position, type, reference, date, reliability) VALUES ('inc-1', 0, 'media', 'Asia-Plus', '2024-03-04', 'probable');
      INSERT INTO evidence (id, incident_id, file_name, media_type, size, sha256, width, height, added_by, added_at, complete)
        VALUES ('ev-1', 'inc-1', 'photo.png', 'image/png', 3, '${sha('e')}', 1, 1, 'seed', '${at('2024-03-05')}', 1);
      INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES ('ev-1', 0, x'010203');
      INSERT INTO incident_search (rowid, title, body, names, sources) SELECT rowid, 'задержание на кпп', 'описание', 'иванов иван', 'asia-plus' FROM incident WHERE id = 'inc-1';
    `);
  },
  3: (db) => {
    db.exec(`INSERT INTO saved_search (id, name, query, created_at) VALUES ('search-1', 'Границы', '{"text":"кпп"}', '${at('2024-04-01')}')`);
  },
  4: (db) => {
    db.exec(`
      INSERT INTO counterpart (id, institution, position, name, addressee_dative, salutation, gender, language, address, country, delivery_channel, reply_days, reply_kind)
        VALUES ('cp-1', 'Уполномоченный по правам человека', 'Уполномоченный', 'Иванова А. Б.', 'Уполномоченному Ивановой А. Б.', 'Уважаемая Анна Борисовна!', 'female', 'ru', 'Москва', 'RU', 'diplomatic', 30, 'calendar'),
               ('cp-2', 'Омбудсмен', 'Омбудсмен', 'Omarov', NULL, NULL, NULL, 'en', '', 'KZ', 'email', 20, 'working');
      INSERT INTO letter (id, direction, number, date, counterpart_id, subject, in_reply_to, delivery_channel, expected_reply_by, response, annulled_reason, annulled_date)
        VALUES ('out-1', 'outgoing', '01-12/1', '2024-03-10', 'cp-1', 'О задержании', NULL, 'diplomatic', '2024-04-09', NULL, NULL, NULL),
               ('in-1', 'incoming', 'RU-77', '2024-04-01', 'cp-1', 'Ответ', 'out-1', 'post', NULL, 'token-response', NULL, NULL),
               ('out-2', 'outgoing', '01-12/2', '2024-05-01', 'cp-2', 'О депортации', NULL, NULL, '2024-05-29', NULL, 'wrong addressee', '2024-05-02');
      INSERT INTO letter_incident (letter_id, incident_id, position) VALUES ('out-1', 'inc-1', 0), ('in-1', 'inc-1', 0), ('out-2', 'inc-2', 0);
      INSERT INTO letter_sequence (year, last) VALUES (2024, 2);
      INSERT INTO holiday_calendar (id, name, fixed, movable) VALUES ('tj', 'Tajikistan', '["01-01","03-08"]', '["2024-04-10"]');
    `);
  },
  5: (db) => {
    const file = db.prepare(
      `INSERT INTO letter_file (id, letter_id, role, file_name, media_type, size, sha256, added_by, added_at, complete) VALUES (?, ?, ?, ?, ?, 2, ?, 'seed', ?, ?)`,
    );
    const chunk = db.prepare('INSERT INTO letter_file_chunk (file_id, seq, data) VALUES (?, 0, ?)');
    const pdf = 'application/pdf';
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const rows: [string, string, string, string, string, string, string, number][] = [
      // out-1: two scans (allowed), and the PDF twice: a registration cut off after its files, then run again and frozen.
      ['scan-1', 'out-1', 'scan', 'signed.pdf', pdf, sha('1'), at('2024-03-11'), 1],
      ['scan-2', 'out-1', 'scan', 'envelope.jpg', 'image/jpeg', sha('2'), at('2024-03-12'), 1],
      ['pdf-cut-off', 'out-1', 'pdf', '01-12-1.pdf', pdf, sha('3'), at('2024-03-10'), 1],
      ['pdf-frozen', 'out-1', 'pdf', '01-12-1.pdf', pdf, sha('4'), '2024-03-10T09:05:00.000Z', 1],
      ['docx-frozen', 'out-1', 'docx', '01-12-1.docx', docx, sha('5'), '2024-03-10T09:05:00.000Z', 1],
      // out-2 (numbered, never frozen): a whole DOCX, and a later one whose intake a crash cut off.
      ['docx-whole', 'out-2', 'docx', '01-12-2.docx', docx, sha('6'), at('2024-05-01'), 1],
      ['docx-half', 'out-2', 'docx', '01-12-2.docx', docx, '', at('2024-05-03'), 0],
    ];
    for (const [id, letter, role, name, type, digest, added, complete] of rows) {
      file.run(id, letter, role, name, type, digest, added, complete);
      chunk.run(id, Buffer.from(id));
    }
    db.prepare('INSERT INTO letter_document (letter_id, kind, language, doc, sha256) VALUES (?, ?, ?, ?, ?)').run('out-1', 'appeal', 'ru', '{"meta":{},"blocks":[]}', sha('4'));
  },
};

/** Files 0005's seed holds that 0006 removes as duplicates (with their chunks); the complete one is audited. */
export const DUPLICATE_FILES = { audited: 'pdf-cut-off', unaudited: 'docx-half' } as const;

export const seed = (db: Db, version: number): void => seeds[version]!(db);

/** A store brought to `version` one step at a time, each version's rows written once it was reached. */
export function storeAt(version: number): Db {
  const db = freshStore();
  for (let step = 1; step <= version; step += 1) {
    migrate(db, migrations.slice(0, step));
    seeds[step]?.(db);
  }
  return db;
}

export type Dump = Record<string, unknown[]>;

/** Every row of every table (virtual tables with their rowid; FTS shadow tables through their table), sorted. */
export function dump(db: Db): Dump {
  const tables = db.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string; type: string }[];
  const result: Dump = {};
  for (const { name, type } of tables) {
    const rows = db.prepare(`SELECT ${type === 'virtual' ? 'rowid, ' : ''}* FROM ${name}`).all();
    result[name] = rows.map((row) => [JSON.stringify(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }
  return result;
}

/** The tables of the store and whether each is STRICT (PRAGMA table_list), FTS excluded. */
export const strictness = (db: Db) =>
  Object.fromEntries((db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[]).map((t) => [t.name, t.strict]));

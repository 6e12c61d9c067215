import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/store/migrate.ts';
import { frozenLists } from '../../../electron/store/migrations/0006-strict-registry.ts';
import type { Db } from '../../../electron/store/open.ts';
import { replyTermSchema } from '../../../shared/domain/calendar.ts';
import { counterpartSchema, deliveryChannels, letterFileSchema, letterSchema, responseCodes } from '../../../shared/domain/correspondence.ts';
import { confidentialityLevels, datePrecisions, disclosures, incidentStatuses, personSchema, placeKinds, reliabilityLevels } from '../../../shared/domain/records.ts';
import { languageSchema } from '../../../shared/domain/vault.ts';
import { vocabularyKinds } from '../../../shared/domain/vocabulary.ts';
import { letterKinds } from '../../../shared/templates/letters/input.ts';
import { storeAt, strictness } from './seed.ts';

const SHA = 'a'.repeat(64);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Every column of the latest schema that holds one of a domain list, with the list the domain allows today and a
 * valid row of its table (given a fresh id `n`) into which each value is put. The store was seeded by seed.ts, so
 * the rows' references (inc-1, person-1, cp-1, out-1, in-1) exist.
 */
interface EnumColumn {
  table: string;
  column: string;
  values: readonly string[];
  row(n: number, value: string): Record<string, string | number | null>;
}

const letterRow = (n: number, direction: string) => ({ id: `l-${n}`, direction, number: `N-${n}`, date: '2024-06-01', counterpart_id: 'cp-1', subject: 'S', delivery_channel: null, response: null });
const incidentRow = (n: number) => ({ id: `i-${n}`, title: 'T', description: '', start_date: '2024-01-01', date_precision: 'day', confidentiality: 'internal', status: 'documented' });
const personRow = (n: number) => ({ id: `p-${n}`, kind: 'individual', name: 'N', disclosure: 'withheld', name_key: 'n', latin_key: '' });
const counterpartRow = (n: number) => ({ id: `c-${n}`, institution: 'I', position: 'P', name: 'N', gender: null, language: 'ru', address: '', country: 'KZ', delivery_channel: 'email', reply_days: 30, reply_kind: 'calendar' });

const enumColumns: EnumColumn[] = [
  { table: 'vocabulary_term', column: 'kind', values: vocabularyKinds, row: (n, kind) => ({ kind, code: `c${n}`, label_tg: 'т', label_ru: 'р', label_en: 'e' }) },
  { table: 'place', column: 'kind', values: placeKinds, row: (n, kind) => ({ id: `pl-${n}`, name: 'P', kind, country: 'TJ' }) },
  { table: 'person', column: 'kind', values: personSchema.shape.kind.options, row: (n, kind) => ({ ...personRow(n), kind, count: 2 }) },
  { table: 'person', column: 'disclosure', values: disclosures, row: (n, disclosure) => ({ ...personRow(n), disclosure }) },
  { table: 'incident', column: 'date_precision', values: datePrecisions, row: (n, value) => ({ ...incidentRow(n), date_precision: value }) },
  { table: 'incident', column: 'confidentiality', values: confidentialityLevels, row: (n, value) => ({ ...incidentRow(n), confidentiality: value }) },
  { table: 'incident', column: 'status', values: incidentStatuses, row: (n, value) => ({ ...incidentRow(n), status: value }) },
  // Which of an incident's term lists a code belongs to: the vocabulary kinds an incident carries.
  { table: 'incident_code', column: 'kind', values: ['violation-type', 'method'], row: (n, kind) => ({ incident_id: 'inc-1', kind, code: `c${n}`, position: n }) },
  { table: 'incident_source', column: 'reliability', values: reliabilityLevels, row: (n, reliability) => ({ incident_id: 'inc-1', position: 100 + n, type: 'media', reference: 'R', reliability }) },
  { table: 'counterpart', column: 'gender', values: counterpartSchema.shape.gender.unwrap().options, row: (n, gender) => ({ ...counterpartRow(n), gender }) },
  { table: 'counterpart', column: 'language', values: languageSchema.options, row: (n, language) => ({ ...counterpartRow(n), language }) },
  { table: 'counterpart', column: 'delivery_channel', values: deliveryChannels, row: (n, channel) => ({ ...counterpartRow(n), delivery_channel: channel }) },
  { table: 'counterpart', column: 'reply_kind', values: replyTermSchema.shape.kind.options, row: (n, kind) => ({ ...counterpartRow(n), reply_kind: kind }) },
  { table: 'letter', column: 'direction', values: letterSchema.shape.direction.options, row: (n, direction) => letterRow(n, direction) },
  { table: 'letter', column: 'delivery_channel', values: deliveryChannels, row: (n, channel) => ({ ...letterRow(n, 'outgoing'), delivery_channel: channel }) },
  { table: 'letter', column: 'response', values: responseCodes, row: (n, response) => ({ ...letterRow(n, 'incoming'), response }) },
  { table: 'letter_file', column: 'role', values: letterFileSchema.shape.role.options, row: (n, role) => ({ id: `f-${n}`, letter_id: 'in-1', role, file_name: 'f', media_type: DOCX, size: 0, sha256: '', added_by: 't', added_at: 'now' }) },
  { table: 'letter_document', column: 'kind', values: letterKinds, row: (n, kind) => ({ letter_id: 'in-1', kind, language: 'ru', doc: '{}', sha256: SHA }) },
  { table: 'letter_document', column: 'language', values: languageSchema.options, row: (_, language) => ({ letter_id: 'in-1', kind: 'appeal', language, doc: '{}', sha256: SHA }) },
];

/** Inserts the row and undoes it, so each value is tried on the same store. */
function tryInsert(db: Db, table: string, row: Record<string, string | number | null>): void {
  const names = Object.keys(row);
  db.exec('SAVEPOINT attempt');
  try {
    db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`).run(row);
  } finally {
    db.exec('ROLLBACK TO attempt; RELEASE attempt');
  }
}

describe('enumerations in the store', () => {
  it("0006's frozen lists equal the domain's lists of today (a new value needs a new migration)", () => {
    expect(frozenLists).toEqual({
      directions: letterSchema.shape.direction.options,
      deliveryChannels,
      responseCodes,
      genders: counterpartSchema.shape.gender.unwrap().options,
      languages: languageSchema.options,
      replyKinds: replyTermSchema.shape.kind.options,
      letterKinds,
      renderedFileRoles: letterFileSchema.shape.role.options.filter((role) => role !== 'scan'),
    });
  });

  it('every table of the latest schema is STRICT', () => {
    const db = storeAt(LATEST_SCHEMA_VERSION);
    const tables = strictness(db);
    // 26 tables (the search index is an FTS5 virtual table, which cannot be STRICT).
    expect(Object.keys(tables)).toHaveLength(26);
    expect(Object.entries(tables).filter(([, strict]) => strict !== 1)).toEqual([]);
    db.close();
  });

  it('every enumeration column takes each value of its domain list and refuses any other with a CHECK error', () => {
    const db = storeAt(LATEST_SCHEMA_VERSION);
    let n = 0;
    for (const { table, column, values, row } of enumColumns) {
      for (const value of values) expect(() => tryInsert(db, table, row((n += 1), value)), `${table}.${column} = ${value}`).not.toThrow();
      expect(() => tryInsert(db, table, row((n += 1), 'not-in-the-list')), `${table}.${column}`).toThrow(/CHECK constraint failed/);
    }
    db.close();
  });

  it('a letter has at most one PDF and one DOCX, and any number of scans', () => {
    const db = storeAt(LATEST_SCHEMA_VERSION);
    const file = (id: string, role: string, letter = 'out-1') => ({ id, letter_id: letter, role, file_name: 'f', media_type: DOCX, size: 0, sha256: '', added_by: 't', added_at: 'now' });
    expect(() => tryInsert(db, 'letter_file', file('pdf-again', 'pdf'))).toThrow(/UNIQUE constraint failed/);
    expect(() => tryInsert(db, 'letter_file', file('docx-again', 'docx'))).toThrow(/UNIQUE constraint failed/);
    expect(() => tryInsert(db, 'letter_file', file('scan-3', 'scan'))).not.toThrow();
    expect(() => tryInsert(db, 'letter_file', file('in-1-pdf', 'pdf', 'in-1'))).not.toThrow(); // another letter's first PDF
    db.close();
  });

  it('the registry refuses what its domain refuses: an outgoing letter with a response, half an annulment, a letter answering itself', () => {
    const db = storeAt(LATEST_SCHEMA_VERSION);
    const letter = { ...letterRow(1, 'outgoing'), expected_reply_by: null, in_reply_to: null, annulled_reason: null, annulled_date: null };
    expect(() => tryInsert(db, 'letter', letter)).not.toThrow();
    for (const wrong of [
      { response: 'denial' },
      { direction: 'incoming', expected_reply_by: '2024-07-01' },
      { annulled_reason: 'wrong' },
      { in_reply_to: 'l-1' },
      { date: '01.06.2024' },
      { subject: '' },
    ]) {
      expect(() => tryInsert(db, 'letter', { ...letter, ...wrong }), JSON.stringify(wrong)).toThrow(/CHECK constraint failed/);
    }
    expect(() => tryInsert(db, 'counterpart', { ...counterpartRow(1), country: 'kz' })).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

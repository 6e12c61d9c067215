import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { LATEST_SCHEMA_VERSION, migrate, migrations, schemaVersion, type Migration } from '../../electron/store/migrate.ts';
import { openStore } from '../../electron/store/open.ts';
import { tempDir } from '../support/temp.ts';

const freshStore = () => openStore(join(tempDir(), 'store.db'), randomBytes(32), { create: true });

describe('migrations', () => {
  it('are numbered 1, 2, 3, … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('0001-initial creates strict tables and an append-only audit log', () => {
    const db = freshStore();
    expect(migrate(db, migrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(['audit_log', 'settings', 'store_meta']);
    expect(tables.every((t) => /\bSTRICT\s*$/.test(t.sql))).toBe(true);
    expect(() => db.prepare(`INSERT INTO settings (key, value) VALUES ('x', 'not json')`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('0002-case-records keeps existing settings and audit rows and adds strict record tables with search', () => {
    const db = freshStore();
    migrate(db, migrations.slice(0, 1));
    db.prepare(`INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '7')`).run();
    expect(migrate(db)).toEqual({ from: 1, to: LATEST_SCHEMA_VERSION });
    expect(db.prepare(`SELECT value FROM settings`).pluck().get()).toBe('7');
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'incident_search%' ORDER BY name`).all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['incident', 'incident_code', 'incident_source', 'incident_victim', 'person', 'person_characteristic', 'place', 'vocabulary_term']));
    expect(tables.every((t) => /\bSTRICT(, WITHOUT ROWID)?\s*$/.test(t.sql))).toBe(true);
    expect(() => db.prepare(`INSERT INTO place (id, name, kind, country) VALUES ('p', 'X', 'city', 'tj')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO person (id, kind, name, disclosure, name_key, latin_key) VALUES ('g', 'group', 'G', 'withheld', '', '')`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('applies each step in its own transaction with its version, transforming existing rows', () => {
    const db = freshStore();
    migrate(db);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '10')`).run();
    const renameSetting: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-rename-setting',
      up: (d) => d.prepare(`UPDATE settings SET key = 'idleMinutes' WHERE key = 'autoLockMinutes'`).run(),
    };
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 2,
      name: 'test-failing',
      up: (d) => {
        d.exec(`CREATE TABLE half_done (x INTEGER) STRICT`);
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...migrations, renameSetting, failing])).toThrow('boom');
    // The good step committed; the failing one left nothing behind.
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(db.prepare(`SELECT key FROM settings`).pluck().all()).toEqual(['idleMinutes']);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0);
    db.close();
  });

  it('runs a step that rebuilds tables with foreign keys off, and never commits it with a broken reference', () => {
    const db = freshStore();
    migrate(db);
    db.prepare(`INSERT INTO counterpart (id, institution, position, name, language, address, country, delivery_channel, reply_days, reply_kind) VALUES ('cp', 'I', 'P', 'N', 'ru', '', 'KZ', 'email', 30, 'calendar')`).run();
    db.prepare(`INSERT INTO letter (id, direction, number, date, counterpart_id, subject) VALUES ('l', 'outgoing', '1', '2024-01-01', 'cp', 'S')`).run();
    const seen: number[] = [];
    const orphaning: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-orphaning-rebuild',
      rebuildsTables: true,
      up: (d) => {
        seen.push(d.pragma('foreign_keys', { simple: true }) as number);
        d.prepare(`DELETE FROM counterpart`).run(); // the letter now points at nothing
      },
    };
    expect(() => migrate(db, [...migrations, orphaning])).toThrow(expect.objectContaining({ code: 'store-damaged', detail: expect.stringMatching(/letter.*counterpart/) }));
    expect(seen).toEqual([0]);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM counterpart').pluck().get()).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses to run a step that rebuilds tables inside a transaction, where foreign keys cannot be turned off', () => {
    const db = freshStore();
    migrate(db);
    const rebuild: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'test-rebuild', rebuildsTables: true, up: (d) => d.exec('CREATE TABLE t (x INTEGER) STRICT') };
    expect(() => db.transaction(() => migrate(db, [...migrations, rebuild]))()).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a store from a newer version without changing it', () => {
    const db = freshStore();
    migrate(db);
    db.pragma(`user_version=${LATEST_SCHEMA_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'store-newer-version' }));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 5);
    db.close();
  });
});

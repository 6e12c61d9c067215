import { AppError } from '../../errors/app-error.ts';
import { appendAudit } from '../audit.ts';
import type { Db } from '../open.ts';

/**
 * The domain's lists as they were when this migration shipped (shared/domain/correspondence.ts, shared/domain/vault.ts,
 * shared/domain/calendar.ts, shared/templates/letters/input.ts). Copied, not imported: a migration never changes once
 * released, and an import would change the tables it creates whenever the domain's lists change. The test
 * test/integration/migrations/enumerations.test.ts asserts that the store's checks still equal the domain's lists,
 * so a new value fails there and gets its own migration.
 */
export const frozenLists = {
  directions: ['outgoing', 'incoming'],
  deliveryChannels: ['post', 'diplomatic', 'email', 'hand'],
  responseCodes: ['no-response', 'request-for-information', 'token-response', 'pledged-action', 'action-taken', 'denial'],
  genders: ['male', 'female'],
  languages: ['tg', 'ru', 'en'],
  replyKinds: ['calendar', 'working'],
  letterKinds: ['appeal', 'follow-up', 'information-request'],
  /** The letter file roles the app renders itself: one of each per letter. Scans may be several. */
  renderedFileRoles: ['pdf', 'docx'],
} as const satisfies Record<string, readonly string[]>;

/** Who the audit log names for what this migration changed. */
export const MIGRATION_ACTOR = 'migration:0006';

const oneOf = (column: string, values: readonly string[]) => `${column} IN (${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
const maybeOneOf = (column: string, values: readonly string[]) => `${column} IS NULL OR ${oneOf(column, values)}`;
const ISO_DATE = `'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;
const L = frozenLists;

interface Rebuild {
  table: string;
  /** The new table's body, created as `<table>_0006` and renamed once the old one is dropped. */
  columns: string;
  /** The indexes the old table had (dropped with it), and any new ones. */
  indexes: string;
}

/**
 * 0004 left the counterparts', letters' and frozen documents' lists unchecked (delivery channel, response code, letter
 * kind) and their dates and required texts unchecked; 0005 allowed a letter two PDFs or two DOCX files. Every column
 * and index is as before; only checks are added. The CHECKs hold what the domain schemas have always required of every
 * row the app writes, so a store that fails one was altered outside the app: the step is then refused and the store
 * left as it was (`store-damaged`), never "repaired" by guessing.
 */
const rebuilds: readonly Rebuild[] = [
  {
    table: 'counterpart',
    columns: `
      id                TEXT PRIMARY KEY,
      institution       TEXT NOT NULL CHECK (length(institution) > 0),
      position          TEXT NOT NULL CHECK (length(position) > 0),
      name              TEXT NOT NULL CHECK (length(name) > 0),
      addressee_dative  TEXT CHECK (addressee_dative IS NULL OR length(addressee_dative) > 0),
      salutation        TEXT CHECK (salutation IS NULL OR length(salutation) > 0),
      gender            TEXT CHECK (${maybeOneOf('gender', L.genders)}),
      language          TEXT NOT NULL CHECK (${oneOf('language', L.languages)}),
      address           TEXT NOT NULL,
      country           TEXT NOT NULL CHECK (country GLOB '[A-Z][A-Z]' AND length(country) = 2),
      delivery_channel  TEXT NOT NULL CHECK (${oneOf('delivery_channel', L.deliveryChannels)}),
      reply_days        INTEGER NOT NULL CHECK (reply_days BETWEEN 1 AND 365),
      reply_kind        TEXT NOT NULL CHECK (${oneOf('reply_kind', L.replyKinds)})`,
    indexes: '',
  },
  {
    table: 'letter',
    columns: `
      id                TEXT PRIMARY KEY,
      direction         TEXT NOT NULL CHECK (${oneOf('direction', L.directions)}),
      number            TEXT NOT NULL CHECK (length(number) > 0),
      date              TEXT NOT NULL CHECK (date GLOB ${ISO_DATE}),
      counterpart_id    TEXT NOT NULL REFERENCES counterpart (id),
      subject           TEXT NOT NULL CHECK (length(subject) > 0),
      in_reply_to       TEXT REFERENCES letter (id) CHECK (in_reply_to IS NULL OR in_reply_to <> id),
      delivery_channel  TEXT CHECK (${maybeOneOf('delivery_channel', L.deliveryChannels)}),
      expected_reply_by TEXT CHECK (expected_reply_by IS NULL OR expected_reply_by GLOB ${ISO_DATE}),
      response          TEXT CHECK (${maybeOneOf('response', L.responseCodes)}),
      annulled_reason   TEXT CHECK (annulled_reason IS NULL OR length(annulled_reason) > 0),
      annulled_date     TEXT CHECK (annulled_date IS NULL OR annulled_date GLOB ${ISO_DATE}),
      -- An annulment has both its reason and its date; only incoming letters answer, only outgoing ones await.
      CHECK ((annulled_reason IS NULL) = (annulled_date IS NULL)),
      CHECK (direction = 'incoming' OR response IS NULL),
      CHECK (direction = 'outgoing' OR expected_reply_by IS NULL)`,
    // As in 0004: our numbers are unique per year; an incoming number is the sender's, unique per sender and year.
    indexes: `
      CREATE UNIQUE INDEX letter_number_per_year ON letter (direction, CASE WHEN direction = 'incoming' THEN counterpart_id ELSE '' END, number, substr(date, 1, 4));
      CREATE INDEX letter_by_counterpart ON letter (counterpart_id, date);
      CREATE INDEX letter_by_reply ON letter (in_reply_to);`,
  },
  {
    table: 'letter_document',
    columns: `
      letter_id TEXT PRIMARY KEY REFERENCES letter (id),
      kind      TEXT NOT NULL CHECK (${oneOf('kind', L.letterKinds)}),
      language  TEXT NOT NULL CHECK (${oneOf('language', L.languages)}),
      doc       TEXT NOT NULL CHECK (json_valid(doc)),
      sha256    TEXT NOT NULL CHECK (length(sha256) = 64)`,
    indexes: '',
  },
];

/** SQLite's table rebuild, with foreign keys off (migrate.ts runs this step so, and checks them before commit). */
function rebuild(db: Db, { table, columns, indexes }: Rebuild): void {
  const names = (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name).join(', ');
  db.exec(`CREATE TABLE ${table}_0006 (${columns}\n    ) STRICT;`);
  try {
    // rowid kept too, so the rows stay in the order they were written.
    db.exec(`INSERT INTO ${table}_0006 (rowid, ${names}) SELECT rowid, ${names} FROM ${table}`);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT'))) throw error;
    throw new AppError('store-damaged', { detail: `migration 6: a row of ${table} holds a value the app never writes`, cause: error });
  }
  db.exec(`DROP TABLE ${table}; ALTER TABLE ${table}_0006 RENAME TO ${table}; ${indexes}`);
}

interface Duplicate {
  id: string;
  letter_id: string;
  role: string;
  sha256: string;
  complete: number;
  kept: string;
}

/**
 * A letter keeps one PDF and one DOCX. Before registration was one transaction (issue 10), a registration cut off
 * after its files and run again kept a second pair, and only the run that froze the Doc wrote the last pair: so of
 * each role the newest complete row is the one that matches the frozen Doc (and, for a letter never frozen, the
 * registration that completes it replaces them all anyway). The others go, their chunks with them (explicitly: with
 * foreign keys off nothing cascades), each complete one with an audit row. Incomplete rows never counted and are
 * removed at unlock anyway, so they go unaudited, as there.
 */
function removeDuplicateRenderedFiles(db: Db): void {
  const rendered = oneOf('role', L.renderedFileRoles);
  const better = `b.letter_id = f.letter_id AND b.role = f.role AND (b.complete, b.added_at, b.rowid) > (f.complete, f.added_at, f.rowid)`;
  const duplicates = db
    .prepare(
      `SELECT id, letter_id, role, sha256, complete,
         (SELECT b.id FROM letter_file b WHERE ${better} ORDER BY b.complete DESC, b.added_at DESC, b.rowid DESC LIMIT 1) AS kept
       FROM letter_file f WHERE ${rendered} AND EXISTS (SELECT 1 FROM letter_file b WHERE ${better})
       ORDER BY letter_id, role, rowid`,
    )
    .all() as Duplicate[];
  const deleteChunks = db.prepare('DELETE FROM letter_file_chunk WHERE file_id = ?');
  const deleteRow = db.prepare('DELETE FROM letter_file WHERE id = ?');
  for (const duplicate of duplicates) {
    deleteChunks.run(duplicate.id);
    deleteRow.run(duplicate.id);
    if (duplicate.complete === 1) {
      appendAudit(db, {
        actor: MIGRATION_ACTOR,
        action: 'letter-file.discard-duplicate',
        entity: 'letter-file',
        entityId: duplicate.id,
        before: { letterId: duplicate.letter_id, role: duplicate.role, sha256: duplicate.sha256 },
        after: { kept: duplicate.kept },
      });
    }
  }
  db.exec(`CREATE UNIQUE INDEX letter_file_one_rendered ON letter_file (letter_id, role) WHERE ${rendered}`);
}

/**
 * Checks on every list and required text of the registry, and one PDF and one DOCX per letter. The audit log is
 * appended with appendAudit as it is today; if the audit log's shape ever changes, this step needs a frozen copy of
 * that function (the migration tests run this step on a schema-5 store and verify the chain, so they would say so).
 */
export function up(db: Db): void {
  for (const table of rebuilds) rebuild(db, table);
  removeDuplicateRenderedFiles(db);
}

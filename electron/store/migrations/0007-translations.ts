import type { Db } from '../open.ts';

/**
 * The lists this migration checks, as they were when it shipped (copied, not imported: see 0006's frozenLists). The
 * test test/integration/migrations/enumerations.test.ts asserts they still equal the domain's lists.
 */
export const frozenLists = {
  languages: ['tg', 'ru', 'en'],
  genders: ['male', 'female'],
} as const satisfies Record<string, readonly string[]>;

const oneOf = (column: string, values: readonly string[]) => `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
/** A JSON object of translations (`{"tg": {"title": "…"}}`): the app checks its shape, the store that it is one. */
const TRANSLATIONS = `translations TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(translations) AND json_type(translations) = 'object')`;

/**
 * Records in several languages (issue 12): each record's original language and its translations, and a person's
 * gender. Columns are added (no rebuild): SQLite checks an added column's CHECK against the rows already there, and
 * the defaults are what every earlier record was — written in Russian, untranslated. A counterpart's original
 * language stays NULL: it is then its correspondence language, as it always was.
 */
export function up(db: Db): void {
  const L = frozenLists;
  db.exec(`
    ALTER TABLE place ADD COLUMN original_language TEXT NOT NULL DEFAULT 'ru' CHECK (${oneOf('original_language', L.languages)});
    ALTER TABLE place ADD COLUMN ${TRANSLATIONS};
    ALTER TABLE incident ADD COLUMN original_language TEXT NOT NULL DEFAULT 'ru' CHECK (${oneOf('original_language', L.languages)});
    ALTER TABLE incident ADD COLUMN ${TRANSLATIONS};
    ALTER TABLE incident_source ADD COLUMN ${TRANSLATIONS};
    ALTER TABLE counterpart ADD COLUMN original_language TEXT CHECK (original_language IS NULL OR ${oneOf('original_language', L.languages)});
    ALTER TABLE counterpart ADD COLUMN ${TRANSLATIONS};
    ALTER TABLE person ADD COLUMN gender TEXT CHECK (gender IS NULL OR ${oneOf('gender', L.genders)});
  `);
}

/**
 * A file as export writes it after import: format 2, with the defaults format 1 implies where the file gives no
 * original language (a Russian original, nothing translated; shared/domain/evident-language.ts aside, which these
 * fixtures' format-1 texts do not trigger). Counterparts keep no original language: theirs is their correspondence
 * language.
 */
export function asFormat2<T extends { format: string; places?: object[]; incidents?: object[] }>(file: T): T {
  const withOriginal = (record: object) => ({ ...record, originalLanguage: (record as { originalLanguage?: string }).originalLanguage ?? 'ru' });
  return { ...file, format: 'ombuds-dossier/2', places: (file.places ?? []).map(withOriginal), incidents: (file.incidents ?? []).map(withOriginal) };
}

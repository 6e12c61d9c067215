/**
 * A file of interchange format 1 as export writes it after import: format 2, with the defaults format 1 implies
 * (every place and incident a Russian original, nothing translated). Counterparts keep no original language: theirs
 * is their correspondence language.
 */
export function asFormat2<T extends { format: string; places?: object[]; incidents?: object[] }>(file: T): T {
  return {
    ...file,
    format: 'ombuds-dossier/2',
    places: (file.places ?? []).map((place) => ({ ...place, originalLanguage: 'ru' })),
    incidents: (file.incidents ?? []).map((incident) => ({ ...incident, originalLanguage: 'ru' })),
  };
}

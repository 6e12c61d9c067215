import { incidentFacts, type Incident, type Person, type Source } from '../../../shared/domain/records.ts';
import { translationTableFields, type EmptiedCell, type SheetField, type TableField, type UnappliedCell } from '../../../shared/domain/table-import.ts';
import type { Language } from '../../../shared/domain/vault.ts';

/**
 * The one group a sheet makes for an incident's people affected. A sheet manages this group only: persons recorded
 * in the form (individuals with their disclosure, or a group entered there) have other ids and are never touched.
 */
export const sheetGroupId = (incidentId: string) => `${incidentId}-victims`;

/** One valid row, as the merge sees it. */
export interface MappedRow {
  /** The row as the spreadsheet numbers it. */
  row: number;
  /** The header of the column mapped to the field, or null when the sheet does not map it. */
  column(field: SheetField): string | null;
  /** The cell as read, trimmed; '' when blank or not mapped. */
  cell(field: SheetField): string;
  /** The precision the start date's form implies: 'month' or 'year' for `2024-03` or `2024`, else 'day'. */
  impliedPrecision: Incident['datePrecision'];
}

/** What the row would be as a new incident: checked, with its group and the victim cells parsed. */
export interface FreshRow {
  incident: Incident;
  group?: Person;
  victimCount?: number;
  characteristics: string[];
}

export interface StoredIncident {
  incident: Incident;
  /** Its victims, in order (persons that no longer exist are left out). */
  victims: Person[];
}

export interface MergedRow {
  incident: Incident;
  /** The sheet's group, when it is created or changed; undefined when there is nothing to write. */
  group?: Person;
  wouldEmpty: EmptiedCell[];
  notApplied: UnappliedCell[];
}

const hasValue = (value: unknown) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * A row applied to an incident that is already stored. A sheet is a partial view (the app's own list export
 * carries a dozen columns, a clerk's register fewer), so the row changes only the fields it maps and everything
 * else stays as stored. A blank cell in a mapped column empties the stored value, and each such cell is listed so
 * that nothing is written until the user confirms. Fields that always have a value (status, confidentiality,
 * precision) keep it when their cell is blank. Sources are only added or retyped, never dropped: a sheet carries
 * one reference per row and cannot express the others' dates and reliability.
 */
export function mergeRowOntoStored(stored: StoredIncident, row: MappedRow, fresh: FreshRow): MergedRow {
  const was = stored.incident;
  const next = fresh.incident;
  const given = (field: SheetField) => row.column(field) !== null;
  const filled = (field: SheetField) => row.cell(field) !== '';
  const wouldEmpty: EmptiedCell[] = [];
  const emptying = (field: SheetField) => wouldEmpty.push({ row: row.row, column: row.column(field), field, incidentId: was.id, incidentTitle: was.title });

  const merged: Incident = {
    ...was,
    title: next.title,
    startDate: next.startDate,
    // A full date that leaves the start as it was keeps the stored precision (the list writes a month as 2024-03-01).
    datePrecision: filled('datePrecision') ? next.datePrecision : row.impliedPrecision === 'day' && next.startDate === was.startDate ? was.datePrecision : row.impliedPrecision,
    sources: mergeSources(was.sources, next.sources[0], filled('sourceType')),
  };
  const take = <K extends 'description' | 'endDate' | 'violationTypes' | 'methods' | 'perpetratorType' | 'placeId'>(field: TableField, key: K) => {
    if (!given(field)) return;
    if (!filled(field) && hasValue(was[key])) emptying(field);
    if (next[key] === undefined) delete merged[key];
    else merged[key] = next[key];
  };
  take('description', 'description');
  take('endDate', 'endDate');
  take('place', 'placeId');
  take('violationTypes', 'violationTypes');
  take('methods', 'methods');
  take('perpetratorType', 'perpetratorType');
  mergeLanguages(merged, next, given, filled, emptying);
  if (filled('status')) merged.status = next.status;
  if (filled('confidentiality')) merged.confidentiality = next.confidentiality;

  const victims = mergeVictims(stored, row, fresh, emptying);
  merged.victimIds = victims.victimIds;
  return { incident: merged, group: victims.group, wouldEmpty, notApplied: victims.notApplied };
}

/**
 * The language columns: a filled original-language cell sets it; each mapped translation column sets its text, and a
 * blank one empties a stored translation (listed, like any emptying); unmapped translations stay as stored.
 */
function mergeLanguages(merged: Incident, next: Incident, given: (field: SheetField) => boolean, filled: (field: SheetField) => boolean, emptying: (field: SheetField) => void): void {
  if (filled('originalLanguage')) merged.originalLanguage = next.originalLanguage;
  const translations = structuredClone(merged.translations ?? {});
  for (const key of translationTableFields) {
    if (!given(key)) continue;
    const [field, language] = key.split('@') as ['title' | 'description', Language];
    const text = next.translations?.[language]?.[field];
    if (text !== undefined) translations[language] = { ...translations[language], [field]: text };
    else if (translations[language]?.[field] !== undefined && language !== merged.originalLanguage) {
      emptying(key);
      delete translations[language]![field];
      if (Object.keys(translations[language]!).length === 0) delete translations[language];
    }
  }
  if (Object.keys(translations).length > 0) merged.translations = translations;
  else delete merged.translations;
}

/** The row's one source joins the stored ones; the same reference again only takes the row's type, when given. */
function mergeSources(stored: readonly Source[], fromRow: Source | undefined, typeGiven: boolean): Source[] {
  if (!fromRow) return [...stored];
  const index = stored.findIndex((source) => source.reference === fromRow.reference);
  if (index < 0) return [...stored, fromRow];
  return stored.map((source, i) => (i === index && typeGiven ? { ...source, type: fromRow.type } : source));
}

/**
 * Victims, which a sheet never replaces:
 * - no victims stored: the row's group is added, as for a new incident;
 * - the sheet's own group stored: the row updates its description, count and characteristics; blank victims and
 *   count cells remove it (an emptying, listed for confirmation); other victims beside it stay;
 * - victims recorded in the form and no sheet group: the row's victim cells are not applied (a group beside
 *   individuals would count them twice) and are listed as such; a count equal to the incident's people affected
 *   (the figure the list exports) changes nothing and is not listed.
 */
function mergeVictims(stored: StoredIncident, row: MappedRow, fresh: FreshRow, emptying: (field: TableField) => void): { victimIds: string[]; group?: Person; notApplied: UnappliedCell[] } {
  const was = stored.incident;
  const notApplied: UnappliedCell[] = [];
  const filled = (field: TableField) => row.cell(field) !== '';
  if (was.victimIds.length === 0) return { victimIds: fresh.group ? [fresh.group.id] : [], group: fresh.group, notApplied };

  const group = stored.victims.find((person) => person.id === sheetGroupId(was.id) && person.kind === 'group');
  if (!group) {
    const peopleAffected = incidentFacts(was, stored.victims).peopleAffected;
    for (const field of ['victims', 'victimCount', 'victimCharacteristics'] as const) {
      if (!filled(field) || (field === 'victimCount' && fresh.victimCount === peopleAffected)) continue;
      notApplied.push({ row: row.row, column: row.column(field), field, incidentId: was.id, incidentTitle: was.title, reason: 'recorded-victims' });
    }
    return { victimIds: [...was.victimIds], notApplied };
  }

  // "0" people affected (as the list writes for none) counts as blank here, as it does for a new incident.
  const sizeColumns = (['victims', 'victimCount'] as const).filter((field) => row.column(field) !== null);
  if (sizeColumns.length > 0 && !filled('victims') && fresh.victimCount === undefined) {
    sizeColumns.forEach(emptying);
    return { victimIds: was.victimIds.filter((id) => id !== group.id), notApplied };
  }
  const count = fresh.victimCount ?? group.count;
  // A group named by its count alone (a sheet without a victims column) follows its count.
  const name = filled('victims') ? row.cell('victims') : group.name === String(group.count) && count !== undefined ? String(count) : group.name;
  let characteristics = group.characteristics;
  if (row.column('victimCharacteristics') !== null) {
    if (!filled('victimCharacteristics') && group.characteristics.length > 0) emptying('victimCharacteristics');
    characteristics = fresh.characteristics;
  }
  const updated: Person = { ...group, name, ...(count === undefined ? {} : { count }), characteristics };
  const changed = JSON.stringify(updated) !== JSON.stringify(group);
  return { victimIds: [...was.victimIds], group: changed ? updated : undefined, notApplied };
}

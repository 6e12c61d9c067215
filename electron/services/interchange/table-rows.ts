import { evidentLanguage } from '../../../shared/domain/evident-language.ts';
import { createHash } from 'node:crypto';
import { confidentialityLevels, datePrecisions, incidentSchema, incidentStatuses, personSchema, type Incident, type Person, type Place } from '../../../shared/domain/records.ts';
import { foldForSearch } from '../../../shared/domain/search-text.ts';
import { isCountryCode } from '../../../shared/domain/countries.ts';
import { MAX_ID_LENGTH, recordIdSchema } from '../../../shared/domain/ids.ts';
import { requiredTableFields, tableFields, translationTableFields, type AnyTableField, type ColumnMapping, type EmptiedCell, type RowIssue, type SheetField, type TableField, type TranslationTableField, type UnappliedCell } from '../../../shared/domain/table-import.ts';
import { languageSchema, type Language } from '../../../shared/domain/vault.ts';
import type { Translations } from '../../../shared/domain/translations.ts';
import type { VocabularyKind } from '../../../shared/domain/vocabulary.ts';
import type { Db } from '../../store/open.ts';
import { getIncident } from '../../store/repositories/incident-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { getPlace, listPlaces } from '../../store/repositories/place-repository.ts';
import { listTerms } from '../../store/repositories/vocabulary-repository.ts';
import { unneutralizeFormula } from './csv-export.ts';
import { mergeRowOntoStored, sheetGroupId, type StoredIncident } from './incident-row-merge.ts';
import type { ParsedInterchange } from './json-import.ts';
import type { Table } from './sheets/table.ts';

/** What a spreadsheet becomes: the records of its valid rows, and every problem of the others. */
export interface TableRecords extends ParsedInterchange {
  validRows: number;
  invalidRows: number;
  issues: RowIssue[];
  /** Incident sheets: stored values the rows would empty (written only when confirmed), and cells kept unapplied. */
  wouldEmpty?: EmptiedCell[];
  notApplied?: UnappliedCell[];
}

export interface TableReadOptions {
  /** The file is a CSV, whose cells our export prefixed with an apostrophe when they looked like formulas. */
  formulaEscaped?: boolean;
}

export const fold = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();

/**
 * Header names staff are likely to use, folded, for the automatic first guess of the mapping. The user checks
 * and corrects it in the mapping step; the CLI takes it as is or from --mapping.
 */
const headerNames: Record<TableField, readonly string[]> = {
  id: ['id', 'идентификатор', 'ид', '№ дела'],
  title: ['title', 'название', 'заголовок', 'унвон', 'ном'],
  description: ['description', 'описание', 'тавсиф', 'что произошло'],
  startDate: ['startdate', 'start date', 'date', 'дата', 'дата начала', 'сана', 'санаи оғоз'],
  endDate: ['enddate', 'end date', 'дата окончания', 'санаи анҷом'],
  datePrecision: ['dateprecision', 'date precision', 'точность даты', 'дақиқии сана'],
  place: ['place', 'место', 'ҷой', 'макон'],
  country: ['country', 'страна', 'кишвар'],
  violationTypes: ['violationtypes', 'violation types', 'violations', 'нарушения', 'вид нарушения', 'виды нарушений', 'вайронкуниҳо', 'намуди вайронкунӣ'],
  methods: ['methods', 'методы', 'усулҳо'],
  perpetratorType: ['perpetratortype', 'perpetrator', 'нарушитель', 'вайронкунанда'],
  status: ['status', 'статус', 'ҳолат'],
  confidentiality: ['confidentiality', 'конфиденциальность', 'махфият'],
  victims: ['victims', 'пострадавшие', 'ҷабрдидагон'],
  // Not "peopleAffected": the exported list computes it from the victims (individuals and groups), so reading it
  // back as a group's count would be reading a fact as data. A user may still map such a column by hand.
  victimCount: ['victimcount', 'число пострадавших', 'количество', 'шумораи ҷабрдидагон'],
  victimCharacteristics: ['victimcharacteristics', 'characteristics', 'характеристики', 'категории', 'хусусиятҳо'],
  sourceType: ['sourcetype', 'source type', 'тип источника', 'намуди манбаъ'],
  sourceReference: ['source', 'sourcereference', 'источник', 'манбаъ'],
};

/** The original language's column: its names, and the language as a code or a name in any of the three. */
const originalLanguageNames = ['originallanguage', 'original language', 'язык оригинала', 'язык', 'забони аслӣ', 'забон'];
const languageNames: Record<Language, readonly string[]> = {
  tg: ['tg', 'тоҷикӣ', 'таджикский', 'tajik'],
  ru: ['ru', 'русский', 'русӣ', 'russian'],
  en: ['en', 'английский', 'англисӣ', 'english'],
};

/**
 * The mapping a sheet of incidents gets first: each field by its header names, then the language columns — the
 * original language, and a title or description in one language as `title (tg)`, `описание (en)` or `title@tg`.
 */
export function suggestIncidentMapping(headers: readonly string[]): ColumnMapping {
  const mapping = suggestMapping(headers);
  const taken = new Set(Object.values(mapping));
  headers.forEach((header, index) => {
    if (taken.has(index)) return;
    const folded = fold(header);
    if (originalLanguageNames.includes(folded) && mapping.originalLanguage === undefined) {
      mapping.originalLanguage = index;
      return;
    }
    const match = /^(.+?)\s*(?:\((tg|ru|en)\)|@(tg|ru|en))$/.exec(folded);
    if (!match) return;
    const field = (['title', 'description'] as const).find((f) => headerNames[f].some((name) => fold(name) === match[1]!.trim()));
    const key = field && (`${field}@${match[2] ?? match[3]}` as TranslationTableField);
    if (key && mapping[key] === undefined) mapping[key] = index;
  });
  return mapping;
}

/** A language cell: its code (tg, ru, en) or its name in any of the three languages. */
function languageOf(text: string): Language | undefined {
  const code = languageSchema.safeParse(text.trim().toLowerCase());
  if (code.success) return code.data;
  return (Object.keys(languageNames) as Language[]).find((language) => languageNames[language].some((name) => fold(name) === fold(text)));
}

/** The first guess: each field takes the first column whose folded header is one of its names. */
export function suggestMapping<F extends AnyTableField>(headers: readonly string[], names: Record<F, readonly string[]> = headerNames as Record<F, readonly string[]>): ColumnMapping {
  const folded = headers.map(fold);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of Object.keys(names) as F[]) {
    const index = folded.findIndex((header, i) => !taken.has(i) && names[field].some((name) => fold(name) === header));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** A date as staff write it: 2024-03-15, 15.03.2024, 2024-03 (month) or 2024 (year). */
export function parseTableDate(raw: string): { date: string; precision: Incident['datePrecision'] } | null {
  const text = raw.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text) ?? /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (match) {
    const [year, month, day] = match[1]!.length === 4 ? [match[1]!, match[2]!, match[3]!] : [match[3]!, match[2]!, match[1]!];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return incidentSchema.shape.startDate.safeParse(iso).success ? { date: iso, precision: 'day' } : null;
  }
  match = /^(\d{4})-(\d{2})$/.exec(text) ?? /^(\d{1,2})\.(\d{4})$/.exec(text);
  if (match) {
    const [year, month] = match[1]!.length === 4 ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
    const m = Number(month);
    return m >= 1 && m <= 12 ? { date: `${year}-${month.padStart(2, '0')}-01`, precision: 'month' } : null;
  }
  if (/^\d{4}$/.test(text)) return { date: `${text}-01-01`, precision: 'year' };
  return null;
}

/**
 * Looks up a term by its code or by its label in any language, so a sheet may say "Пытки" or "torture". Codes
 * come first: a staff label that happens to fold to another term's code cannot redirect the code the export wrote.
 */
function termIndex(db: Db, kind: VocabularyKind): Map<string, string> {
  const terms = listTerms(db, kind);
  const index = new Map<string, string>(terms.map((term) => [fold(term.code), term.code]));
  for (const term of terms) for (const label of Object.values(term.labels)) if (!index.has(fold(label))) index.set(fold(label), term.code);
  return index;
}

/** The stored incident a row names, with its victims, or undefined for a new one. */
function storedIncident(db: Db, id: string): StoredIncident | undefined {
  const incident = getIncident(db, id);
  if (!incident) return undefined;
  return { incident, victims: incident.victimIds.map((personId) => getPerson(db, personId)).filter((person) => person !== undefined) };
}

/** Stable ids for rows without an id column, so importing the same sheet again updates instead of duplicating. */
export const derivedId = (prefix: string, ...parts: string[]) => `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;

export const splitList = (cell: string) => cell.split(/[;,\n]/).map((part) => part.trim()).filter(Boolean);

/**
 * Turns mapped rows into places, group persons and incidents, checking each cell. Codes may be given as codes or
 * labels; a place is found by name and country or created; the people affected become one group per incident.
 * A row whose incident is stored changes only the fields it maps (see mergeRowOntoStored).
 */
export function tableToRecords(db: Db, table: Table, mapping: ColumnMapping, options: TableReadOptions = {}): TableRecords {
  const terms = new Map<VocabularyKind, Map<string, string>>();
  const lookup = (kind: VocabularyKind, text: string) => (terms.get(kind) ?? terms.set(kind, termIndex(db, kind)).get(kind)!).get(fold(text));
  const places = new Map<string, Place>(listPlaces(db).map((place) => [`${fold(place.name)}|${place.country}`, place]));
  const newPlaces = new Map<string, Place>();
  const persons: Person[] = [];
  const incidents: Incident[] = [];
  const issues: RowIssue[] = [];
  const wouldEmpty: EmptiedCell[] = [];
  const notApplied: UnappliedCell[] = [];
  const seenIds = new Map<string, number>();
  let invalidRows = 0;

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? index + 2; // as the spreadsheet numbers it
    const rowIssues: RowIssue[] = [];
    const cell = (field: SheetField) => {
      const column = mapping[field];
      const raw = column === undefined ? '' : (cells[column] ?? '');
      return (options.formulaEscaped ? unneutralizeFormula(raw) : raw).trim();
    };
    const problem = (field: SheetField, kind: RowIssue['problem']) => {
      const column = mapping[field];
      rowIssues.push({ row, column: column === undefined ? null : (table.headers[column] ?? null), field, problem: kind, value: cell(field).slice(0, 120) });
    };
    if (cells.every((value) => value.trim() === '')) return;
    for (const field of requiredTableFields) if (!cell(field)) problem(field, 'required');

    const start = cell('startDate') ? parseTableDate(cell('startDate')) : null;
    if (cell('startDate') && !start) problem('startDate', 'invalid-date');
    const end = cell('endDate') ? parseTableDate(cell('endDate')) : null;
    if (cell('endDate') && !end) problem('endDate', 'invalid-date');
    if (start && end && end.date < start.date) problem('endDate', 'end-before-start');

    const choice = <T extends string>(field: TableField, allowed: readonly T[]): T | undefined => {
      const value = cell(field);
      if (!value) return undefined;
      const found = allowed.find((option) => fold(option) === fold(value));
      if (!found) problem(field, 'invalid-value');
      return found;
    };
    const datePrecision = choice('datePrecision', datePrecisions) ?? start?.precision ?? 'day';
    const status = choice('status', incidentStatuses);
    const confidentiality = choice('confidentiality', confidentialityLevels);
    const codes = (field: TableField, kind: VocabularyKind) =>
      splitList(cell(field)).flatMap((text) => {
        const code = lookup(kind, text);
        if (!code) problem(field, 'unknown-code');
        return code ? [code] : [];
      });
    const violationTypes = codes('violationTypes', 'violation-type');
    const methods = codes('methods', 'method');
    const characteristics = codes('victimCharacteristics', 'characteristic');
    const perpetratorType = cell('perpetratorType') ? codes('perpetratorType', 'perpetrator-type')[0] : undefined;
    const sourceTypeText = cell('sourceType');
    const sourceType = sourceTypeText ? codes('sourceType', 'source-type')[0] : 'other';

    const id = cell('id') || derivedId('row', cell('title'), start?.date ?? '', cell('place'));
    // Ids are printable (shared/domain/ids.ts): no NUL, ESC or bidi controls from a sheet either.
    if (cell('id') && !recordIdSchema.safeParse(cell('id')).success) problem('id', cell('id').length > MAX_ID_LENGTH ? 'too-long' : 'invalid-value');
    const firstRow = seenIds.get(id);
    if (firstRow !== undefined) problem('id', 'duplicate-id');
    const stored = storedIncident(db, id);

    let placeId: string | undefined;
    // The stored incident's own place, when the row names it: two places may share a name in one country.
    const storedPlace = stored?.incident.placeId ? getPlace(db, stored.incident.placeId) : undefined;
    if (cell('place') && storedPlace && fold(storedPlace.name) === fold(cell('place')) && (!cell('country') || cell('country').toUpperCase() === storedPlace.country)) {
      placeId = storedPlace.id;
    } else if (cell('place')) {
      const country = cell('country').toUpperCase();
      if (!isCountryCode(country)) problem('country', cell('country') ? 'invalid-value' : 'place-needs-country');
      else {
        const key = `${fold(cell('place'))}|${country}`;
        let place = places.get(key) ?? newPlaces.get(key);
        if (!place && cell('place').length > 300) problem('place', 'too-long');
        else if (!place) newPlaces.set(key, (place = { id: derivedId('place', key), originalLanguage: 'ru', name: cell('place'), kind: 'other', country }));
        placeId = place?.id;
      }
    }

    let victimCount: number | undefined;
    // 0 people affected (as an exported list says for an incident without victims) means no group.
    if (cell('victimCount') && cell('victimCount') !== '0') {
      victimCount = Number(cell('victimCount'));
      if (!Number.isInteger(victimCount) || victimCount < 1 || victimCount > 1_000_000) problem('victimCount', 'invalid-value');
    }

    const victimIds: string[] = [];
    const group: Person | undefined =
      cell('victims') || victimCount !== undefined
        ? { id: sheetGroupId(id), kind: 'group', name: cell('victims') || String(victimCount), count: victimCount ?? 1, characteristics, disclosure: 'withheld' }
        : undefined;
    if (group) {
      victimIds.push(group.id);
      if (!personSchema.safeParse(group).success) problem('victims', group.name.length > 300 ? 'too-long' : 'invalid-value');
    }

    // The row's language: the original's column, else the stored incident's, else what its letters show, else
    // Russian (as format 1 files are).
    const originalLanguage = cell('originalLanguage') ? languageOf(cell('originalLanguage')) : (stored?.incident.originalLanguage ?? evidentLanguage(cell('title'), cell('description')) ?? 'ru');
    if (!originalLanguage) problem('originalLanguage', 'invalid-value');
    const translations: Translations<'title' | 'description'> = {};
    for (const key of translationTableFields) {
      const text = cell(key);
      const [field, language] = key.split('@') as ['title' | 'description', Language];
      if (!text) continue;
      // A column in the original language repeats the original (as a list exported in that language may): not a translation.
      if (language === originalLanguage) {
        if (text !== cell(field)) problem(key, 'invalid-value');
        continue;
      }
      translations[language] = { ...translations[language], [field]: text };
    }

    const candidate = {
      id,
      originalLanguage: originalLanguage ?? 'ru',
      ...(Object.keys(translations).length > 0 ? { translations } : {}),
      title: cell('title'),
      description: cell('description'),
      startDate: start?.date ?? '',
      ...(end ? { endDate: end.date } : {}),
      datePrecision,
      ...(placeId ? { placeId } : {}),
      violationTypes,
      methods,
      ...(perpetratorType ? { perpetratorType } : {}),
      victimIds,
      sources: cell('sourceReference') && sourceType ? [{ type: sourceType, reference: cell('sourceReference') }] : [],
      ...(confidentiality ? { confidentiality } : {}),
      ...(status ? { status } : {}),
    };
    // The shared schema has the last word (lengths, control characters): the same rules as the form and JSON.
    const check = (incident: unknown) => {
      const parsed = incidentSchema.safeParse(incident);
      for (const issue of parsed.error?.issues ?? []) {
        const field: SheetField =
          issue.path[0] === 'translations' ? (`${String(issue.path[2])}@${String(issue.path[1])}` as TranslationTableField) : (tableFields.find((f) => f === issue.path[0]) ?? (issue.path[0] === 'sources' ? 'sourceReference' : issue.path[0] === 'placeId' ? 'place' : 'title'));
        problem(field, issue.code === 'too_big' ? 'too-long' : issue.path[0] === 'endDate' && issue.code === 'custom' ? 'end-before-start' : 'invalid-value');
      }
      return parsed.data;
    };
    const fresh = rowIssues.length === 0 ? check(candidate) : undefined;
    if (fresh && !stored) {
      incidents.push(fresh);
      if (group) persons.push(group);
      seenIds.set(id, row);
    } else if (fresh && stored) {
      const view = { row, column: (field: SheetField) => (mapping[field] === undefined ? null : (table.headers[mapping[field]] ?? null)), cell, impliedPrecision: start?.precision ?? 'day' };
      const merged = mergeRowOntoStored(stored, view, { incident: fresh, group, victimCount, characteristics });
      // A stored end date may now fall before a new start: checked again on the merged record.
      const checked = check(merged.incident);
      if (checked) {
        incidents.push(checked);
        if (merged.group) persons.push(merged.group);
        wouldEmpty.push(...merged.wouldEmpty);
        notApplied.push(...merged.notApplied);
        seenIds.set(id, row);
      }
    }
    if (rowIssues.length) {
      invalidRows += 1;
      issues.push(...rowIssues);
    }
  });
  const usedPlaces = new Set(incidents.map((incident) => incident.placeId));
  return {
    places: [...newPlaces.values()].filter((place) => usedPlaces.has(place.id)),
    persons,
    incidents,
    validRows: incidents.length,
    invalidRows,
    issues,
    wouldEmpty,
    notApplied,
  };
}

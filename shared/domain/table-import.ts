import { z } from 'zod';

/** Incident fields a spreadsheet column can be mapped to. One row is one incident. */
export const tableFields = [
  'id',
  'title',
  'description',
  'startDate',
  'endDate',
  'datePrecision',
  'place',
  'country',
  'violationTypes',
  'methods',
  'perpetratorType',
  'status',
  'confidentiality',
  'victims',
  'victimCount',
  'victimCharacteristics',
  'sourceType',
  'sourceReference',
] as const;
export type TableField = (typeof tableFields)[number];

/**
 * Columns of an incident sheet that carry languages (issue 12): the incident's original language, and a title or
 * description in one language — `title@tg` in a mapping, matched from headers like `title (tg)` or `описание (en)`.
 * Kept apart from `tableFields`, the fields every sheet is mapped to one by one.
 */
export const translatedTableFields = ['title', 'description'] as const;
const sheetLanguages = ['tg', 'ru', 'en'] as const;
export type TranslationTableField = `${(typeof translatedTableFields)[number]}@${(typeof sheetLanguages)[number]}`;
export const translationTableFields = translatedTableFields.flatMap((field) => sheetLanguages.map((language) => `${field}@${language}` as TranslationTableField));
export const languageTableFields = ['originalLanguage', ...translationTableFields] as const;
export type LanguageTableField = 'originalLanguage' | TranslationTableField;
/** Any column of an incident sheet. */
export type SheetField = TableField | LanguageTableField;

/** Without these a row cannot become an incident. */
export const requiredTableFields: readonly TableField[] = ['title', 'startDate'];

/** What a spreadsheet holds: incidents (one per row) or an existing register of letters (one letter per row). */
export const tableKinds = ['incidents', 'letters'] as const;
export type TableKind = (typeof tableKinds)[number];

/** Register fields a column can be mapped to. The counterpart is named by its id or its institution. */
export const letterTableFields = ['id', 'direction', 'number', 'date', 'counterpart', 'subject', 'inReplyTo', 'response', 'deliveryChannel', 'incidentIds'] as const;
export type LetterTableField = (typeof letterTableFields)[number];
export const requiredLetterTableFields: readonly LetterTableField[] = ['direction', 'number', 'date', 'counterpart', 'subject'];

/** Any mappable field, of either kind. */
export type AnyTableField = TableField | LanguageTableField | LetterTableField;
const anyTableField = z.enum([...new Set<AnyTableField>([...tableFields, ...languageTableFields, ...letterTableFields])] as [AnyTableField, ...AnyTableField[]]);

export const fieldsOfKind = (kind: TableKind): readonly AnyTableField[] => (kind === 'letters' ? letterTableFields : tableFields);
export const requiredFieldsOfKind = (kind: TableKind): readonly AnyTableField[] => (kind === 'letters' ? requiredLetterTableFields : requiredTableFields);

export const textEncodings = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r'] as const;
export type TextEncodingChoice = (typeof textEncodings)[number];

/** Field → zero-based column index, or absent when the file has no such column. */
export const columnMappingSchema = z.partialRecord(anyTableField, z.number().int().min(0).max(199));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importModes = ['check', 'all-or-nothing', 'valid-rows-only'] as const;
export type ImportMode = (typeof importModes)[number];

export const rowProblems = [
  'required',
  'invalid-date',
  'unknown-code',
  'invalid-value',
  'too-long',
  'end-before-start',
  'duplicate-id',
  'place-needs-country',
  // registers
  'not-found',
  'duplicate-number',
  'reply-before-letter',
  'other-counterpart',
  'reply-cycle',
] as const;

/** One problem in a spreadsheet, named by its row as the spreadsheet numbers it (header = 1) and its column. */
export const rowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: anyTableField,
  problem: z.enum(rowProblems),
  /** The cell as found, shortened; shown as text. */
  value: z.string().max(120),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

/** One problem in an interchange (JSON) file, named by its JSON path. */
export const pathIssueSchema = z.object({ path: z.string(), problem: z.string(), message: z.string() });

/**
 * A mapped cell that is blank where the stored incident has a value: writing the row would erase that value, so
 * the import writes nothing until the user confirms (the window's checkbox, the CLI's --allow-empty).
 */
export const emptiedCellSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: anyTableField,
  incidentId: z.string(),
  /** The stored title, so the window can say which incident; never printed by the CLI. */
  incidentTitle: z.string(),
});
export type EmptiedCell = z.infer<typeof emptiedCellSchema>;

/** Why a cell was left unapplied: the incident's victims were recorded in the form (people one by one), which a sheet never replaces. */
export const unappliedReasons = ['recorded-victims'] as const;

/** A cell the import read but did not apply, to keep what was recorded in the form. Nothing waits on it. */
export const unappliedCellSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: anyTableField,
  incidentId: z.string(),
  incidentTitle: z.string(),
  reason: z.enum(unappliedReasons),
});
export type UnappliedCell = z.infer<typeof unappliedCellSchema>;

const sectionCounts = z.object({ places: z.number().int(), persons: z.number().int(), incidents: z.number().int(), counterparts: z.number().int(), letters: z.number().int() });
export const importCountsSchema = z.object({ created: sectionCounts, updated: sectionCounts });

export const importReportSchema = z.object({
  headers: z.array(z.string()),
  /** The first rows, for the mapping step. */
  sample: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  suggestedMapping: columnMappingSchema,
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  issueCount: z.number().int(),
  /** The first problems (the count says how many there are in all). */
  rowIssues: z.array(rowIssueSchema),
  pathIssues: z.array(pathIssueSchema),
  /** Stored values the rows would empty (the first ones; the count says how many in all). */
  wouldEmpty: z.array(emptiedCellSchema),
  wouldEmptyCount: z.number().int(),
  /** Cells left unapplied so that victims recorded in the form are kept (the first ones). */
  notApplied: z.array(unappliedCellSchema),
  /** Present when something was written. */
  counts: importCountsSchema.nullable(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importJobSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum(['reading', 'checking', 'writing']),
  done: z.number().int(),
  total: z.number().int(),
  report: importReportSchema.nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

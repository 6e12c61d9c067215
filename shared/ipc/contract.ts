import { z } from 'zod';
import {
  languageSchema,
  passphraseBytesSchema,
  recoveryKeyInputSchema,
  settingsSchema,
  verifyReportSchema,
  vaultStatusSchema,
} from '../domain/vault.ts';
import { incidentSchema, isoDateSchema, personSchema, placeSchema, recordIdSchema } from '../domain/records.ts';
import { savedSearchSchema } from '../domain/saved-search.ts';
import { counterpartSchema, letterFileSchema, letterSchema, responseCodes, deliveryChannels } from '../domain/correspondence.ts';
import { holidayCalendarSchema } from '../domain/calendar.ts';
import { numberingSchemeSchema } from '../domain/numbering.ts';
import { docSchema } from '../document/model.ts';
import { draftRequestSchema, letterDraftSchema } from '../domain/letter-draft.ts';
import { emblemSchema, officeSchema } from '../domain/office.ts';
import { ratificationOverrideSchema, ratificationRowSchema } from '../domain/ratification.ts';
import { countryCodeSchema } from '../domain/countries.ts';
import { columnMappingSchema, importJobSchema, importModes, tableKinds, textEncodings } from '../domain/table-import.ts';
import { DROP_CHUNK_BYTES } from '../domain/evidence-drop.ts';
import { appErrorSchema } from './result.ts';
import { incidentHitSchema, incidentQuerySchema } from '../domain/search.ts';
import { newTermSchema, termSchema, vocabularyKinds } from '../domain/vocabulary.ts';
import { missingTextSchema, translationInputSchema } from '../domain/translations.ts';
import { dossierBuildStates, dossierCompositionSchema, dossierEditionSchema, dossierSummarySchema, dossierWarningSchema } from '../domain/dossier.ts';

const empty = z.object({}).strict();
const byId = z.object({ id: recordIdSchema }).strict();
const saved = z.object({ id: recordIdSchema, created: z.boolean() });
const savedFile = z.object({ saved: z.boolean(), fileName: z.string().nullable() });
const withCount = { incidentCount: z.number().int() };
/** A PDF handed to the window to print (a `blob:` in memory there, never a file). */
const pdfBytes = z.object({ bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'PDF bytes') });

/** A dossier built from the records as they are now: its Doc, the texts missing in its language, what it skipped. */
const dossierBuild = z.object({ doc: docSchema, missing: z.array(missingTextSchema), warnings: z.array(dossierWarningSchema) });
const dossierBuildJob = z.object({ state: z.enum(dossierBuildStates), done: z.number().int(), total: z.number().int(), result: dossierBuild.nullable(), error: appErrorSchema.nullable() });
const dossierEditionRef = { dossierId: recordIdSchema, edition: z.number().int().min(1) };

export const evidenceRecordSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type EvidenceRecordValue = z.infer<typeof evidenceRecordSchema>;

/**
 * The one IPC contract: every channel the renderer may call, with its input and output schema.
 * Main parses every input against it (the renderer is untrusted); the preload builds `window.ombuds`
 * from its keys; the router's handler table is a mapped type over it, so a missing handler does not compile.
 */
export const contract = {
  'vault:status': { input: empty, output: vaultStatusSchema },
  /** First run: creates the vault; returns the recovery key, the only time it is ever shown. */
  'vault:create': {
    input: z.object({ passphrase: passphraseBytesSchema }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  /** Writes the printable recovery sheet (PDF) for the pending recovery key to a path chosen in a save dialog. */
  'vault:saveRecoverySheet': {
    input: z.object({ language: languageSchema }).strict(),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** The user confirms the recovery key is saved; main forgets it. */
  'vault:confirmRecoverySaved': { input: empty, output: empty },
  'vault:unlock': { input: z.object({ passphrase: passphraseBytesSchema }).strict(), output: empty },
  'vault:lock': { input: empty, output: empty },
  'vault:changePassphrase': {
    input: z.object({ current: passphraseBytesSchema, next: passphraseBytesSchema }).strict(),
    output: empty,
  },
  /** Sets a new passphrase with the recovery key and unlocks. */
  'vault:recover': {
    input: z.object({ recoveryKey: recoveryKeyInputSchema, newPassphrase: passphraseBytesSchema }).strict(),
    output: empty,
  },
  /** Backs the unlocked store up to a file chosen in a save dialog. */
  'vault:backup': { input: empty, output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }) },
  /**
   * Restores a backup chosen in an open dialog, into an empty data folder or over the current store (kept aside
   * until the restored one is verified). The passphrase is the one that was valid when the backup was made.
   */
  'vault:restore': {
    input: z.object({ passphrase: passphraseBytesSchema }).strict(),
    output: z.object({ restored: z.boolean() }),
  },
  'vault:verify': { input: empty, output: verifyReportSchema },
  'settings:get': { input: empty, output: settingsSchema },
  'settings:update': { input: settingsSchema.partial().strict(), output: settingsSchema },
  /** User activity in the window; restarts the idle auto-lock timer. */
  'session:activity': { input: empty, output: empty },
  'vocabulary:list': { input: z.object({ kind: z.enum(vocabularyKinds) }).strict(), output: z.array(termSchema) },
  /** Staff add a term while editing a record. */
  'vocabulary:add': { input: newTermSchema, output: termSchema },
  'incidents:search': { input: incidentQuerySchema, output: z.array(incidentHitSchema) },
  'incidents:count': { input: incidentQuerySchema, output: z.object({ total: z.number().int() }) },
  'incidents:get': {
    input: z.object({ id: recordIdSchema }).strict(),
    output: z.object({ incident: incidentSchema, facts: z.object({ durationDays: z.number().int().nullable(), peopleAffected: z.number().int() }) }),
  },
  'incidents:save': { input: incidentSchema, output: z.object({ id: recordIdSchema, created: z.boolean() }) },
  /** Persons who may be the one being entered (same name in any script, same birth date). */
  'persons:suggestDuplicates': {
    input: z.object({ id: recordIdSchema.optional(), name: z.string().min(1).max(300), nameLatin: z.string().max(300).optional(), birthDate: isoDateSchema.optional() }).strict(),
    output: z.array(z.object({ personId: z.string(), name: z.string(), reasons: z.array(z.enum(['same-name', 'same-birth-date'])) })),
  },
  'persons:list': {
    input: z.object({ text: z.string().max(300).default(''), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(z.object({ person: personSchema, ...withCount })),
  },
  'persons:get': { input: byId, output: personSchema },
  'persons:save': { input: personSchema, output: saved },
  /** Merges a duplicate into the person kept, keeping every incident link. */
  'persons:merge': { input: z.object({ keepId: recordIdSchema, duplicateId: recordIdSchema }).strict(), output: personSchema },
  'places:list': { input: empty, output: z.array(z.object({ place: placeSchema, ...withCount })) },
  'places:save': { input: placeSchema, output: saved },
  /**
   * A text in one language saved back to its record (a translation, a person's Latin name, the office's value in that
   * language), audited; what a draft lists as missing is typed here.
   */
  'records:saveTranslation': { input: translationInputSchema, output: empty },
  'searches:list': { input: empty, output: z.array(savedSearchSchema) },
  'searches:save': { input: savedSearchSchema, output: z.array(savedSearchSchema) },
  'searches:delete': { input: byId, output: z.array(savedSearchSchema) },
  'evidence:list': { input: z.object({ incidentId: recordIdSchema }).strict(), output: z.array(evidenceRecordSchema) },
  /** Opens a file picker (several files) and takes the chosen files into the store. */
  'evidence:add': { input: z.object({ incidentId: recordIdSchema }).strict(), output: z.array(evidenceRecordSchema) },
  /**
   * A file dropped onto the window, sent as its bytes (main never reads a path the window names): start with its
   * name and size (checked against the evidence limit), send every chunk in order (`chunkBytes` each, the last one
   * the rest), then finish (main computes the SHA-256) or cancel. Anything refused ends the drop and keeps nothing.
   */
  'evidence:dropStart': {
    input: z.object({ incidentId: recordIdSchema, fileName: z.string().min(1).max(1024), size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: z.object({ dropId: z.string(), chunkBytes: z.number().int() }),
  },
  'evidence:dropChunk': {
    input: z
      .object({
        dropId: z.string().uuid(),
        index: z.number().int().min(0),
        bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength >= 1 && bytes.byteLength <= DROP_CHUNK_BYTES, { message: 'chunk size' }),
      })
      .strict(),
    output: z.object({ received: z.number().int() }),
  },
  'evidence:dropFinish': { input: z.object({ dropId: z.string().uuid() }).strict(), output: evidenceRecordSchema },
  'evidence:dropCancel': { input: z.object({ dropId: z.string().uuid() }).strict(), output: empty },
  /** An image as a data: URL for the thumbnail and viewer; null for other files and very large images. */
  'evidence:preview': { input: byId, output: z.object({ record: evidenceRecordSchema, dataUrl: z.string().nullable() }) },
  /** Saves a copy where the user chooses; the copy is re-hashed and must match the SHA-256 taken at intake. */
  'evidence:export': { input: byId, output: savedFile },
  /** The whole store as interchange JSON, or the incident list (given ids, or all) as CSV or XLSX. */
  'transfer:export': {
    input: z.object({ format: z.enum(['json', 'csv', 'xlsx']), ids: z.array(recordIdSchema).max(100_000).optional() }).strict(),
    output: savedFile,
  },
  /** Opens a file picker for an import; the chosen file is then known by its token. */
  'import:choose': { input: empty, output: z.object({ token: z.string(), fileName: z.string(), format: z.enum(['json', 'csv', 'xlsx']) }).nullable() },
  /** Reads (no mapping), checks (mode check) or imports a chosen file as a job; poll `import:status`. `allowEmpty`: the user confirmed the stored values the check listed as emptied. */
  'import:start': {
    input: z.object({ token: z.string().uuid(), encoding: z.enum(textEncodings).default('auto'), mapping: columnMappingSchema.nullable().default(null), kind: z.enum(tableKinds).default('incidents'), mode: z.enum(importModes), allowEmpty: z.boolean().default(false) }).strict(),
    output: z.object({ jobId: z.string() }),
  },
  'import:status': { input: z.object({ jobId: z.string().uuid() }).strict(), output: importJobSchema.extend({ error: appErrorSchema.nullable() }) },
  'import:cancel': { input: z.object({ jobId: z.string().uuid() }).strict(), output: importJobSchema.extend({ error: appErrorSchema.nullable() }) },
  'counterparts:list': { input: empty, output: z.array(counterpartSchema) },
  'counterparts:save': { input: counterpartSchema, output: counterpartSchema },
  /** The register, oldest first, each letter with its state on `asOf` (answered, overdue, waiting…). */
  'letters:list': {
    input: z.object({ counterpartId: recordIdSchema.optional(), asOf: isoDateSchema }).strict(),
    output: z.array(z.object({ letter: letterSchema, state: z.enum(['answered', 'overdue', 'waiting', 'annulled', 'received']), daysWaiting: z.number().int().nullable(), replies: z.array(z.string()) })),
  },
  /** Registers an outgoing letter under the next number of its year; the deadline follows the counterpart's term. */
  'letters:registerOutgoing': {
    input: z
      .object({
        id: recordIdSchema,
        date: isoDateSchema,
        counterpartId: recordIdSchema,
        subject: z.string().trim().min(1).max(1000),
        incidentIds: z.array(recordIdSchema).max(1000).default([]),
        inReplyTo: recordIdSchema.optional(),
        deliveryChannel: z.enum(deliveryChannels).optional(),
      })
      .strict(),
    output: letterSchema,
  },
  'letters:registerIncoming': {
    input: z
      .object({
        id: recordIdSchema,
        number: z.string().trim().min(1).max(100),
        date: isoDateSchema,
        counterpartId: recordIdSchema,
        subject: z.string().trim().min(1).max(1000),
        incidentIds: z.array(recordIdSchema).max(1000).default([]),
        inReplyTo: recordIdSchema.optional(),
        response: z.enum(responseCodes).optional(),
      })
      .strict(),
    output: letterSchema,
  },
  'letters:annul': { input: z.object({ id: recordIdSchema, reason: z.string().trim().min(1).max(1000), date: isoDateSchema }).strict(), output: letterSchema },
  /** The files kept with a letter (its scan; the DOCX and PDF of a letter drafted here). */
  'letters:files': { input: z.object({ letterId: recordIdSchema }).strict(), output: z.array(letterFileSchema) },
  /** Opens a file picker and keeps the chosen scan with the letter, encrypted like evidence; null when cancelled. */
  'letters:attachScan': { input: z.object({ letterId: recordIdSchema }).strict(), output: letterFileSchema.nullable() },
  /** Saves a copy of a letter's file where the user chooses, re-hashed against its SHA-256; `open` then opens it. */
  'letters:exportFile': { input: z.object({ id: recordIdSchema, open: z.boolean().default(false) }).strict(), output: savedFile },
  'ledger:get': {
    input: z.object({ counterpartId: recordIdSchema, asOf: isoDateSchema, from: isoDateSchema.optional(), to: isoDateSchema.optional() }).strict(),
    output: z.object({
      sent: z.number().int(),
      answered: z.number().int(),
      unanswered: z.number().int(),
      overdue: z.number().int(),
      oldestUnanswered: z.object({ number: z.string(), date: z.string(), daysWaiting: z.number().int() }).nullable(),
      medianDaysToReply: z.number().nullable(),
      timeline: z.array(z.object({ month: z.string(), sent: z.number().int(), answered: z.number().int() })),
    }),
  },
  /** The office's letterhead, signatories and executor. */
  'office:get': { input: empty, output: officeSchema },
  'office:save': { input: officeSchema, output: officeSchema },
  /** Opens a picker for the emblem image; main reads and checks it (PNG or JPEG, ≤ 512 KiB). Null when cancelled. */
  'office:chooseEmblem': { input: empty, output: emblemSchema.nullable() },
  /** A new draft from the templates (not saved anywhere until registered). */
  'letters:draft': { input: draftRequestSchema, output: letterDraftSchema },
  /** Registers a (possibly edited) draft: the next number, the Doc frozen, its PDF and DOCX kept with the letter. */
  'letters:registerDraft': {
    input: letterDraftSchema,
    output: z.object({ letter: letterSchema, fingerprint: z.string(), created: z.boolean(), files: z.array(letterFileSchema) }),
  },
  /** The frozen Doc of a letter drafted here, with its fingerprint (for the preview of a registered letter). */
  'letters:document': { input: z.object({ letterId: recordIdSchema }).strict(), output: z.object({ doc: docSchema, sha256: z.string() }) },
  /** Print: the PDF the writer makes for the draft as the window holds it (annex sheets counted as registration counts them), in memory only. */
  'letters:draftPdf': { input: letterDraftSchema, output: pdfBytes },
  /** Print: the PDF of a registered letter exactly as kept at registration (SHA-256 checked), in memory only. */
  'letters:registeredPdf': { input: z.object({ letterId: recordIdSchema }).strict(), output: pdfBytes },
  'registry:numbering': { input: empty, output: numberingSchemeSchema },
  'registry:setNumbering': { input: numberingSchemeSchema, output: numberingSchemeSchema },
  'registry:calendar': { input: empty, output: holidayCalendarSchema },
  'registry:saveCalendar': { input: holidayCalendarSchema, output: holidayCalendarSchema },
  /** The treaty ratification table letters consult: shipped entries and the office's audited overrides. */
  'settings:ratifications': { input: empty, output: z.array(ratificationRowSchema) },
  'settings:saveRatification': { input: ratificationOverrideSchema, output: z.array(ratificationRowSchema) },
  /** Puts a state back to the shipped entry. */
  'settings:resetRatification': { input: z.object({ country: countryCodeSchema }).strict(), output: z.array(ratificationRowSchema) },
  /** Meeting dossiers (issue 13): saved compositions, newest first, with their editions' count. */
  'dossiers:list': { input: empty, output: z.array(dossierSummarySchema) },
  'dossiers:get': { input: byId, output: dossierCompositionSchema },
  /** Saves a composition (new or changed), audited. */
  'dossiers:save': { input: dossierCompositionSchema, output: saved },
  /** A copy under a new id for the next meeting (editions are not copied), audited. */
  'dossiers:duplicate': { input: byId, output: dossierCompositionSchema },
  /** Deletes a composition that has no editions (`dossier-has-editions` otherwise), audited. */
  'dossiers:delete': { input: byId, output: empty },
  /** Builds the saved dossier from the records now, in one call (no progress). */
  'dossiers:build': { input: byId, output: dossierBuild },
  /** Builds as a job the window polls (`done`/`total` in incidents) and may cancel: nothing is written either way. */
  'dossiers:buildStart': { input: byId, output: z.object({ jobId: z.string() }) },
  'dossiers:buildStatus': { input: z.object({ jobId: z.string().uuid() }).strict(), output: dossierBuildJob },
  'dossiers:buildCancel': { input: z.object({ jobId: z.string().uuid() }).strict(), output: dossierBuildJob },
  /** Builds and freezes the next edition: the Doc with its SHA-256, its PDF and DOCX kept encrypted, audited. */
  'dossiers:issue': { input: byId, output: dossierEditionSchema },
  'dossiers:editions': { input: byId, output: z.array(dossierEditionSchema) },
  /** Saves an edition's PDF or DOCX where the user chooses, re-hashed against its SHA-256. */
  'dossiers:exportFile': { input: z.object({ ...dossierEditionRef, format: z.enum(['pdf', 'docx']) }).strict(), output: savedFile },
  /** Print: the PDF of an edition as kept (SHA-256 checked), or of a build's Doc as the window holds it; in memory only. */
  'dossiers:pdf': { input: z.union([z.object(dossierEditionRef).strict(), z.object({ doc: docSchema }).strict()]), output: pdfBytes },
} as const;

/**
 * The passphrase fields (UTF-8 bytes, `passphraseBytesSchema`) of each channel that takes one. The router zeroes
 * them when the call ends, however it ends (refused input, refused channel, failure, success): the arrays IPC
 * delivered belong to main alone. A unit test keeps this list equal to the fields that use the schema.
 */
export const passphraseFields = {
  'vault:create': ['passphrase'],
  'vault:unlock': ['passphrase'],
  'vault:changePassphrase': ['current', 'next'],
  'vault:recover': ['newPassphrase'],
  'vault:restore': ['passphrase'],
} as const satisfies { readonly [C in Channel]?: readonly (keyof ChannelInput<C>)[] };

/** Channels that only read; everything else waits while an import is being written. */
export const readOnlyChannels: ReadonlySet<Channel> = new Set<Channel>([
  'vault:status', 'vault:lock', 'vault:verify', 'settings:get', 'session:activity', 'vocabulary:list', 'incidents:search', 'incidents:count', 'incidents:get',
  'persons:suggestDuplicates', 'persons:list', 'persons:get', 'places:list', 'searches:list', 'evidence:list', 'evidence:preview',
  'import:status', 'import:cancel', 'counterparts:list', 'letters:list', 'letters:files', 'letters:document', 'letters:draftPdf', 'letters:registeredPdf', 'office:get', 'ledger:get', 'registry:numbering', 'registry:calendar',
  'settings:ratifications', 'dossiers:list', 'dossiers:get', 'dossiers:build', 'dossiers:buildStart', 'dossiers:buildStatus', 'dossiers:buildCancel', 'dossiers:editions', 'dossiers:pdf',
]);

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a handler receives: the input after parsing, defaults filled in. */
export type ChannelInput<C extends Channel> = z.infer<Contract[C]['input']>;
/** What a caller sends: fields with defaults may be left out. */
export type ChannelRequest<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

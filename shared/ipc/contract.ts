import { z } from 'zod';
import {
  languageSchema,
  passphraseSchema,
  recoveryKeyInputSchema,
  settingsSchema,
  verifyReportSchema,
  vaultStatusSchema,
} from '../domain/vault.ts';
import { incidentSchema, isoDateSchema, recordIdSchema } from '../domain/records.ts';
import { incidentHitSchema, incidentQuerySchema } from '../domain/search.ts';
import { newTermSchema, termSchema, vocabularyKinds } from '../domain/vocabulary.ts';

const empty = z.object({}).strict();

/**
 * The one IPC contract: every channel the renderer may call, with its input and output schema.
 * Main parses every input against it (the renderer is untrusted); the preload builds `window.ombuds`
 * from its keys; the router's handler table is a mapped type over it, so a missing handler does not compile.
 */
export const contract = {
  'vault:status': { input: empty, output: vaultStatusSchema },
  /** First run: creates the vault; returns the recovery key, the only time it is ever shown. */
  'vault:create': {
    input: z.object({ passphrase: passphraseSchema }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  /** Writes the printable recovery sheet (PDF) for the pending recovery key to a path chosen in a save dialog. */
  'vault:saveRecoverySheet': {
    input: z.object({ language: languageSchema }).strict(),
    output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  /** The user confirms the recovery key is saved; main forgets it. */
  'vault:confirmRecoverySaved': { input: empty, output: empty },
  'vault:unlock': { input: z.object({ passphrase: z.string().min(1).max(1024) }).strict(), output: empty },
  'vault:lock': { input: empty, output: empty },
  'vault:changePassphrase': {
    input: z.object({ current: z.string().min(1).max(1024), next: passphraseSchema }).strict(),
    output: empty,
  },
  /** Sets a new passphrase with the recovery key and unlocks. */
  'vault:recover': {
    input: z.object({ recoveryKey: recoveryKeyInputSchema, newPassphrase: passphraseSchema }).strict(),
    output: empty,
  },
  /** Backs the unlocked store up to a file chosen in a save dialog. */
  'vault:backup': { input: empty, output: z.object({ saved: z.boolean(), fileName: z.string().nullable() }) },
  /**
   * Restores a backup chosen in an open dialog, into an empty data folder or over the current store (kept aside
   * until the restored one is verified). The passphrase is the one that was valid when the backup was made.
   */
  'vault:restore': {
    input: z.object({ passphrase: z.string().min(1).max(1024) }).strict(),
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
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.infer<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];

import { z } from 'zod';

/**
 * Stable error codes that cross the IPC boundary. The renderer and the CLI map each code to a localized
 * message; no stack trace, path or case data ever travels with an error.
 */
export const errorCodes = [
  'invalid-input',
  'cancelled',
  'vault-exists',
  'vault-not-found',
  'vault-locked',
  'wrong-passphrase',
  'wrong-recovery-key',
  'too-many-attempts',
  'weak-passphrase',
  'envelope-missing',
  'envelope-damaged',
  'store-damaged',
  'store-newer-version',
  'store-in-use',
  'vault-permissions',
  'backup-invalid',
  'backup-damaged',
  'disk-full',
  'read-only',
  'io-error',
  'import-invalid',
  'import-encoding',
  'import-too-large',
  'import-crashed',
  'import-would-empty',
  'not-found',
  'evidence-too-large',
  'image-too-large',
  'image-unreadable',
  'evidence-damaged',
  'office-incomplete',
  'translation-missing',
  'dossier-empty',
  'dossier-too-large',
  'dossier-has-editions',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** Milliseconds to wait before the next attempt (only with `too-many-attempts`). */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** A precise, data-free detail for diagnostics (e.g. which check failed in `verify`). */
  detail: z.string().max(500).optional(),
});
export type AppErrorValue = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppErrorValue): Result<T> => ({ ok: false, error });

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);

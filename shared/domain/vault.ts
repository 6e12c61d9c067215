import { z } from 'zod';

/** Fewer characters than this cannot reach a useful strength even with a slow KDF. */
export const MIN_PASSPHRASE_LENGTH = 10;
/** A new passphrase needs at least this many different characters (case aside): "aaaaaaaaaaaa" is refused. */
export const MIN_DISTINCT_CHARACTERS = 5;
/** Far above any passphrase a person types (1,024 characters of at most 4 UTF-8 bytes each); the CLI's limit too. */
export const MAX_PASSPHRASE_BYTES = 4096;

/**
 * A passphrase as it crosses IPC: its UTF-8 bytes, never a string. The window encodes it at the moment it calls
 * and zeroes its copy after; main's router zeroes what it received when the call ends, so main never holds the
 * passphrase as a JS string, which nothing can zero (README, Security). Only bytes are accepted: one way in.
 * The strength of a new passphrase is checked by main on these bytes (`passphraseProblem`'s rules).
 */
export const passphraseBytesSchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength >= 1 && bytes.byteLength <= MAX_PASSPHRASE_BYTES, { message: `1 to ${MAX_PASSPHRASE_BYTES} bytes` });

/** Crockford Base32 groups joined by dashes; parsing is forgiving (case, spaces, I/L/O), see recovery-key.ts. */
export const recoveryKeyInputSchema = z.string().min(16).max(200);

export const languageSchema = z.enum(['tg', 'ru', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const vaultStateSchema = z.enum(['uninitialized', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof vaultStateSchema>;

export const lockReasonSchema = z.enum(['user', 'idle', 'suspend', 'lock-screen', 'restore']);
export type LockReason = z.infer<typeof lockReasonSchema>;

export const vaultStatusSchema = z.object({
  state: vaultStateSchema,
  /** Why the vault was last locked, so the unlock screen can say "locked after 10 minutes idle". */
  lastLockReason: lockReasonSchema.nullable(),
  /** True while a freshly created recovery key has not yet been confirmed as saved. */
  recoveryKeyPending: z.boolean(),
  failedAttempts: z.number().int().nonnegative(),
  retryAfterMs: z.number().int().nonnegative(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const AUTO_LOCK_MINUTES_MIN = 1;
export const AUTO_LOCK_MINUTES_MAX = 240;
export const AUTO_LOCK_MINUTES_DEFAULT = 10;
export const EVIDENCE_MAX_MIB_DEFAULT = 2048;
export const EVIDENCE_MAX_MIB_LIMIT = 16_384;

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES_MIN).max(AUTO_LOCK_MINUTES_MAX),
  /** Largest evidence file taken into the store. */
  evidenceMaxMiB: z.number().int().min(1).max(EVIDENCE_MAX_MIB_LIMIT),
});
export type Settings = z.infer<typeof settingsSchema>;

export const verifyCheckNameSchema = z.enum(['integrity', 'cipher-integrity', 'audit-chain', 'schema-version', 'recovery-slot', 'wal']);

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: verifyCheckNameSchema, ok: z.boolean(), detail: z.string() })),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

/**
 * The floor main enforces for a new passphrase (the window's strength meter asks for more). Returns what is
 * wrong, or null. Counted in code points so Tajik and Russian letters count as one each. Main applies the same
 * rules to the passphrase's bytes without making a string of them (electron/store/passphrase-bytes.ts).
 */
export function passphraseProblem(passphrase: string): 'too-short' | 'too-simple' | null {
  const chars = [...passphrase.normalize('NFC')];
  if (chars.length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  if (new Set(chars.map((ch) => ch.toLowerCase())).size < MIN_DISTINCT_CHARACTERS) return 'too-simple';
  return null;
}

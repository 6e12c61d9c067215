import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { normalizedPassphraseBytes, type Passphrase } from './passphrase-bytes.ts';

export const ENVELOPE_FILE = 'vault.json';
export const DEK_BYTES = 32;
const IV_BYTES = 12;
/** The full GCM tag. Node accepts a tag as short as 4 bytes unless told the length (issue 10, item 5). */
const TAG_BYTES = 16;
const SALT_BYTES = 16;

/**
 * Argon2id cost. Measured on the 2-core reference machine so that unlock (KDF + open) takes 0.5–1 s
 * (see `npm run bench`). Stored in each envelope so a later version can raise it on the next passphrase change.
 */
export const DEFAULT_KDF = { memoryKiB: 262_144, iterations: 10, parallelism: 4 } as const;
export type KdfParams = { memoryKiB: number; iterations: number; parallelism: number };

/**
 * Bounds on the KDF cost read from vault.json. Anyone who can write that file could otherwise make every unlock
 * allocate 4 GiB (and fail or take the machine down) or spin for hours. 1 GiB is 4× the default memory and
 * 64 passes 6× the default time: room for a later version to raise the cost, while the worst a hostile file can
 * ask (1 GiB × 64 passes) still fits an office PC and ends in minutes. The floors are DESIGN.md §3's minimum.
 */
const KDF_LIMITS = { memoryKiB: [65_536, 1_048_576], iterations: [3, 64], parallelism: [1, 16] } as const;

/** Canonical base64 of exactly `bytes` bytes: a truncated or padded field is damage, not a shorter key. */
const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((text) => Buffer.from(text, 'base64').length === bytes && Buffer.from(text, 'base64').toString('base64') === text, {
      message: `must be ${bytes} bytes in base64`,
    });

const sealedFields = { iv: base64Of(IV_BYTES), tag: base64Of(TAG_BYTES), wrappedKey: base64Of(DEK_BYTES) };
const bounded = ([min, max]: readonly [number, number]) => z.number().int().min(min).max(max);

const passphraseSlotSchema = z
  .object({
    kdf: z.literal('argon2id'),
    salt: base64Of(SALT_BYTES),
    memoryKiB: bounded(KDF_LIMITS.memoryKiB),
    iterations: bounded(KDF_LIMITS.iterations),
    parallelism: bounded(KDF_LIMITS.parallelism),
    ...sealedFields,
  })
  .strict();

const CHECK_BYTES = 32;
/**
 * `check`: an HMAC of the slot under a key derived from the data key, so `verify` (which holds the data key but not
 * the recovery key) can tell a slot whose bytes were altered — still well-formed, but no longer opening — before
 * the day it is needed. Optional: envelopes written before it existed have none, and are checked for form only.
 */
const recoverySlotSchema = z.object({ kdf: z.literal('hkdf-sha256'), salt: base64Of(SALT_BYTES), ...sealedFields, check: base64Of(CHECK_BYTES).optional() }).strict();

export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;

/**
 * The envelope's header is checked when the file is read; each key slot is checked strictly when it is used
 * (and the recovery slot by `verify`). The two slots are independent ways to the data key, so damage to one
 * must not close the other: a damaged recovery slot leaves the passphrase working (and `verify` reports it), and
 * a damaged passphrase slot is exactly when the recovery key is needed.
 */
const envelopeSchema = z
  .object({
    format: z.literal('ombuds-vault/1'),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    store: z.object({ file: z.literal('store.db'), cipher: z.literal('sqlcipher'), legacy: z.literal(4) }).strict(),
    passphrase: z.unknown(),
    recovery: z.unknown(),
  })
  .strict();

export type Envelope = z.infer<typeof envelopeSchema>;
type Slot = 'passphrase' | 'recovery';

function checkedSlot<T>(schema: z.ZodType<T>, envelope: Envelope, slot: Slot): T {
  const parsed = schema.safeParse(envelope[slot]);
  if (parsed.success) return parsed.data;
  const where = [...new Set(parsed.error.issues.map((issue) => [slot, ...issue.path].join('.')))].join(', ');
  throw new AppError('envelope-damaged', { detail: `vault.json fields invalid: ${where}`.slice(0, 300) });
}

/** The passphrase slot, checked: lengths, base64 and KDF cost within bounds; `envelope-damaged` otherwise. */
export const passphraseSlotOf = (envelope: Envelope): PassphraseSlot => checkedSlot(passphraseSlotSchema, envelope, 'passphrase');
/** The recovery slot, checked the same way. */
export const recoverySlotOf = (envelope: Envelope): RecoverySlot => checkedSlot(recoverySlotSchema, envelope, 'recovery');

/** Binds each wrapped key to its vault and slot, so slots cannot be swapped between files. */
const aad = (vaultId: string, slot: Slot) => Buffer.from(`ombuds-vault/1|${vaultId}|${slot}`, 'utf8');

/** Wraps the DEK under `kek`, then zeroes `kek`. */
function seal(kek: Buffer, dek: Buffer, vaultId: string, slot: Slot) {
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES }).setAAD(aad(vaultId, slot));
    const wrappedKey = Buffer.concat([cipher.update(dek), cipher.final()]);
    return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrappedKey.toString('base64') };
  } finally {
    kek.fill(0);
  }
}

/**
 * Returns the DEK, or null when the key-encryption key is wrong (GCM authentication fails); zeroes `kek`.
 * `authTagLength` makes Node refuse any tag but a full 16-byte one, whatever the slot says.
 */
function open(kek: Buffer, sealed: PassphraseSlot | RecoverySlot, vaultId: string, slot: Slot): Buffer | null {
  let dek: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(vaultId, slot)).setAuthTag(Buffer.from(sealed.tag, 'base64'));
    dek = decipher.update(Buffer.from(sealed.wrappedKey, 'base64'));
    // GCM is a stream mode: final() adds no bytes, it only checks the tag (and throws when it fails).
    decipher.final();
    return dek.length === DEK_BYTES ? dek : null;
  } catch {
    dek?.fill(0);
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Argon2id over the passphrase's NFC UTF-8 bytes; the bytes are zeroed as soon as the KDF has them. */
async function passphraseKek(passphrase: Passphrase, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const password = normalizedPassphraseBytes(passphrase);
  try {
    return await hashRaw(password, {
      algorithm: 2, // Argon2id
      memoryCost: kdf.memoryKiB,
      timeCost: kdf.iterations,
      parallelism: kdf.parallelism,
      outputLen: 32,
      salt,
    });
  } finally {
    password.fill(0);
  }
}

/** The recovery key already carries 160 random bits, so a slow KDF adds nothing; HKDF only separates domains. */
function recoveryKek(recoveryKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, salt, 'ombuds-vault/1 recovery', 32));
}

async function passphraseSlot(dek: Buffer, passphrase: Passphrase, vaultId: string, kdf: KdfParams): Promise<PassphraseSlot> {
  const salt = randomBytes(SALT_BYTES);
  const sealed = seal(await passphraseKek(passphrase, salt, kdf), dek, vaultId, 'passphrase');
  return { kdf: 'argon2id' as const, salt: salt.toString('base64'), ...kdf, ...sealed };
}

function recoverySlot(dek: Buffer, recoveryKey: Buffer, vaultId: string): RecoverySlot {
  const salt = randomBytes(SALT_BYTES);
  const slot = { kdf: 'hkdf-sha256' as const, salt: salt.toString('base64'), ...seal(recoveryKek(recoveryKey, salt), dek, vaultId, 'recovery') };
  return { ...slot, check: recoverySlotCheck(dek, vaultId, slot).toString('base64') };
}

/** The HMAC behind `check`, over every field of the slot and the vault id, keyed from the data key (HKDF, own label). */
function recoverySlotCheck(dek: Buffer, vaultId: string, slot: Omit<RecoverySlot, 'check'>): Buffer {
  const key = Buffer.from(hkdfSync('sha256', dek, Buffer.alloc(0), 'ombuds-vault/1 recovery-slot check', 32));
  try {
    return createHmac('sha256', key).update([vaultId, slot.kdf, slot.salt, slot.iv, slot.tag, slot.wrappedKey].join('|'), 'utf8').digest();
  } finally {
    key.fill(0);
  }
}

export async function createEnvelope(dek: Buffer, passphrase: Passphrase, recoveryKey: Buffer, kdf: KdfParams = DEFAULT_KDF): Promise<Envelope> {
  const vaultId = randomUUID();
  return {
    format: 'ombuds-vault/1',
    vaultId,
    createdAt: new Date().toISOString(),
    store: { file: 'store.db', cipher: 'sqlcipher', legacy: 4 },
    passphrase: await passphraseSlot(dek, passphrase, vaultId, kdf),
    recovery: recoverySlot(dek, recoveryKey, vaultId),
  };
}

/** The DEK in a new buffer the caller zeroes; `wrong-passphrase`, or `envelope-damaged` for a malformed slot. */
export async function unwrapWithPassphrase(envelope: Envelope, passphrase: Passphrase): Promise<Buffer> {
  const slot = passphraseSlotOf(envelope);
  const kek = await passphraseKek(passphrase, Buffer.from(slot.salt, 'base64'), slot);
  const dek = open(kek, slot, envelope.vaultId, 'passphrase');
  if (!dek) throw new AppError('wrong-passphrase');
  return dek;
}

export function unwrapWithRecoveryKey(envelope: Envelope, recoveryKey: Buffer): Buffer {
  const slot = recoverySlotOf(envelope);
  const kek = recoveryKek(recoveryKey, Buffer.from(slot.salt, 'base64'));
  const dek = open(kek, slot, envelope.vaultId, 'recovery');
  if (!dek) throw new AppError('wrong-recovery-key');
  return dek;
}

/**
 * The recovery slot's structure, for `verify`: it cannot be opened without the recovery key, but a damaged
 * slot is found now rather than on the day the key is needed.
 */
export function checkRecoverySlot(envelope: Envelope, dek: Buffer): { ok: boolean; detail: string } {
  let slot: RecoverySlot;
  try {
    slot = recoverySlotOf(envelope);
  } catch (error) {
    return { ok: false, detail: `${(error as AppError).detail ?? 'damaged'}: the recovery key will not open this vault` };
  }
  if (slot.check === undefined) return { ok: true, detail: 'ok (well-formed; made before slots carried a check)' };
  const { check, ...fields } = slot;
  if (!timingSafeEqual(recoverySlotCheck(dek, envelope.vaultId, fields), Buffer.from(check, 'base64'))) {
    return { ok: false, detail: 'recovery slot altered (its check does not match): the recovery key will not open this vault' };
  }
  return { ok: true, detail: 'ok (intact)' };
}

/** A passphrase change or recovery re-wraps the same DEK: the store itself is never re-encrypted. */
export async function withNewPassphrase(envelope: Envelope, dek: Buffer, passphrase: Passphrase, kdf: KdfParams = DEFAULT_KDF): Promise<Envelope> {
  return { ...envelope, passphrase: await passphraseSlot(dek, passphrase, envelope.vaultId, kdf) };
}

export function parseEnvelope(text: string): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('envelope-damaged', { detail: 'vault.json is not valid JSON' });
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new AppError('envelope-damaged', { detail: `vault.json fields invalid: ${where}`.slice(0, 300) });
  }
  return parsed.data;
}

export function readEnvelope(dir: string): Envelope {
  const path = join(dir, ENVELOPE_FILE);
  if (!existsSync(path)) {
    throw existsSync(join(dir, 'store.db')) ? new AppError('envelope-missing') : new AppError('vault-not-found');
  }
  return parseEnvelope(readFileSync(path, 'utf8'));
}

export function writeEnvelope(dir: string, envelope: Envelope): void {
  writeFileAtomic(join(dir, ENVELOPE_FILE), `${JSON.stringify(envelope, null, 2)}\n`);
}

export const serializeEnvelope = (envelope: Envelope) => JSON.stringify(envelope);

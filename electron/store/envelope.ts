import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const ENVELOPE_FILE = 'vault.json';
export const DEK_BYTES = 32;

/**
 * Argon2id cost. Measured on the 2-core reference machine so that unlock (KDF + open) takes 0.5–1 s
 * (see `npm run bench`). Stored in each envelope so a later version can raise it on the next passphrase change.
 */
export const DEFAULT_KDF = { memoryKiB: 262_144, iterations: 10, parallelism: 4 } as const;
export type KdfParams = { memoryKiB: number; iterations: number; parallelism: number };

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const sealedSchema = z.object({ iv: base64, tag: base64, wrappedKey: base64 });

const envelopeSchema = z
  .object({
    format: z.literal('ombuds-vault/1'),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    store: z.object({ file: z.literal('store.db'), cipher: z.literal('sqlcipher'), legacy: z.literal(4) }).strict(),
    passphrase: sealedSchema
      .extend({
        kdf: z.literal('argon2id'),
        salt: base64,
        memoryKiB: z.number().int().min(65_536).max(4_194_304),
        iterations: z.number().int().min(3).max(100),
        parallelism: z.number().int().min(1).max(16),
      })
      .strict(),
    recovery: sealedSchema.extend({ kdf: z.literal('hkdf-sha256'), salt: base64 }).strict(),
  })
  .strict();

export type Envelope = z.infer<typeof envelopeSchema>;
type Slot = 'passphrase' | 'recovery';

/** Binds each wrapped key to its vault and slot, so slots cannot be swapped between files. */
const aad = (vaultId: string, slot: Slot) => Buffer.from(`ombuds-vault/1|${vaultId}|${slot}`, 'utf8');

function seal(kek: Buffer, dek: Buffer, vaultId: string, slot: Slot) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(aad(vaultId, slot));
  const wrappedKey = Buffer.concat([cipher.update(dek), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrappedKey.toString('base64') };
}

/** Returns the DEK, or null when the key-encryption key is wrong (GCM authentication fails). */
function open(kek: Buffer, sealed: z.infer<typeof sealedSchema>, vaultId: string, slot: Slot): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(sealed.iv, 'base64')).setAAD(aad(vaultId, slot));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const dek = Buffer.concat([decipher.update(Buffer.from(sealed.wrappedKey, 'base64')), decipher.final()]);
    return dek.length === DEK_BYTES ? dek : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

async function passphraseKek(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2, // Argon2id
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt,
  });
}

/** The recovery key already carries 160 random bits, so a slow KDF adds nothing; HKDF only separates domains. */
function recoveryKek(recoveryKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, salt, 'ombuds-vault/1 recovery', 32));
}

async function passphraseSlot(dek: Buffer, passphrase: string, vaultId: string, kdf: KdfParams) {
  const salt = randomBytes(16);
  const sealed = seal(await passphraseKek(passphrase, salt, kdf), dek, vaultId, 'passphrase');
  return { kdf: 'argon2id' as const, salt: salt.toString('base64'), ...kdf, ...sealed };
}

function recoverySlot(dek: Buffer, recoveryKey: Buffer, vaultId: string) {
  const salt = randomBytes(16);
  return { kdf: 'hkdf-sha256' as const, salt: salt.toString('base64'), ...seal(recoveryKek(recoveryKey, salt), dek, vaultId, 'recovery') };
}

export async function createEnvelope(dek: Buffer, passphrase: string, recoveryKey: Buffer, kdf: KdfParams = DEFAULT_KDF): Promise<Envelope> {
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

export async function unwrapWithPassphrase(envelope: Envelope, passphrase: string): Promise<Buffer> {
  const slot = envelope.passphrase;
  const kek = await passphraseKek(passphrase, Buffer.from(slot.salt, 'base64'), slot);
  const dek = open(kek, slot, envelope.vaultId, 'passphrase');
  if (!dek) throw new AppError('wrong-passphrase');
  return dek;
}

export function unwrapWithRecoveryKey(envelope: Envelope, recoveryKey: Buffer): Buffer {
  const kek = recoveryKek(recoveryKey, Buffer.from(envelope.recovery.salt, 'base64'));
  const dek = open(kek, envelope.recovery, envelope.vaultId, 'recovery');
  if (!dek) throw new AppError('wrong-recovery-key');
  return dek;
}

/** A passphrase change or recovery re-wraps the same DEK: the store itself is never re-encrypted. */
export async function withNewPassphrase(envelope: Envelope, dek: Buffer, passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<Envelope> {
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

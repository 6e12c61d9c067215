import { randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

/**
 * The recovery key: 160 random bits written in Crockford Base32 (no I, L, O, U, so it survives being read
 * aloud and copied by hand), shown once as eight groups of four: `7QK2-M9XD-…`.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20;
const GROUP = 4;

export function generateRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = randomBytes(KEY_BYTES);
  return { text: formatRecoveryKey(bytes), bytes };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** Accepts what a person types: any case, spaces or dashes, and the look-alikes I/L for 1 and O for 0. */
export function parseRecoveryKey(input: string): Buffer {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  const expectedChars = Math.ceil((KEY_BYTES * 8) / 5);
  if (cleaned.length !== expectedChars || [...cleaned].some((ch) => !ALPHABET.includes(ch))) {
    throw new AppError('wrong-recovery-key', { detail: 'malformed recovery key' });
  }
  // Decoded straight into the buffer the caller zeroes, with no intermediate array of the key's bytes.
  const bytes = Buffer.alloc(KEY_BYTES);
  let length = 0;
  let bits = 0;
  let value = 0;
  for (const ch of cleaned) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      if (length < KEY_BYTES) bytes[length++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return bytes;
}

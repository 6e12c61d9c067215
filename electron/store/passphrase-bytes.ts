import { passphraseProblem } from '../../shared/domain/vault.ts';

/**
 * A passphrase as it reaches the vault: bytes where the front end can keep it as bytes (the CLI reads its file
 * or prompt into a Buffer), text where it cannot (the window's IPC delivers a JS string). Bytes can be zeroed
 * after use; a JS string cannot, so text is only accepted where nothing else is possible (README, Security).
 * The vault never zeroes a caller's buffer: whoever read the secret owns it and zeroes it.
 */
export type Passphrase = string | Uint8Array;

const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Code points that are their own NFC form whatever surrounds them: no canonical decomposition, combining class 0,
 * and nothing composes with them (NFC_Quick_Check = Yes). ASCII, Latin-1 letters and signs, Latin Extended-A and
 * the Cyrillic letters — every letter of Russian and Tajik (ғ ӣ қ ӯ ҳ ҷ) — but not the Cyrillic combining marks
 * U+0483–U+0489.
 */
const NFC_STABLE = [
  [0x0000, 0x007f],
  [0x00a0, 0x017f],
  [0x0400, 0x0482],
  [0x048a, 0x052f],
] as const;

/** Whether UTF-8 `bytes` is valid and made only of NFC-stable code points (so it is already NFC), with no string made. */
function isStableNfcUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const size = lead < 0x80 ? 1 : (lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : 0;
    if (size === 0 || i + size > bytes.length) return false; // four-byte sequences lie outside the ranges anyway
    let codePoint = size === 1 ? lead : lead & (size === 2 ? 0x1f : 0x0f);
    for (let k = 1; k < size; k += 1) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return false;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if ((size === 2 && codePoint < 0x80) || (size === 3 && codePoint < 0x800)) return false; // overlong
    if (!NFC_STABLE.some(([low, high]) => codePoint >= low && codePoint <= high)) return false;
    i += size;
  }
  return true;
}

/**
 * The passphrase as the KDF takes it: UTF-8 of its NFC form (so "й" typed as one or two code points unlocks the
 * same vault), in a new Buffer the caller zeroes. The same bytes as `hashRaw(text.normalize('NFC'))` made before,
 * so existing vaults keep opening.
 */
export function normalizedPassphraseBytes(passphrase: Passphrase): Buffer {
  if (typeof passphrase === 'string') return Buffer.from(passphrase.normalize('NFC'), 'utf8');
  // Already NFC (Russian, Tajik, Latin text): copy the bytes without ever making a string of them.
  if (isStableNfcUtf8(passphrase)) return Buffer.from(passphrase);
  // Anything else needs Unicode normalization, which only JS strings offer: short-lived strings are made here
  // (a residual risk the README states).
  return Buffer.from(view(passphrase).toString('utf8').normalize('NFC'), 'utf8');
}

/** What is wrong with a new passphrase, or null. The strength rules count characters, so bytes are decoded here. */
export function newPassphraseProblem(passphrase: Passphrase): ReturnType<typeof passphraseProblem> {
  return passphraseProblem(typeof passphrase === 'string' ? passphrase : view(passphrase).toString('utf8'));
}

import { MIN_DISTINCT_CHARACTERS, MIN_PASSPHRASE_LENGTH, passphraseProblem } from '../../shared/domain/vault.ts';

/**
 * A passphrase as it reaches the vault. Both front ends hand it over as bytes (the CLI reads its file or prompt
 * into a Buffer; the window sends UTF-8 bytes over IPC), which can be zeroed after use; a JS string cannot.
 * Text is still taken for tests, benchmarks and the demo script, whose passphrases are not secrets.
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

/**
 * Calls `visit` with each code point of UTF-8 `bytes` while they are valid and NFC-stable; returns whether all
 * were (so the text is already NFC), with no string made.
 */
function visitStableCodePoints(bytes: Uint8Array, visit: (codePoint: number) => void): boolean {
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
    visit(codePoint);
    i += size;
  }
  return true;
}

const isStableNfcUtf8 = (bytes: Uint8Array) => visitStableCodePoints(bytes, () => undefined);

/**
 * The lower case of every NFC-stable code point as one number, made once from the character tables (not from any
 * passphrase), so the strength rules can fold case without making a string of the passphrase. A letter whose
 * lower case is more than one code point (only U+0130 İ here) keeps itself: like the string "i̇" it stands for,
 * it equals no other letter's lower case.
 */
const LOWER_CASE = (() => {
  const table = new Uint16Array(NFC_STABLE.at(-1)![1] + 1);
  for (const [low, high] of NFC_STABLE) {
    for (let codePoint = low; codePoint <= high; codePoint += 1) {
      const lower = String.fromCodePoint(codePoint).toLowerCase();
      table[codePoint] = lower.length === 1 ? lower.charCodeAt(0) : codePoint;
    }
  }
  return table;
})();

/**
 * `passphraseProblem` counted on NFC-stable UTF-8 bytes: code points, and the first few different lower-case
 * ones, in a small array zeroed after. Undefined when the bytes are not all NFC-stable.
 */
function stableBytesProblem(bytes: Uint8Array): ReturnType<typeof passphraseProblem> | undefined {
  const distinct = new Uint16Array(MIN_DISTINCT_CHARACTERS);
  let found = 0;
  let length = 0;
  try {
    const stable = visitStableCodePoints(bytes, (codePoint) => {
      length += 1;
      const lower = LOWER_CASE[codePoint]!;
      if (found < distinct.length && !distinct.subarray(0, found).includes(lower)) distinct[found++] = lower;
    });
    if (!stable) return undefined;
    if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
    return found < MIN_DISTINCT_CHARACTERS ? 'too-simple' : null;
  } finally {
    distinct.fill(0);
  }
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

/**
 * What is wrong with a new passphrase, or null: `passphraseProblem`'s rules. Bytes of NFC-stable text (Russian,
 * Tajik, Latin) are checked as they are, with no string made; anything else is decoded into a short-lived string,
 * as `normalizedPassphraseBytes` must do for the KDF anyway (the same residual risk, README, Security).
 */
export function newPassphraseProblem(passphrase: Passphrase): ReturnType<typeof passphraseProblem> {
  if (typeof passphrase === 'string') return passphraseProblem(passphrase);
  const problem = stableBytesProblem(passphrase);
  return problem !== undefined ? problem : passphraseProblem(view(passphrase).toString('utf8'));
}

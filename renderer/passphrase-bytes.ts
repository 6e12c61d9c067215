/**
 * Runs `use` with the UTF-8 bytes of `passphrase`, encoded at the moment of the call, and zeroes them once the call
 * has ended, however it ended. The contract takes passphrases only as bytes, so main never holds one as a JS string
 * (main zeroes its own copy too). The text itself stays in the input's value and the form's state, strings no page
 * code can zero, until the form is cleared and the garbage collector reuses the memory: README, Security.
 */
export async function withPassphraseBytes<T>(passphrase: string, use: (bytes: Uint8Array<ArrayBuffer>) => Promise<T>): Promise<T> {
  const bytes = new TextEncoder().encode(passphrase);
  try {
    return await use(bytes);
  } finally {
    bytes.fill(0);
  }
}

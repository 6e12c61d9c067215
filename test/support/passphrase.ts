/**
 * A passphrase as the window sends it over IPC: a fresh Uint8Array of its UTF-8 bytes. The router zeroes it when
 * the call ends (as main does with what IPC delivered), so make a new one for every call.
 */
export const passphraseBytes = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

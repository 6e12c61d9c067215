import { AppError } from '../../errors/app-error.ts';

/**
 * The text of an interchange (JSON) file. JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1), so there
 * is no encoding to choose: bytes that are not valid UTF-8 (a Windows-1251 file, UTF-16, CESU-8 surrogates) are
 * refused rather than turned into U+FFFD garbage that would be stored as if it were the staff's words. A leading
 * UTF-8 byte-order mark is allowed and dropped (the decoder strips it).
 */
export function decodeJsonText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('import-encoding', { detail: 'JSON must be UTF-8: save the file as UTF-8 and import again' });
  }
}

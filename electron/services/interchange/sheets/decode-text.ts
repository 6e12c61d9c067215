import type { TextEncodingChoice } from '../../../../shared/domain/table-import.ts';
import { AppError } from '../../../errors/app-error.ts';

function decode(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('import-encoding', { detail: `the bytes are not valid ${label}` });
  }
}

/**
 * A CSV file's text. `auto` trusts a byte-order mark (UTF-8, UTF-16 LE/BE) and otherwise requires valid UTF-8:
 * guessing between Windows-1251 and KOI8-R silently would garble names, so the user is asked to choose.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingChoice = 'auto'): string {
  let text: string;
  if (encoding !== 'auto') text = decode(bytes, encoding);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode(bytes, 'utf-16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decode(bytes, 'utf-16be');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('import-encoding', { detail: 'not valid UTF-8; choose the encoding (e.g. windows-1251)' });
    }
  }
  if (text.includes('\u0000')) throw new AppError('import-invalid', { detail: 'CSV: binary data, not a text file' });
  return text.replace(/^\uFEFF/, '');
}

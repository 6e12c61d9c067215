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
  if (text.includes('\u0000')) {
    if (encoding === 'auto' && looksLikeUtf16(bytes)) throw new AppError('import-encoding', { detail: 'looks like UTF-16 without a byte-order mark; choose UTF-16' });
    throw new AppError('import-invalid', { detail: 'CSV: binary data, not a text file' });
  }
  return text.replace(/^\uFEFF/, '');
}

/** Text in UTF-16 has a zero in every other byte for Latin and none in the other half; binary data has no such rhythm. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((byte, i) => {
    if (byte !== 0) return;
    if (i % 2) odd += 1;
    else even += 1;
  });
  const half = sample.length / 2;
  return (odd > half * 0.3 && even === 0) || (even > half * 0.3 && odd === 0);
}

import type { TextEncodingChoice } from '../../../../shared/domain/table-import.ts';
import { AppError } from '../../../errors/app-error.ts';

// One list of encodings for the IPC contract, the CLI and the readers.
export { textEncodings, type TextEncodingChoice } from '../../../../shared/domain/table-import.ts';

const binary = () => new AppError('import-invalid', { detail: 'binary data, not a text file' });

/**
 * NUL bytes on only the even or only the odd positions are ASCII in UTF-16 saved without a byte-order mark:
 * that is an encoding question for the user, not a binary file. Looks at the first 64 KiB only.
 */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  const end = Math.min(bytes.length, 65_536);
  for (let i = 0; i < end; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  return (even === 0) !== (odd === 0) && even + odd >= end / 8;
}

function decode(bytes: Uint8Array, label: Exclude<TextEncodingChoice, 'auto'>, failure: () => AppError): string {
  try {
    // fatal: a byte sequence that is invalid in the chosen encoding is refused, never replaced by "�".
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    // A file whose text exceeds the longest string V8 can hold.
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_STRING_TOO_LONG') {
      throw new AppError('import-too-large', { detail: 'the text is too long to read', cause: error });
    }
    throw failure();
  }
}

/**
 * A text file's content. `auto` trusts a byte-order mark (UTF-8, UTF-16 LE/BE) and otherwise requires valid
 * UTF-8: guessing between Windows-1251 and KOI8-R would silently garble names, so the user is asked to choose.
 * A byte-order mark is not part of the text. A NUL character means a binary file (e.g. an XLSX named .csv).
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingChoice = 'auto'): string {
  let label: Exclude<TextEncodingChoice, 'auto'> = encoding === 'auto' ? 'utf-8' : encoding;
  if (encoding === 'auto' && bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (encoding === 'auto' && bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  const wide = label === 'utf-16le' || label === 'utf-16be';
  // In the byte-wide encodings a NUL byte can only be binary data; checked before decoding so that a binary file
  // is named as such rather than as "not UTF-8".
  if (!wide && bytes.includes(0)) {
    if (encoding === 'auto' && looksLikeBomlessUtf16(bytes)) {
      throw new AppError('import-encoding', { detail: 'UTF-16 without a byte-order mark; choose utf-16le or utf-16be' });
    }
    throw binary();
  }
  const failure =
    encoding === 'auto' && label === 'utf-8'
      ? () => new AppError('import-encoding', { detail: 'not valid UTF-8; choose the encoding (e.g. windows-1251)' })
      : () => new AppError('import-encoding', { detail: `not valid ${label}` });
  const text = decode(bytes, label, failure);
  if (wide && text.includes('\u0000')) throw binary();
  return text; // TextDecoder has already dropped a byte-order mark of its own encoding
}

import { bufferSource } from '../files/chunked-files.ts';
import { measureImage, type Dimensions } from './image-dimensions.ts';

/** The media type read from a file's first bytes; the file name is never trusted. */
export function sniffMediaType(head: Buffer): string {
  const ascii = (start: number, end: number) => head.subarray(start, end).toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'image/tiff';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (['heic', 'heix', 'mif1'].includes(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'video/webm';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(0, 3) === 'ID3') return 'audio/mpeg';
  return 'application/octet-stream';
}

/**
 * Pixel dimensions found in these bytes alone (the start of a file), or null when they are not among them. Only for
 * a file that arrives in pieces; a whole file is measured with measureImage, which reads its headers wherever they
 * lie and refuses an image whose size cannot be found.
 */
export function imageDimensions(head: Buffer): Dimensions | null {
  try {
    return measureImage(sniffMediaType(head), bufferSource(head));
  } catch {
    return null;
  }
}

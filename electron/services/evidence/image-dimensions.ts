import { AppError } from '../../errors/app-error.ts';
import type { ByteSource } from '../files/chunked-files.ts';

export interface Dimensions {
  width: number;
  height: number;
}

const WINDOW = 64 * 1024;

/**
 * Random reads over a file with a small window, so walking a header's segments costs a few reads however far into
 * the file the frame header lies. Reads past the end come back short; the readers treat that as "not found".
 */
class Reader {
  private window = Buffer.alloc(0);
  private start = 0;
  readonly size: number;
  private readonly source: ByteSource;

  constructor(source: ByteSource) {
    this.source = source;
    this.size = source.size;
  }

  bytes(position: number, length: number): Buffer {
    if (position < 0 || length > WINDOW || position >= this.size) return Buffer.alloc(0);
    if (position < this.start || position + length > this.start + this.window.length) {
      const buffer = Buffer.alloc(Math.min(WINDOW * 2, this.size - position));
      this.window = buffer.subarray(0, this.source.read(buffer, position));
      this.start = position;
    }
    return this.window.subarray(position - this.start, position - this.start + length);
  }

  u8 = (at: number) => this.fixed(at, 1)?.readUInt8(0) ?? null;
  u16be = (at: number) => this.fixed(at, 2)?.readUInt16BE(0) ?? null;
  u32be = (at: number) => this.fixed(at, 4)?.readUInt32BE(0) ?? null;
  ascii = (at: number, length: number) => this.bytes(at, length).toString('latin1');

  /** Where `byte` next occurs from `from` on, or -1 (searched a window at a time, never byte by byte in JavaScript). */
  indexOf(byte: number, from: number): number {
    for (let at = from; at < this.size; ) {
      const chunk = this.bytes(at, WINDOW);
      if (chunk.length === 0) return -1;
      const found = chunk.indexOf(byte);
      if (found !== -1) return at + found;
      at += chunk.length;
    }
    return -1;
  }

  /** Exactly `length` bytes, or null at the end of the file. */
  fixed(at: number, length: number): Buffer | null {
    const bytes = this.bytes(at, length);
    return bytes.length === length ? bytes : null;
  }
}

const sized = (width: number | null | undefined, height: number | null | undefined): Dimensions | null => (width && height ? { width, height } : null);

/** JPEG start-of-frame markers (baseline, extended, progressive, lossless, arithmetic); C4, C8 and CC are not frames. */
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** A real JPEG has a few dozen segments before its frame header; a file with more is not read further. */
const MAX_JPEG_SEGMENTS = 10_000;

/**
 * The frame header (SOFn) wherever it lies: segments are walked by their lengths from the start of the file, so an
 * APP1 (EXIF) block of megabytes before the frame costs one read per segment. Bytes between segments are skipped
 * as a decoder skips them. Before the frame, a scan (SOS) or the end of the image means there is none; a height of
 * 0 (defined later by a DNL marker) is not a size.
 */
function jpeg(file: Reader): Dimensions | null {
  let at = 2;
  for (let segments = 0; segments < MAX_JPEG_SEGMENTS; segments += 1) {
    at = file.indexOf(0xff, at);
    if (at === -1) return null;
    const start = at;
    while (file.u8(at) === 0xff && at - start < 64) at += 1; // fill bytes: a few at most in a real file
    const marker = file.u8(at);
    if (marker === null || marker === 0xff || marker === 0xd9 || marker === 0xda) return null;
    at += 1;
    if (marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // markers without a length
    const length = file.u16be(at);
    if (length === null || length < 2) return null;
    if (isFrame(marker)) return sized(file.u16be(at + 5), file.u16be(at + 3));
    at += length;
  }
  return null;
}

/** PNG: the IHDR chunk must come first, right after the signature. */
function png(file: Reader): Dimensions | null {
  if (file.ascii(12, 4) !== 'IHDR') return null;
  return sized(file.u32be(16), file.u32be(20));
}

/**
 * GIF: the logical screen, grown to the first frame's extent where that frame is larger (as the window's decoder
 * sizes the image), found by skipping the colour table and any extension blocks before it.
 */
function gif(file: Reader): Dimensions | null {
  const le16 = (at: number) => file.fixed(at, 2)?.readUInt16LE(0) ?? null;
  let width = le16(6) ?? 0;
  let height = le16(8) ?? 0;
  const flags = file.u8(10) ?? 0;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  for (let blocks = 0; blocks < 100_000; blocks += 1) {
    const introducer = file.u8(at);
    if (introducer === 0x2c) {
      const [left, top, frameWidth, frameHeight] = [le16(at + 1), le16(at + 3), le16(at + 5), le16(at + 7)];
      if (left === null || top === null || frameWidth === null || frameHeight === null) break;
      width = Math.max(width, left + frameWidth);
      height = Math.max(height, top + frameHeight);
      break;
    }
    if (introducer !== 0x21) break; // the trailer, or not a GIF block: no frame follows
    at += 2; // introducer and label, then data sub-blocks up to an empty one
    for (let size = file.u8(at); size !== null && size > 0; size = file.u8(at)) at += size + 1;
    at += 1;
  }
  return sized(width, height);
}

/** WebP: the first chunk is VP8X (the canvas), VP8 (lossy key frame) or VP8L (lossless). */
function webp(file: Reader): Dimensions | null {
  const le24 = (at: number) => {
    const b = file.fixed(at, 3);
    return b ? b[0]! | (b[1]! << 8) | (b[2]! << 16) : null;
  };
  switch (file.ascii(12, 4)) {
    case 'VP8X': {
      const [width, height] = [le24(24), le24(27)];
      return width === null || height === null ? null : sized(width + 1, height + 1);
    }
    case 'VP8 ': {
      const frame = file.fixed(23, 7);
      if (!frame || frame[0] !== 0x9d || frame[1] !== 0x01 || frame[2] !== 0x2a) return null;
      return sized(frame.readUInt16LE(3) & 0x3fff, frame.readUInt16LE(5) & 0x3fff);
    }
    case 'VP8L': {
      const bits = file.fixed(20, 5);
      if (!bits || bits[0] !== 0x2f) return null;
      const packed = bits.readUInt32LE(1);
      return sized((packed & 0x3fff) + 1, ((packed >>> 14) & 0x3fff) + 1);
    }
    default:
      return null;
  }
}

/**
 * TIFF: every page (each image file directory, wherever its offset points), the largest counting; a scanner's
 * TIFF often has its directory after the image data, at the end of the file.
 */
function tiff(file: Reader): Dimensions | null {
  const little = file.ascii(0, 2) === 'II';
  const u16 = (at: number) => file.fixed(at, 2)?.[little ? 'readUInt16LE' : 'readUInt16BE'](0) ?? null;
  const u32 = (at: number) => file.fixed(at, 4)?.[little ? 'readUInt32LE' : 'readUInt32BE'](0) ?? null;
  let largest: Dimensions | null = null;
  const seen = new Set<number>();
  for (let ifd = u32(4); ifd && !seen.has(ifd) && seen.size < 1024; ifd = u32(ifd + 2 + 12 * (u16(ifd) ?? 0))) {
    seen.add(ifd);
    const count = u16(ifd);
    if (count === null) break;
    let width: number | null = null;
    let height: number | null = null;
    for (let i = 0; i < count; i += 1) {
      const entry = ifd + 2 + 12 * i;
      const [tag, type] = [u16(entry), u16(entry + 2)];
      const value = type === 3 ? u16(entry + 8) : type === 4 ? u32(entry + 8) : null;
      if (tag === 256) width = value;
      if (tag === 257) height = value;
    }
    const page = sized(width, height);
    if (!page) return null;
    if (!largest || page.width * page.height > largest.width * largest.height) largest = page;
  }
  return largest;
}

/** ISO BMFF boxes in [from, to): type, where the content starts, where the box ends. */
function* boxes(file: Reader, from: number, to: number): Generator<{ type: string; content: number; end: number }> {
  for (let at = from, count = 0; at + 8 <= to && count < 10_000; count += 1) {
    const size = file.u32be(at);
    if (size === null) return;
    let content = at + 8;
    let end = size === 0 ? to : at + size;
    if (size === 1) {
      const large = file.fixed(at + 8, 8);
      if (!large) return;
      end = at + Number(large.readBigUInt64BE(0));
      content = at + 16;
    }
    if (end < content || end > to) return;
    yield { type: file.ascii(at + 4, 4), content, end };
    at = end;
  }
}

/** HEIC: the largest image spatial extent ('ispe') among the item properties of the 'meta' box, wherever it lies. */
function heic(file: Reader): Dimensions | null {
  let largest: Dimensions | null = null;
  const visit = (from: number, to: number, depth: number) => {
    for (const box of boxes(file, from, to)) {
      if (box.type === 'ispe') {
        const size = sized(file.u32be(box.content + 4), file.u32be(box.content + 8));
        if (size && (!largest || size.width * size.height > largest.width * largest.height)) largest = size;
      } else if (depth < 4 && ['meta', 'iprp', 'ipco'].includes(box.type)) {
        visit(box.type === 'meta' ? box.content + 4 : box.content, box.end, depth + 1); // meta is a full box
      }
    }
  };
  visit(0, file.size, 0);
  return largest;
}

const readers: Record<string, (file: Reader) => Dimensions | null> = {
  'image/jpeg': jpeg,
  'image/png': png,
  'image/gif': gif,
  'image/webp': webp,
  'image/tiff': tiff,
  'image/heic': heic,
};

/**
 * An image's pixel dimensions from its headers, read from wherever in the file they are (no pixel is decoded), or
 * null when the type is not an image. An image whose dimensions cannot be found is refused (`image-unreadable`):
 * without them no pixel limit could be enforced, and a decoder might still find a frame of any size.
 */
export function measureImage(mediaType: string, source: ByteSource): Dimensions | null {
  if (!mediaType.startsWith('image/')) return null;
  const reader = readers[mediaType];
  const dimensions = reader ? reader(new Reader(source)) : null;
  if (!dimensions) throw new AppError('image-unreadable', { detail: `${mediaType}: no readable image size` });
  return dimensions;
}

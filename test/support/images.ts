import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => (data.reduce((c, byte) => crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, decodable RGB PNG of the given size filled with one colour (test evidence photos). */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [200, 40, 40], pixelData = true): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = pixelData ? deflateSync(Buffer.concat(Array.from({ length: height }, () => row))) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/**
 * A JPEG's structure as a camera writes it: SOI, EXIF (APP1) segments of `exifBytes` in all (each at most 64 KiB,
 * as the format allows), a quantisation table, then — unless `frame` is false — a baseline frame header (SOF0)
 * declaring width × height, a scan header, a few scan bytes and EOI. The pixels are not decodable; the headers are
 * what intake and preview read.
 */
export function jpegHeaders(width: number, height: number, options: { exifBytes?: number; frame?: boolean } = {}): Buffer {
  const parts = [Buffer.from([0xff, 0xd8])];
  for (let left = options.exifBytes ?? 0; left > 0; left -= 65_000) {
    parts.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(Math.min(left, 65_000), 0x2a)])));
  }
  parts.push(segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])));
  if (options.frame !== false) {
    const frame = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0]);
    frame.writeUInt16BE(height, 1);
    frame.writeUInt16BE(width, 3);
    parts.push(segment(0xc0, frame));
  }
  parts.push(segment(0xda, Buffer.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0])), Buffer.from([0x12, 0x34, 0x56, 0xff, 0x00, 0x78]), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** A GIF with a logical screen of screen[0] × screen[1] and one frame of frame[0] × frame[1] at the top left. */
export function gifHeaders(screen: [number, number], frame: [number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.write('GIF89a', 0, 'latin1');
  header.writeUInt16LE(screen[0], 6);
  header.writeUInt16LE(screen[1], 8);
  const comment = Buffer.from([0x21, 0xfe, 3, 0x61, 0x62, 0x63, 0]);
  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c;
  descriptor.writeUInt16LE(frame[0], 5);
  descriptor.writeUInt16LE(frame[1], 7);
  return Buffer.concat([header, comment, descriptor, Buffer.from([2, 2, 0x4c, 0x01, 0, 0x3b])]);
}

/** A WebP whose VP8X chunk declares a canvas of width × height. */
export function webpHeaders(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'latin1');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, vp8x]);
}

/** A little-endian TIFF whose only directory (width × height) comes after `dataBytes` of image data, as scanners write it. */
export function tiffHeaders(width: number, height: number, dataBytes: number): Buffer {
  const header = Buffer.from([0x49, 0x49, 42, 0, 0, 0, 0, 0]);
  header.writeUInt32LE(8 + dataBytes, 4);
  const ifd = Buffer.alloc(2 + 2 * 12 + 4);
  ifd.writeUInt16LE(2, 0);
  [
    [256, width],
    [257, height],
  ].forEach(([tag, value], i) => {
    ifd.writeUInt16LE(tag!, 2 + 12 * i);
    ifd.writeUInt16LE(4, 4 + 12 * i);
    ifd.writeUInt32LE(1, 6 + 12 * i);
    ifd.writeUInt32LE(value!, 10 + 12 * i);
  });
  return Buffer.concat([header, Buffer.alloc(dataBytes, 0x55), ifd]);
}

const box = (type: string, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};

/** A HEIC whose 'meta' box (with an 'ispe' of width × height) comes after `mediaBytes` of image data. */
export function heicHeaders(width: number, height: number, mediaBytes: number): Buffer {
  const ispe = Buffer.alloc(12);
  ispe.writeUInt32BE(width, 4);
  ispe.writeUInt32BE(height, 8);
  const meta = box('meta', Buffer.alloc(4), box('hdlr', Buffer.alloc(24)), box('iprp', box('ipco', box('ispe', ispe))));
  return Buffer.concat([box('ftyp', Buffer.from('heic\0\0\0\0mif1heic', 'latin1')), box('mdat', Buffer.alloc(mediaBytes, 0x33)), meta]);
}

import sharp from 'sharp';

/**
 * Evidence thumbnails for the dossier's annex (issue 13): one image decoded and scaled at a time by sharp (libvips,
 * prebuilt binaries from the npm registry), straight from the bytes the vault gives — never a file on disk. A huge,
 * truncated, undecodable or mislabeled image is reported as damaged, never thrown: the build goes on and the annex
 * says so.
 */
export interface Thumbnail {
  mediaType: 'image/jpeg';
  base64: string;
  width: number;
  height: number;
}
export type DamageReason = 'too-large' | 'unreadable' | 'mislabeled';
export interface Damaged {
  damaged: true;
  reason: DamageReason;
}

/** Longest side of a thumbnail, in pixels: sharp enough at the annex's widths (≤ 80 mm at 190 dpi). */
export const THUMBNAIL_MAX_SIDE = 600;
const JPEG_QUALITY = 80;
/**
 * Images with more pixels than this are refused before they are decoded (a decompression bomb of a few kilobytes
 * can declare billions): 100 megapixels is more than any camera or scanner evidence holds.
 */
export const MAX_INPUT_PIXELS = 100_000_000;

/** The formats the annex draws, by the media types a file may be labeled with. */
const formatOf: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/jpg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/tiff': 'tiff' };

// No cache of decoded images between calls (one image at a time, nothing kept), one thread per image: the annex's
// images are made in turn, and a build must not take the machine.
sharp.cache(false);
sharp.concurrency(1);

/**
 * A JPEG thumbnail (at most THUMBNAIL_MAX_SIDE on its longest side, turned upright by its EXIF orientation, no
 * metadata kept — no GPS position or camera serial leaves the vault in a dossier) of an image, or why it is damaged.
 * `declaredType`, when given, is the media type the evidence was filed as: an image of another format is mislabeled.
 */
export async function thumbnail(bytes: Buffer, declaredType?: string): Promise<Thumbnail | Damaged> {
  const damaged = (reason: DamageReason): Damaged => ({ damaged: true, reason });
  try {
    // failOn 'truncated': a cut-off file is damaged, not drawn half grey. limitInputPixels: refused from the header.
    const image = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true, animated: false });
    const meta = await image.metadata();
    if (!meta.format || !meta.width || !meta.height) return damaged('unreadable');
    if (meta.width * meta.height > MAX_INPUT_PIXELS) return damaged('too-large');
    if (declaredType !== undefined && formatOf[declaredType.toLowerCase()] !== meta.format) return damaged('mislabeled');
    const { data, info } = await image
      .rotate()
      .resize({ width: THUMBNAIL_MAX_SIDE, height: THUMBNAIL_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { mediaType: 'image/jpeg', base64: data.toString('base64'), width: info.width, height: info.height };
  } catch (error) {
    // sharp says "exceeds pixel limit" for an image over limitInputPixels; anything else it cannot decode is unreadable.
    return damaged(error instanceof Error && /pixel limit/i.test(error.message) ? 'too-large' : 'unreadable');
  }
}

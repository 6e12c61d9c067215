import { spawnSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { layoutPdf } from '../../electron/documents/pdf-writer.ts';
import { MAX_INPUT_PIXELS, thumbnail, THUMBNAIL_MAX_SIDE, type Thumbnail } from '../../electron/documents/thumbnails.ts';
import { writeTemp } from '../support/documents.ts';
import { dossierDoc } from '../support/dossier-docs.ts';
import { pngImage } from '../support/images.ts';

/**
 * Evidence thumbnails (issue 13): scaled to at most 600 px, JPEG, upright, without metadata, the same bytes for the
 * same image; a huge, truncated, undecodable or mislabeled image is reported damaged — never thrown.
 */
const ok = (result: Awaited<ReturnType<typeof thumbnail>>): Thumbnail => {
  if ('damaged' in result) throw new Error(`damaged: ${result.reason}`);
  return result;
};
const photo = () => sharp(pngImage(1200, 800, [30, 120, 200])).jpeg({ quality: 90 }).withExif({ IFD0: { Copyright: 'SECRET-SERIAL-4711' } }).toBuffer();

describe('thumbnail', () => {
  it('scales a photo to 600 px on its longest side, as a decodable JPEG', async () => {
    const made = ok(await thumbnail(await photo(), 'image/jpeg'));
    expect([made.mediaType, made.width, made.height]).toEqual(['image/jpeg', THUMBNAIL_MAX_SIDE, 400]);
    const meta = await sharp(Buffer.from(made.base64, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 600, 400]);
  });

  it('keeps no metadata (EXIF) of the original, and gives the same bytes for the same image', async () => {
    const original = await photo();
    expect(original.includes('SECRET-SERIAL-4711')).toBe(true);
    const made = ok(await thumbnail(original));
    expect(Buffer.from(made.base64, 'base64').includes('SECRET-SERIAL-4711')).toBe(false);
    expect(ok(await thumbnail(original)).base64).toBe(made.base64);
  });

  it('does not enlarge a small image, and takes a PNG filed as a PNG', async () => {
    expect(ok(await thumbnail(pngImage(100, 50), 'image/png'))).toMatchObject({ width: 100, height: 50 });
  });

  it('refuses an image that declares more pixels than the limit, from its header (a decompression bomb)', async () => {
    const bomb = pngImage(20_000, 20_000, [0, 0, 0], false);
    expect(20_000 * 20_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    expect(bomb.length).toBeLessThan(100);
    expect(await thumbnail(bomb, 'image/png')).toEqual({ damaged: true, reason: 'too-large' });
  });

  it('reports a truncated JPEG, bytes that are no image, and an image filed under another type as damaged', async () => {
    const jpeg = await photo();
    expect(await thumbnail(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg')).toEqual({ damaged: true, reason: 'unreadable' });
    expect(await thumbnail(Buffer.from('<svg onload="alert(1)"></svg> not an image'), 'image/png')).toEqual({ damaged: true, reason: 'unreadable' });
    expect(await thumbnail(Buffer.alloc(0))).toEqual({ damaged: true, reason: 'unreadable' });
    expect(await thumbnail(pngImage(40, 40), 'image/jpeg')).toEqual({ damaged: true, reason: 'mislabeled' });
  });

  it('a thumbnail is drawn in the PDF as the JPEG it is, with its caption', async () => {
    const made = ok(await thumbnail(await photo()));
    const doc = dossierDoc({ sheets: 1, figures: 1 });
    const blocks = doc.blocks.map((block) => (block.kind === 'figure' ? { ...block, image: { mediaType: made.mediaType, base64: made.base64, widthMm: 80 } } : block));
    const pdf = writeTemp('thumb.pdf', (await layoutPdf({ ...doc, blocks })).bytes);
    const list = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(list.length).toBe(1);
    expect(list[0]).toMatch(/\s600\s+400\s+rgb\s+3\s+8\s+jpeg\s/);
    expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).toContain('photo-1.png');
  });
});

import type { Image } from '../../shared/document/model.ts';
import { measureImage } from '../services/evidence/image-dimensions.ts';
import { bufferSource } from '../services/files/chunked-files.ts';

/**
 * An image's height on the page for the width the Doc gives it, from the proportions in its own header: the PDF
 * and DOCX writers draw the emblem at this size, as the preview's <img> does by itself, so a tall or wide emblem is
 * neither stretched nor drawn over the letterhead's text.
 */
export function imageHeightMm(image: Image): number {
  const pixels = measureImage(image.mediaType, bufferSource(Buffer.from(image.base64, 'base64')));
  return pixels ? (image.widthMm * pixels.height) / pixels.width : image.widthMm;
}

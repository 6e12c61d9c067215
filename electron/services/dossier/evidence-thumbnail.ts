import { thumbnail } from '../../documents/thumbnails.ts';
import type { MakeThumbnail } from './dossier-facts.ts';

/**
 * The evidence annex's picture of a stored image (electron/documents/thumbnails.ts: one image at a time, from the
 * bytes the vault gives, never a file). An image that is huge, truncated or not what its media type says gets no
 * picture: the annex lists it with its name, size and SHA-256, and the build goes on.
 */
export const evidenceThumbnail: MakeThumbnail = async (bytes, mediaType) => {
  const made = await thumbnail(bytes, mediaType);
  return 'damaged' in made ? null : made;
};

import { thumbnail } from '../../documents/thumbnails.ts';
import type { MakeThumbnail } from './dossier-facts.ts';

/**
 * The evidence annex's picture of a stored image (electron/documents/thumbnails.ts: one image at a time, from the
 * bytes the vault gives, never a file). An image that is huge, truncated or not what its media type says gets no
 * picture, with the reason (too large, unreadable, not the format it was filed as): the annex lists it with its
 * name, size and SHA-256 and says why, and the build goes on.
 */
export const evidenceThumbnail: MakeThumbnail = (bytes, mediaType) => thumbnail(bytes, mediaType);

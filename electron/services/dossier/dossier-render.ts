import type { Doc } from '../../../shared/document/model.ts';
import { renderDocx } from '../../documents/docx-writer.ts';
import { layoutPdf } from '../../documents/pdf-writer.ts';

export interface DossierFiles {
  pdf: Buffer;
  docx: Buffer;
  pages: number;
}

/**
 * A dossier's PDF (with its page count) and DOCX from its Doc, by the same writers as letters. `seed` makes the
 * DOCX's internal ids deterministic (the Doc's fingerprint), so the same edition gives the same bytes. The DOCX's
 * contents take their page numbers from the PDF's layout just made: the Doc is laid out once, not twice.
 */
export async function renderDossierFiles(doc: Doc, seed: string): Promise<DossierFiles> {
  const { bytes: pdf, pages, pageOfBlock } = await layoutPdf(doc);
  const docx = await renderDocx(doc, seed, { pageOfBlock });
  return { pdf, docx, pages };
}

/** The DOCX alone (a build saved as DOCX): laid out for its contents' page numbers, no PDF written. */
export const renderDossierDocx = (doc: Doc, seed: string): Promise<Buffer> => renderDocx(doc, seed);

/** The PDF of a build, for Print and the preview: made in memory, nothing kept. */
export const renderDossierPdf = async (doc: Doc): Promise<Buffer> => (await layoutPdf(doc)).bytes;

import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { layoutPdf, pageMap } from '../../electron/documents/pdf-writer.ts';
import { renderDossierFiles } from '../../electron/services/dossier/dossier-render.ts';
import { docxParts } from '../support/documents.ts';
import { dossierDoc } from '../support/dossier-docs.ts';

/**
 * Every part of a DOCX, but the creation and modification dates docProps/core.xml takes from the clock, and the
 * bookmarks' numeric ids renumbered in order: the docx library takes them from one counter for the whole process, so
 * a second DOCX made in the same process numbers its bookmarks on from the first's (the names are the same).
 */
const partsOf = async (bytes: Buffer) => {
  const parts = await docxParts(bytes);
  const core = parts.get('docProps/core.xml');
  if (core) parts.set('docProps/core.xml', core.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, ''));
  const ids = new Map<string, number>();
  const body = parts.get('word/document.xml')!;
  parts.set('word/document.xml', body.replace(/(<w:bookmark(?:Start|End)\b[^>]*? w:id=")(\d+)"/g, (_, head: string, id: string) => `${head}${ids.get(id) ?? ids.set(id, ids.size + 1).get(id)}"`));
  return parts;
};
/** The contents' entries as the DOCX writes them: heading text and page number. */
const contentsOf = (xml: string) => [...xml.matchAll(/<w:pStyle w:val="TOC(\d)"\/>.*?<w:t[^>]*>([^<]*)<\/w:t><w:tab\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => [m[2], Number(m[3])]);

describe("the dossier's DOCX takes its contents' page numbers from the PDF's layout", () => {
  const doc = dossierDoc({ sheets: 60, figures: 2 });

  it('the same file as when it laid the Doc out itself, from one layout for both files', async () => {
    const layout = await layoutPdf(doc);
    // The PDF's own layout is the one the DOCX writer made for itself: the same page for every block.
    expect(layout.pageOfBlock).toEqual(pageMap(doc).pageOfBlock);
    const alone = await partsOf(await renderDocx(doc, 'seed'));
    expect(await partsOf(await renderDocx(doc, 'seed', { pageOfBlock: layout.pageOfBlock }))).toEqual(alone);
    const files = await renderDossierFiles(doc, 'seed');
    expect(await partsOf(files.docx)).toEqual(alone);
    expect(files.pdf.equals(layout.bytes)).toBe(true);
    expect(files.pages).toBe(layout.pages);
  });

  it('uses the page map it is given (no layout of its own), and refuses one of another Doc', async () => {
    const { pageOfBlock } = pageMap(doc);
    const shifted = pageOfBlock.map((page) => page + 100);
    const xml = (await docxParts(await renderDocx(doc, 'seed', { pageOfBlock: shifted }))).get('word/document.xml')!;
    const expected = doc.blocks.flatMap((block, index) => (block.kind === 'heading' ? [[block.text, pageOfBlock[index]! + 100]] : []));
    expect(contentsOf(xml)).toEqual(expected);
    await expect(renderDocx(doc, 'seed', { pageOfBlock: pageOfBlock.slice(1) })).rejects.toThrow(/another Doc/);
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { renderPdf } from '../../electron/documents/pdf-writer.ts';
import { renderRecoverySheet } from '../../electron/documents/recovery-sheet.ts';
import { DocPreview } from '../../renderer/features/letters/DocPreview.tsx';
import { docSchema, type Doc } from '../../shared/document/model.ts';
import { recoverySheetDoc, type RecoverySheetInput } from '../../shared/templates/recovery-sheet.ts';
import { docxParts } from '../support/documents.ts';
import { expectGolden, lineDiff, prettyMarkup } from '../support/golden.ts';
import { goldenDocs } from '../support/golden-docs.ts';
import { pdfGeometry } from '../support/pdf-geometry.ts';

/**
 * Golden tests per writer (CONTRIBUTING.md, "Golden files"): each small Doc of test/support/golden-docs.ts is
 * rendered by the PDF writer (text and geometry), the DOCX writer (its XML parts) and the window's preview (its
 * DOM), and compared to the committed file under test/golden/<writer>/. A difference fails with a line diff;
 * `UPDATE_GOLDEN=1` accepts an intended one.
 */
const SEED = 'golden';
const recoverySheet: RecoverySheetInput = { recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB', vaultId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', createdAt: new Date('2025-01-15T09:30:00Z'), language: 'tg' };
const cases: [string, Doc][] = [...Object.entries(goldenDocs), ['recovery-sheet-tg', recoverySheetDoc(recoverySheet)]];

/** Every XML part of a DOCX, pretty, by name; binary parts (fonts, images) by name and size. */
async function docxText(doc: Doc): Promise<Map<string, string>> {
  const parts = await docxParts(await renderDocx(doc, SEED));
  parts.delete('docProps/core.xml'); // creation and modification times: the one part that is not deterministic
  return new Map([...parts].map(([name, content]) => [name, name.endsWith('.xml') || name.endsWith('.rels') ? prettyMarkup(content) : `${content.length} bytes\n`]));
}

/** A document's parts as one file: word/document.xml, then every part that differs from the same meta with no blocks. */
async function docxGolden(doc: Doc): Promise<string> {
  const parts = await docxText(doc);
  const base = await docxText({ meta: doc.meta, blocks: [] });
  const names = [...parts.keys()].filter((name) => name === 'word/document.xml' || parts.get(name) !== base.get(name)).sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
  return names.map((name) => `<!-- ${name} -->\n${parts.get(name)}`).join('\n');
}

const preview = (doc: Doc) => prettyMarkup(renderToStaticMarkup(createElement(DocPreview, { doc, label: doc.meta.title })));

describe('golden files per writer', () => {
  it('has a schema-valid Doc for every case', () => {
    for (const [name, doc] of cases) expect(docSchema.safeParse(doc).success, name).toBe(true);
  });

  describe.each(cases)('%s', (name, doc) => {
    it('PDF: text and geometry', async () => expectGolden(`pdf/${name}.tsv`, pdfGeometry(await renderPdf(doc))));
    it('DOCX: XML parts', async () => expectGolden(`docx/${name}.xml`, await docxGolden(doc)));
    it('preview: DOM', () => expectGolden(`preview/${name}.html`, preview(doc)));
  });

  it('DOCX parts every document shares (styles, numbering, headers, settings) match their golden', async () => {
    const parts = await docxText({ meta: goldenDocs['letter-ru']!.meta, blocks: [] });
    const names = [...parts.keys()].filter((name) => name !== 'word/document.xml').sort();
    expectGolden('docx/_shared-parts.xml', names.map((name) => `<!-- ${name} -->\n${parts.get(name)}`).join('\n'));
  });

  it('gives the same DOCX for the same letter however many documents the process wrote before (drawing ids per document)', async () => {
    const letter = goldenDocs['letter-tg']!;
    const first = (await docxParts(await renderDocx(letter, SEED))).get('word/document.xml');
    await renderDocx(goldenDocs['kind-letterhead']!, SEED);
    expect((await docxParts(await renderDocx(letter, SEED))).get('word/document.xml')).toBe(first);
  });

  it('the recovery sheet the app saves is the PDF writer drawing its Doc', async () => {
    expect((await renderRecoverySheet(recoverySheet)).equals(await renderPdf(recoverySheetDoc(recoverySheet)))).toBe(true);
  });
});

describe('the golden comparison itself', () => {
  it('shows a changed line with its neighbours and the golden line number', () => {
    const diff = lineDiff('a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nd\nE\nf\ng\nh\n');
    expect(diff).toBe('@@ golden line 2 @@\n  b\n  c\n  d\n- e\n+ E\n  f\n  g\n  h');
  });

  it('pretty-prints markup one element per line without changing a character of tags or text', () => {
    const markup = '<a x="1"><b>text &amp; more</b><c/><d><e>1</e>tail</d></a>';
    const pretty = prettyMarkup(markup);
    expect(pretty).toBe('<a x="1">\n  <b>text &amp; more</b>\n  <c/>\n  <d>\n    <e>1</e>\n    tail\n  </d>\n</a>\n');
    expect(pretty.replace(/\n\s*/g, '')).toBe(markup);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { layoutPdf } from '../../electron/documents/pdf-writer.ts';
import type { Doc } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { pageCount, pdfFonts, pdfText, writeTemp } from '../support/documents.ts';
import { libreOfficePdfsWithFonts } from '../support/libreoffice.ts';
import { fixtureKinds, fixtureLetter, type FixtureKind } from '../support/letter-fixtures.ts';
import { spawnSync } from 'node:child_process';

/**
 * The DOCX breaks pages where the PDF does: every kind in every language, as built from the templates and made
 * longer until the signature is pushed over a page, is converted by LibreOffice (with PT Serif made available to it)
 * and compared with our own PDF — the number of pages, and the page the signature stands on. The pages of both
 * are written as PNGs to test-artifacts/letters for review.
 */
const signatureOf = (doc: Doc) => doc.blocks.findIndex((block) => block.kind === 'signature');

/** The smallest lengthening that pushes the signature over to the next page (with the text kept above it), or null. */
async function pushedOver(kind: FixtureKind, language: Language): Promise<{ doc: Doc; extra: number } | null> {
  const pageOfSignature = async (extra: number) => {
    const doc = fixtureLetter(kind, language, extra);
    return (await layoutPdf(doc)).pageOfBlock[signatureOf(doc)]!;
  };
  let [low, high] = [0, 40];
  const start = await pageOfSignature(low);
  if ((await pageOfSignature(high)) <= start) return null;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if ((await pageOfSignature(middle)) > start) high = middle;
    else low = middle;
  }
  return { doc: fixtureLetter(kind, language, high), extra: high };
}

/** The page (1-based) whose text contains `needle`, whitespace folded. */
function pageWith(pdf: string, needle: string): number {
  const pages = pageCount(pdf);
  for (let page = 1; page <= pages; page += 1) if (pdfText(pdf, '-f', String(page), '-l', String(page)).replace(/\s+/g, ' ').includes(needle)) return page;
  return 0;
}

function png(pdf: string, name: string): void {
  const dir = join(process.cwd(), 'test-artifacts', 'letters');
  mkdirSync(dir, { recursive: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, name)]);
}

describe.each(['ru', 'tg', 'en'] as const)('%s letters on paper: the DOCX breaks pages where the PDF does', (language) => {
  it('every kind, plain and pushed to a page end, has the same page count and signature page in LibreOffice as in our PDF', async () => {
    const cases: { name: string; doc: Doc }[] = fixtureKinds.map((kind) => ({ name: `${kind}-${language}`, doc: fixtureLetter(kind, language) }));
    for (const kind of ['appeal', 'follow-up', 'information-request'] as const) {
      const pushed = await pushedOver(kind, language);
      expect(pushed, `${kind} ${language} can be lengthened to push its signature over`).not.toBeNull();
      cases.push({ name: `${kind}-${language}-full-page`, doc: pushed!.doc });
    }
    const ours = await Promise.all(cases.map(async ({ name, doc }) => ({ name, doc, layout: await layoutPdf(doc), pdf: '' })));
    const docx = await Promise.all(ours.map(async (item) => writeTemp(`${item.name}.docx`, await renderDocx(item.doc, item.name))));
    const converted = libreOfficePdfsWithFonts(...docx);
    const name = language === 'en' ? 'Salimzoda' : 'Салимзода';
    const rows = ours.map((item, i) => {
      const pdf = writeTemp(`${item.name}.pdf`, item.layout.bytes);
      png(pdf, `${item.name}-pdf`);
      png(converted[i]!, `${item.name}-libreoffice`);
      return { name: item.name, ours: [pageCount(pdf), pageWith(pdf, name)], libreOffice: [pageCount(converted[i]!), pageWith(converted[i]!, name)], layout: [item.layout.pages, item.layout.pageOfBlock[signatureOf(item.doc)]] };
    });
    console.log(JSON.stringify(rows));
    expect(pdfFonts(converted[0]!).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toContain('PTSerif-Regular');
    for (const row of rows) expect(row.libreOffice, row.name).toEqual(row.ours);
    for (const row of rows) expect(row.layout, row.name).toEqual(row.ours);
  });
});

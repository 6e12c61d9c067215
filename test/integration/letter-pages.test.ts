import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { layoutPdf } from '../../electron/documents/pdf-writer.ts';
import type { Doc } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { pageCount, pdfFonts, pdfText, wordBoxes, writeTemp } from '../support/documents.ts';
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

/** Text as poppler reads it, whitespace folded and a no-break hyphen (LibreOffice writes U+2011) read as a hyphen. */
const folded = (text: string) => text.replace(/\s+/g, ' ').replaceAll('\u2011', '-');

/** The page (1-based) whose text contains `needle`, whitespace folded. */
function pageWith(pdf: string, needle: string): number {
  const pages = pageCount(pdf);
  for (let page = 1; page <= pages; page += 1) if (folded(pdfText(pdf, '-f', String(page), '-l', String(page))).includes(needle)) return page;
  return 0;
}

/** Per language: the signatory's surname, the executor's, the annex heading as it reads, a word of the table's header row. */
const marks = {
  ru: { signature: 'Салимзода', executor: 'Каримова', heading: 'Приложение к письму от 15.01.2025 № 01-12/7', header: 'Место' },
  tg: { signature: 'Салимзода', executor: 'Каримова', heading: 'Замима ба мактуби аз 15.01.2025 № 01-12/7', header: 'Ҷой' },
  en: { signature: 'Salimzoda', executor: 'Karimova', heading: 'Annex to letter No. 01-12/7 of 15 January 2025', header: 'Place' },
} as const;

/**
 * Where the executor's mark and the annex heading stand (pdftotext -bbox): the mark's page and whether it stands
 * below the signatory's name there, in the left half; the heading's page and the page the table starts on (its
 * header row, which never leaves the first row).
 */
function placesOf(pdf: string, language: Language) {
  const m = marks[language];
  const pages = pageCount(pdf);
  const find = (word: string) => {
    for (let page = 1; page <= pages; page += 1) {
      const box = wordBoxes(pdf, page).find((b) => b.word === word);
      if (box) return { page, box };
    }
    return null;
  };
  const [signature, executor] = [find(m.signature), find(m.executor)];
  return {
    signaturePage: signature?.page ?? 0,
    executorPage: executor?.page ?? 0,
    executorBelowLeft: !!signature && !!executor && executor.box.yMin > signature.box.yMax && executor.box.xMax < A4_HALF_WIDTH,
    headingPage: pageWith(pdf, m.heading),
    tablePage: find(m.header)?.page ?? 0,
  };
}
const A4_HALF_WIDTH = 297;

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
      // The longest that still ends on the page: the mark just fits below the signature.
      cases.push({ name: `${kind}-${language}-last-fit`, doc: fixtureLetter(kind, language, pushed!.extra - 1) });
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

    // The executor's mark stands on the letter's last page, below the signature, bottom left — in our PDF and in
    // LibreOffice's from the DOCX — and an annex's heading on the page its table starts on.
    ours.forEach((item, i) => {
      for (const [writer, pdf] of [['pdf', writeTemp(`${item.name}.pdf`, item.layout.bytes)], ['libreoffice', converted[i]!]] as const) {
        const places = placesOf(pdf, language);
        const label = `${item.name} ${writer}`;
        expect(places.signaturePage, label).toBeGreaterThan(0);
        expect(places.executorPage, label).toBe(places.signaturePage);
        expect(places.executorBelowLeft, label).toBe(true);
        if (item.name.startsWith('appeal-annex')) {
          expect(places.headingPage, label).toBeGreaterThan(places.signaturePage);
          expect(places.tablePage, label).toBe(places.headingPage);
        }
      }
    });
  });
});

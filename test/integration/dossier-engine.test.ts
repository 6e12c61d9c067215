import { spawnSync } from 'node:child_process';
import { Window } from 'happy-dom';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSvg, withChartPictures } from '../../electron/documents/charts.ts';
import { renderDocx } from '../../electron/documents/docx-writer.ts';
import { layoutPdf } from '../../electron/documents/pdf-writer.ts';
import { DocPreview } from '../../renderer/features/letters/DocPreview.tsx';
import { docSchema, type Block, type Doc } from '../../shared/document/model.ts';
import { docxParts, pageCount, pdfFonts, pdfText, qpdfCheck, writeTemp } from '../support/documents.ts';
import { dossierChartCategories, dossierDoc } from '../support/dossier-docs.ts';
import { goldenDocs } from '../support/golden-docs.ts';
import { libreOfficePdfsWithFonts } from '../support/libreoffice.ts';

/**
 * The document engine's dossier additions (issue 13), checked with real tools on a dossier-shaped Doc: the table of
 * contents gives the pages where pdftotext finds each heading, in our PDF and in LibreOffice's conversion of the
 * DOCX (whose TOC field holds the same numbers); charts are vector with their labels as text in the PDF, PNG images
 * with the data as alt text in the DOCX, the same SVG in the preview; figures with captions; the dossier's page
 * furniture; PDF/A-2b, tagged, fonts embedded, deterministic. Pages are written as PNGs to test-artifacts/dossier.
 */
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'dossier');
const folded = (text: string) => text.replace(/\s+/g, ' ').trim();
const headings = (doc: Doc) => doc.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
/** The text of each page (form feeds split them), whitespace folded. */
const pagesOf = (path: string) => pdfText(path, '-layout').split('\f').map(folded);
/** The first page (1-based) after the contents where `heading` is a line of its own. */
function pageOfHeading(path: string, heading: string, after: number): number {
  const pages = pdfText(path, '-layout').split('\f').map((page) => page.split('\n').map(folded));
  return pages.findIndex((lines, i) => i + 1 > after && lines.includes(heading)) + 1;
}

/** The contents' entries as the PDF prints them: «heading . . . . N» per line. */
function contentsNumbers(path: string, page: number): Map<string, number> {
  const lines = pdfText(path, '-layout', '-f', String(page), '-l', String(page)).split('\n');
  const entries = new Map<string, number>();
  for (const line of lines) {
    const match = /^\s*(.+?)\s*(?:\.\s*){2,}(\d+)\s*$/.exec(line);
    if (match) entries.set(folded(match[1]!), Number(match[2]));
  }
  return entries;
}

function renderPngs(pdf: string, name: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(ARTIFACTS, name)]);
}

describe('the dossier in the PDF', () => {
  const doc = dossierDoc({ sheets: 24, figures: 3 });
  let layout: Awaited<ReturnType<typeof layoutPdf>>;
  let pdf: string;
  beforeAll(async () => {
    layout = await layoutPdf(doc);
    mkdirSync(ARTIFACTS, { recursive: true });
    pdf = join(ARTIFACTS, 'engine.pdf');
    writeFileSync(pdf, layout.bytes);
    renderPngs(pdf, 'engine-pdf');
  });

  it('is a valid Doc', () => expect(docSchema.safeParse(doc).success).toBe(true));

  it('the table of contents gives, for every heading, the page where pdftotext finds it', () => {
    const contentsPage = layout.pageOfBlock[doc.blocks.findIndex((block) => block.kind === 'contents')]!;
    const printed = contentsNumbers(pdf, contentsPage);
    expect([...printed.keys()]).toEqual(headings(doc));
    for (const [heading, number] of printed) expect([heading, number]).toEqual([heading, pageOfHeading(pdf, heading, contentsPage)]);
    // Not all on one page: the numbers say something.
    expect(new Set(printed.values()).size).toBeGreaterThan(3);
  });

  it('charts are vector: their categories and counts are text on the page, and the page holds no image', () => {
    const chartPage = layout.pageOfBlock[doc.blocks.findIndex((block) => block.kind === 'chart')]!;
    const text = folded(pdfText(pdf, '-f', String(chartPage), '-l', String(chartPage)));
    for (const category of dossierChartCategories) expect(text).toContain(category);
    for (const count of ['17', '9', '11', '4']) expect(text.split(' ')).toContain(count);
    const images = spawnSync('pdfimages', ['-list', '-f', String(chartPage), '-l', String(chartPage), pdf], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(images.length).toBe(2); // the header lines only
  });

  it('figures are images with their captions under them', () => {
    const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(images.length).toBe(3);
    expect(folded(pdfText(pdf))).toContain('photo-2.png — фото КПП «Фотех»');
  });

  it('carries the classification mark on every page and «Страница N из M» on every page but the cover', () => {
    const pages = pagesOf(pdf).slice(0, layout.pages);
    expect(pages.length).toBe(pageCount(pdf));
    pages.forEach((text, i) => {
      expect(text).toContain('Для служебного пользования');
      if (i === 0) expect(text).not.toContain('Страница');
      else expect(text).toContain(`Страница ${i + 1} из ${layout.pages}`);
    });
  });

  it('is PDF/A-2b, tagged (TOC, TOCI, Figure with Alt), fonts embedded, valid, and the same bytes every time', async () => {
    expect(qpdfCheck(pdf).status).toBe(0);
    const info = spawnSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/pdfaid:part>2</);
    expect(info).toMatch(/pdfaid:conformance>B</);
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(/Tagged:\s+yes/);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded && font.name.includes('PTSerif'))).toBe(true);
    const structure = spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 }).stdout.toString('latin1');
    for (const tag of ['/TOC', '/TOCI', '/Figure', '/Caption', '/H1', '/H2']) expect(structure).toContain(`/S ${tag}`);
    expect(structure).toMatch(/\/Alt [(<]/);
    expect((await layoutPdf(doc)).bytes.equals(layout.bytes)).toBe(true);
  });

  it('letters keep their page numbers from page 2 and no mark (no furniture in their meta)', async () => {
    const letter = goldenDocs['letter-ru']!;
    const path = writeTemp('letter.pdf', (await layoutPdf({ ...letter, blocks: [...letter.blocks, { kind: 'pageBreak' }, { kind: 'paragraph', style: 'body', runs: [{ text: 'Третья страница.' }] }] })).bytes);
    const pages = pagesOf(path);
    expect(pages.join(' ')).not.toContain('Страница');
    expect(pages[1]).toMatch(/^2 /);
  });
});

describe('the dossier in the DOCX', () => {
  const doc = dossierDoc({ sheets: 24, figures: 3 });

  it('has a TOC field (\\o "1-2" \\h) whose written entries hold the PDF’s page numbers, Heading1/2 styles, chart and figure images with alt text, and the furniture', async () => {
    const [parts, layout] = await Promise.all([renderDocx(doc, 'seed').then(docxParts), layoutPdf(doc)]);
    const xml = parts.get('word/document.xml')!;
    expect(xml).toMatch(/<w:fldChar w:fldCharType="begin"[^>]*\/>/);
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(xml).toContain('w:fldCharType="separate"');
    expect(xml).toContain('w:fldCharType="end"');
    // Each entry: its text, a tab, the page the PDF gives the heading.
    const entries = [...xml.matchAll(/<w:pStyle w:val="TOC(\d)"\/>.*?<w:t[^>]*>([^<]*)<\/w:t><w:tab\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => [m[2], Number(m[3])]);
    const expected = doc.blocks.flatMap((block, index) => (block.kind === 'heading' ? [[block.text, layout.pageOfBlock[index]]] : []));
    expect(entries).toEqual(expected);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/<w:bookmarkStart w:name="_Toc\d+" w:id="\d+"\/>/);
    expect(xml.match(/<wp:docPr /g)?.length).toBe(3 + 3); // three charts, three figures
    expect([...parts.keys()].filter((name) => name.startsWith('word/media/')).length).toBe(3 + 1); // the figures share one picture
    expect(xml).toContain('descr="Случаи по видам нарушений: Задержание 17; Отказ в медицинской помощи 9; Депортация 11; Изъятие документов 4"');
    const footers = [...parts].filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, part]) => part).join('');
    expect(footers).toContain('Страница ');
    expect(footers).toContain('NUMPAGES');
    expect([...parts].filter(([name]) => /word\/header\d+\.xml/.test(name)).map(([, part]) => part).join('')).toContain('Для служебного пользования');
  });

  it('LibreOffice shows the same headings in the same order, its contents with the same numbers, on the pages where it puts them, and the chart data', async () => {
    const docx = writeTemp('dossier-lo.docx', await renderDocx(doc, 'seed'));
    const [converted] = libreOfficePdfsWithFonts(docx);
    renderPngs(converted!, 'engine-docx-libreoffice');
    const ours = await layoutPdf(doc);
    const contentsPage = ours.pageOfBlock[doc.blocks.findIndex((block) => block.kind === 'contents')]!;
    const printed = contentsNumbers(converted!, contentsPage);
    expect([...printed.keys()]).toEqual(headings(doc));
    // The numbers it shows are the ones we wrote; where its pagination matches ours, the heading stands there.
    const oursPrinted = contentsNumbers(writeTemp('ours.pdf', ours.bytes), contentsPage);
    expect([...printed]).toEqual([...oursPrinted]);
    const placed = [...printed].map(([heading]) => pageOfHeading(converted!, heading, contentsPage));
    expect(placed).toEqual([...placed].sort((a, b) => a - b)); // the same order
    const matching = [...printed].filter(([, number], i) => placed[i] === number).length;
    expect(matching / printed.size).toBeGreaterThanOrEqual(0.9);
    expect(folded(pdfText(converted!))).toContain('Случаи по видам нарушений');
  });
});

describe('one chart renderer for the three writers', () => {
  const chart = dossierDoc().blocks.find((block): block is Extract<Block, { kind: 'chart' }> => block.kind === 'chart')!;

  it('gives the same SVG for the same data, with the labels as text', async () => {
    const svg = await chartSvg(chart);
    expect(await chartSvg(chart)).toBe(svg);
    // A long label is wrapped into lines (tspans): each of its words is there.
    for (const word of dossierChartCategories.flatMap((category) => category.split(' '))) expect(svg).toContain(word);
    expect(svg).not.toMatch(/<script|href=/i);
  });

  it('the preview draws the SVG main filled in, inline from its allow-listed tree, named by the data', async () => {
    const doc = await withChartPictures(dossierDoc({ sheets: 1, figures: 1 }));
    // The window parses the SVG with its DOMParser (renderer/features/letters/safe-svg.ts); Node has none.
    const had = globalThis.DOMParser;
    globalThis.DOMParser = new Window().DOMParser as unknown as typeof DOMParser;
    try {
      const html = renderToStaticMarkup(createElement(DocPreview, { doc, label: 'dossier' }));
      const svg = await chartSvg(chart);
      expect(html).toContain('role="img" aria-label="Случаи по видам нарушений: Задержание 17; Отказ в медицинской помощи 9; Депортация 11; Изъятие документов 4"');
      // The same picture as the writers': every label and count of the writers' SVG is text in the preview's.
      const labels = (markup: string) => [...markup.matchAll(/<(?:text|tspan)[^>]*>([^<]+)</g)].map((m) => m[1]!.trim()).filter(Boolean);
      const previewChart = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
      expect(labels(svg)).toContain('17');
      expect(labels(previewChart).sort()).toEqual(labels(svg).sort());
      expect(previewChart).not.toMatch(/<script|href=|<image|foreignObject/i);
      expect(html).toContain('<figcaption>');
    } finally {
      globalThis.DOMParser = had;
    }
    // Without the picture, the data as a table.
    expect(renderToStaticMarkup(createElement(DocPreview, { doc: dossierDoc({ sheets: 1 }), label: 'dossier' }))).toContain('<td>17</td>');
  });
});

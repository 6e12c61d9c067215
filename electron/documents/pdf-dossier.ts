import SVGtoPDF from 'svg-to-pdfkit';
import { chartLook, contentsLook, figureLook, furnitureLook, mmToPt, page, pageOf, type ParagraphLook } from '../../shared/document/layout.ts';
import { chartDescription, type Block, type ChartBlock, type DocMeta, type FigureBlock } from '../../shared/document/model.ts';
import type { Row } from './pdf-flow.ts';
import { composeLines, drawLine, into, lineOf, tagged, type Ctx, type Pdf, type Struct, type Targets } from './pdf-text.ts';
import { imageHeightMm } from './image-size.ts';
import { safeText } from './safe-text.ts';

/**
 * The dossier's blocks in the PDF (issue 13): the table of contents with the pages its headings start on, charts
 * drawn as vector from the one chart renderer's SVG (charts.ts), figures with their captions, and the dossier's
 * page furniture. Tagged: TOC > TOCI, Figure with Alt (its caption a Caption), furniture as artifacts.
 */
export type ParagraphRows = (ctx: Ctx, parent: Struct, pieces: { text: string }[], look: ParagraphLook, block: number, options?: { whole?: boolean; targets?: Targets }) => Row[];

export interface Area {
  ctx: Ctx;
  root: Struct;
  x: number;
  width: number;
  paragraphRows: ParagraphRows;
}

/** The page (1-based) each block starts on, filled in once the layout is placed and read when the contents is drawn. */
export interface Numbers {
  pageOfBlock: readonly number[] | undefined;
}

/** The named destination of a heading the contents links to (the DOCX's bookmark has the same number). */
export const headingDestination = (index: number) => `heading-${index}`;

/** The headings a table of contents lists: level 1 and 2 after it, with their block index. */
export function contentsEntries(blocks: readonly Block[], contentsIndex: number): { index: number; level: 1 | 2; text: string }[] {
  return blocks.flatMap((block, index) => (index > contentsIndex && block.kind === 'heading' ? [{ index, level: block.level, text: block.text }] : []));
}

/**
 * The table of contents: its title, then one entry per heading — the heading's text (level 2 indented), dot leaders,
 * and the page it starts on flush right in a box of fixed width, so the numbers never move a line: the layout with
 * the numbers is the layout they were read from: `numbers` is filled once that layout is placed (pdf-writer.ts).
 */
export function contentsRows(area: Area, block: Extract<Block, { kind: 'contents' }>, index: number, blocks: readonly Block[], numbers: Numbers | undefined): Row[] {
  const { ctx, root } = area;
  const { pdf } = ctx;
  const toc = tagged(pdf, root, 'TOC');
  const title = area.paragraphRows(ctx, toc.element, [{ text: block.title }], contentsLook.title, index, { whole: true, targets: into(tagged(pdf, toc.element, 'Caption')) });
  const look = contentsLook.entry;
  const numberWidth = mmToPt(contentsLook.numberMm);
  const entries = contentsEntries(blocks, index).flatMap((entry) => {
    const indent = entry.level === 2 ? mmToPt(contentsLook.level2IndentMm) : 0;
    const width = area.width - indent - numberWidth;
    const lines = composeLines(ctx, [{ text: entry.text }], look, width);
    // TOCI > Link: the entry's text and its link annotation (an OBJR) in one element, as PDF/UA tags a link.
    const link = tagged(pdf, tagged(pdf, toc.element, 'TOCI').element, 'Link');
    const item = into(link);
    const destination = headingDestination(entry.index);
    return lines.map((line, i): Row => ({
      height: lineOf(look),
      spaceBefore: 0,
      spaceAfter: i === lines.length - 1 ? look.spaceAfterPt : 0,
      breakBefore: i === 0,
      block: index,
      draw: (y) => {
        drawLine(ctx, line, look, { x: area.x + indent, width, y }, item);
        // Each line of the entry, to the page number's edge, goes to the heading (its named destination).
        pdf.goTo(area.x + indent, y, area.width - indent, lineOf(look), destination, linkOptions(link.element, entry.text));
        if (i !== lines.length - 1) return;
        const number = String(numbers?.pageOfBlock?.[entry.index] ?? '');
        const [numberLine] = composeLines(ctx, [{ text: number }], { ...look, align: 'right' }, numberWidth);
        leaders(pdf, look, area.x + indent + line.width, area.x + area.width - numberWidth, y);
        if (numberLine) drawLine(ctx, numberLine, { ...look, align: 'right' }, { x: area.x + area.width - numberWidth, width: numberWidth, y }, item);
      },
    }));
  });
  return [...title, ...entries];
}

/** Dot leaders from `from` to `to` on the line at `y`: an artifact, not text a reader reads out. */
function leaders(pdf: Pdf, look: ParagraphLook, from: number, to: number, y: number): void {
  pdf.font('serif').fontSize(look.sizePt);
  const dot = `${contentsLook.leader} `;
  const step = pdf.widthOfString(dot);
  const start = from + step;
  const count = Math.floor((to - start) / step);
  if (count <= 0) return;
  pdf.markContent('Artifact', { type: 'Layout' });
  pdf.text(dot.repeat(count), to - count * step, y, { lineBreak: false });
  pdf.endMarkedContent();
}

/** A picture's rows: the picture, then its caption lines, all on one page (the page may break only above). */
function pictureRows(area: Area, index: number, heightPt: number, widthPt: number, alt: string, caption: readonly string[], paint: (x: number, y: number) => void): Row[] {
  const { ctx, root } = area;
  const { pdf } = ctx;
  const figure = tagged(pdf, root, 'Figure', { alt });
  const captionTargets = into(tagged(pdf, root, 'Caption'));
  const picture: Row = {
    height: heightPt,
    spaceBefore: figureLook.spaceBeforePt,
    spaceAfter: figureLook.gapPt,
    breakBefore: true,
    block: index,
    draw: (y) => {
      figure.element.add(pdf.markStructureContent(figure.tag));
      paint(area.x + (area.width - widthPt) / 2, y);
      pdf.endMarkedContent();
    },
  };
  const lines = caption.flatMap((line) => area.paragraphRows(ctx, root, [{ text: line }], figureLook.caption, index, { whole: true, targets: captionTargets }));
  lines.forEach((row) => (row.breakBefore = false));
  const last = lines[lines.length - 1] ?? picture;
  last.spaceAfter = figureLook.spaceAfterPt;
  return [picture, ...lines];
}

/** A figure (an evidence thumbnail) centred at its width, its caption under it. */
export function figureRows(area: Area, block: FigureBlock, index: number): Row[] {
  const w = Math.min(mmToPt(block.image.widthMm), area.width);
  const h = (w * imageHeightMm(block.image)) / block.image.widthMm;
  // Decoded when drawn, one picture at a time: the Doc's base64 is the only copy held for the whole layout.
  return pictureRows(area, index, h, w, block.alt, block.caption, (x, y) => area.ctx.pdf.image(Buffer.from(block.image.base64, 'base64'), x, y, { width: w, height: h }));
}

/**
 * A chart: the SVG of charts.ts drawn as PDF paths and text in the document's own embedded font (never a standard
 * font, which PDF/A forbids unembedded), no external images; its title as the caption, its data as the Alt text.
 * `svg` is absent while the layout is only measured (pageMap): a chart's size does not depend on its picture.
 */
export function chartRows(area: Area, block: ChartBlock, index: number, svg: string | undefined): Row[] {
  const w = mmToPt(chartLook.widthMm);
  const h = mmToPt(chartLook.heightMm);
  return pictureRows(area, index, h, w, chartDescription(block), [block.title], (x, y) => {
    if (svg === undefined) return;
    SVGtoPDF(area.ctx.pdf, svg, x, y, { width: w, height: h, fontCallback: (_family, bold) => (bold ? 'serif-bold' : 'serif'), imageCallback: () => '', warningCallback: () => undefined });
  });
}

/**
 * A dossier's furniture on page `index` (0-based) of `count`, the current one, as artifacts: the classification mark
 * top right in the header; «page N of M» centred at the foot, except on the cover.
 */
export function dossierFurniture(pdf: Pdf, meta: DocMeta, margins: { left: number; right: number }, index: number, count: number): void {
  const width = pdf.page.width - margins.left - margins.right;
  const saved = { ...pdf.page.margins };
  pdf.page.margins.top = 0; // writing inside the margins must not start a new page
  pdf.page.margins.bottom = 0;
  pdf.font('serif').fontSize(furnitureLook.sizePt);
  if (meta.classification) {
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.text(meta.classification, margins.left, mmToPt(page.headerMm), { width, align: 'right', lineBreak: false });
    pdf.endMarkedContent();
  }
  if (!(meta.furniture?.cover && index === 0)) {
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.text(pageOf[meta.language](index + 1, count), margins.left, pdf.page.height - mmToPt(furnitureLook.footerMm) - furnitureLook.sizePt, { width, align: 'center', lineBreak: false });
    pdf.endMarkedContent();
  }
  pdf.page.margins.top = saved.top;
  pdf.page.margins.bottom = saved.bottom;
}

/** A PDF text string for an annotation's entry: pdfkit writes a String object as a string (a primitive as a name). */
const pdfString = (text: string) => new String(safeText(text)) as unknown as string;

/** A link annotation's options: its structure parent (the Link element, given its OBJR) and its text (pdfkit's types know neither). */
const linkOptions = (parent: Struct, text: string) => ({ structParent: parent, Contents: pdfString(text) }) as PDFKit.Mixins.AnnotationOption;

import PDFDocument from 'pdfkit';
import { assertNever } from '../../shared/assert-never.ts';
import {
  addresseeLook,
  executorLook,
  headingLook,
  keepLook,
  keepsWithNext,
  keyLook,
  letterheadLook,
  listLook,
  lookOf,
  mmToPt,
  page,
  signatureLook,
  type,
  type ParagraphLook,
} from '../../shared/document/layout.ts';
import type { Block, Doc } from '../../shared/document/model.ts';
import { chartSvg } from './charts.ts';
import { fontPath } from './fonts.ts';
import { chartRows, contentsRows, dossierFurniture, figureRows, type Area } from './pdf-dossier.ts';
import { imageHeightMm } from './image-size.ts';
import { pageOfBlocks, placeRows, type Row } from './pdf-flow.ts';
import { tableRows } from './pdf-table.ts';
import { composeLines, drawLine, into, lineOf, tagged, type Ctx, type Pdf, type Struct, type Targets } from './pdf-text.ts';
import { safeText } from './safe-text.ts';


const M = { top: mmToPt(page.marginMm.top), right: mmToPt(page.marginMm.right), bottom: mmToPt(page.marginMm.bottom), left: mmToPt(page.marginMm.left) };
/** Without a date (a draft) the document still needs a fixed creation date, so its bytes stay deterministic. */
const UNDATED = '2000-01-01';

/** A PDF and where its blocks fell: the page (1-based) each block of the Doc starts on, and the number of pages. */
export interface PdfLayout {
  bytes: Buffer;
  pages: number;
  pageOfBlock: number[];
}

/**
 * The PDF writer: PDF/A-2b, tagged (a structure tree of P, H1/H2, L with LI, Lbl and LBody, Table, Figure; page
 * numbers and rules are artifacts), PT Serif embedded as subsets, text extractable, and deterministic — the
 * creation date comes from the letter's date, so the same Doc gives the same bytes. It sets its own lines
 * (pdf-lines.ts: first fit, soft hyphens, no-break spaces) and pages (pdf-flow.ts: widows, orphans, keep with
 * next), with every measure from shared/document/layout.ts.
 */
export async function renderPdf(doc: Doc): Promise<Buffer> {
  return (await layoutPdf(doc)).bytes;
}

export async function layoutPdf(doc: Doc): Promise<PdfLayout> {
  const charts = new Map<number, string>();
  for (const [index, block] of doc.blocks.entries()) if (block.kind === 'chart') charts.set(index, await chartSvg(block));
  // A table of contents gives the pages its headings start on: they are read from the layout without numbers, and
  // the numbers (in boxes of fixed width) move nothing — checked, not assumed.
  const hasContents = doc.blocks.some((block) => block.kind === 'contents');
  const numbered = hasContents ? pageMap(doc).pageOfBlock : undefined;
  const { pdf, root, placed, pages } = plan(doc, { charts, pageOfBlock: numbered });
  if (numbered && pageOfBlocks(placed, doc.blocks.length).some((p, i) => p !== numbered[i])) throw new Error('the table of contents moved the pages it numbers');
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  let current = 0;
  for (const { row, page: onPage, y, headerY } of placed) {
    for (; current < onPage; current += 1) pdf.addPage();
    if (headerY !== undefined && row.header) row.header.draw(headerY);
    row.draw(y);
  }
  for (; current < pages - 1; current += 1) pdf.addPage();
  root.end();
  if (doc.meta.furniture) dossierFurniture(pdf, { ...doc.meta, classification: doc.meta.classification && safeText(doc.meta.classification) }, M);
  else numberPages(pdf);
  pdf.end();
  const pageOfBlock = pageOfBlocks(placed, doc.blocks.length);
  return done.then((bytes) => ({ bytes, pages, pageOfBlock }));
}

/**
 * Where the blocks fall, without writing the PDF: the page (1-based) each block starts on and the number of pages —
 * the same layout the PDF is drawn from, so an annex's sheet count (annex-sheets.ts) or a table of contents says
 * what the paper shows.
 */
export function pageMap(doc: Doc): { pages: number; pageOfBlock: number[] } {
  // Nothing is drawn or written: the unfinished document is dropped.
  const { placed, pages } = plan(doc);
  return { pages, pageOfBlock: pageOfBlocks(placed, doc.blocks.length) };
}

/** The document with its fonts, its blocks as rows and the rows placed on pages: nothing drawn yet. */
function plan(doc: Doc, drawn: { charts?: ReadonlyMap<number, string>; pageOfBlock?: readonly number[] | undefined } = {}) {
  const created = new Date(`${doc.meta.date ?? UNDATED}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: [mmToPt(page.widthMm), mmToPt(page.heightMm)],
    margins: M,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: doc.meta.language,
    displayTitle: true,
    info: { Title: safeText(doc.meta.number ? `${doc.meta.title} — № ${doc.meta.number}` : doc.meta.title), Producer: 'Ombuds Dossier', Creator: 'Ombuds Dossier', CreationDate: created, ModDate: created },
  });
  pdf.registerFont('serif', fontPath('regular'));
  pdf.registerFont('serif-bold', fontPath('bold'));
  pdf.registerFont('serif-italic', fontPath('italic'));
  pdf.registerFont('serif-bold-italic', fontPath('bold-italic'));

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const ctx: Ctx = { pdf, language: doc.meta.language };
  const keep = keepsWithNext(doc.blocks);
  const rows: Row[] = [];
  const area: Area = { ctx, root, x: M.left, width: textWidth(pdf), paragraphRows };
  doc.blocks.forEach((block, index) => {
    const own = blockRows(ctx, root, block, index, { area, blocks: doc.blocks, ...drawn });
    // A block kept with the next one: the page may not break before the next block's first row.
    if (index > 0 && keep[index - 1] && own[0]) own[0].breakBefore = false;
    rows.push(...own);
  });
  const { placed, pages } = placeRows(rows, M.top, pdf.page.height - M.bottom);
  return { pdf, root, placed, pages };
}

const textWidth = (pdf: Pdf) => pdf.page.width - M.left - M.right;

/**
 * A paragraph as rows, one per line: the page may break before its first line, and inside it only where
 * `keepLook.minLines` lines stay on each side (no orphans, no widows), unless `whole` keeps it together.
 */
function paragraphRows(ctx: Ctx, parent: Struct, pieces: Parameters<typeof composeLines>[1], look: ParagraphLook, block: number, options: { tag?: string; x?: number; width?: number; whole?: boolean; letterSpacingPt?: number; targets?: Targets } = {}): Row[] {
  const x = options.x ?? M.left + mmToPt(look.leftMm);
  const width = options.width ?? textWidth(ctx.pdf) - mmToPt(look.leftMm);
  const lines = composeLines(ctx, pieces, look, width, options.letterSpacingPt);
  const targets = options.targets ?? into(tagged(ctx.pdf, parent, options.tag ?? 'P'));
  const n = lines.length;
  const { minLines } = keepLook;
  return lines.map((line, i) => ({
    height: lineOf(look),
    spaceBefore: i === 0 ? look.spaceBeforePt : 0,
    spaceAfter: i === n - 1 ? look.spaceAfterPt : 0,
    breakBefore: i === 0 || (!options.whole && i >= minLines && n - i >= minLines),
    block,
    draw: (y) => drawLine(ctx, line, look, { x, width, y }, targets, options.letterSpacingPt),
  }));
}

/** Rows of lines that stay together (letterhead, addressee, key): the page may break only before the first. */
function together(rows: Row[], spaceBefore: number, spaceAfter: number): Row[] {
  rows.forEach((row, i) => {
    row.breakBefore = i === 0;
    if (i === 0) row.spaceBefore += spaceBefore;
    if (i === rows.length - 1) row.spaceAfter += spaceAfter;
  });
  return rows;
}

/** What the dossier's blocks need besides their own: the area, the Doc's blocks, the charts' SVG, the pages. */
interface Extras {
  area: Area;
  blocks: readonly Block[];
  charts?: ReadonlyMap<number, string>;
  pageOfBlock?: readonly number[] | undefined;
}

function blockRows(ctx: Ctx, root: Struct, block: Block, index: number, extras: Extras): Row[] {
  const { pdf } = ctx;
  switch (block.kind) {
    case 'letterhead': {
      const rows: Row[] = [];
      if (block.emblem) {
        const emblem = block.emblem;
        const [w, h] = [mmToPt(emblem.widthMm), mmToPt(imageHeightMm(emblem))];
        const figure = tagged(pdf, root, 'Figure', { alt: block.lines[0] ?? 'Emblem' });
        rows.push({
          height: h,
          spaceBefore: 0,
          spaceAfter: letterheadLook.emblemGapPt,
          breakBefore: true,
          block: index,
          draw: (y) => {
            figure.element.add(pdf.markStructureContent(figure.tag));
            pdf.image(Buffer.from(emblem.base64, 'base64'), (pdf.page.width - w) / 2, y, { width: w, height: h });
            pdf.endMarkedContent();
          },
        });
      }
      block.lines.forEach((line, i) => rows.push(...paragraphRows(ctx, root, [{ text: line }], i === 0 ? letterheadLook.name : letterheadLook.details, index)));
      // The rule is the last line's bottom border, as in the DOCX: that far below the line, as thick as it is.
      rows[rows.length - 1]!.spaceAfter = 0;
      rows.push({ height: letterheadLook.ruleWidthPt, spaceBefore: letterheadLook.ruleGapPt, spaceAfter: 0, breakBefore: false, block: index, draw: (y) => rule(pdf, y + letterheadLook.ruleWidthPt / 2) });
      return together(rows, 0, letterheadLook.spaceAfterPt);
    }
    case 'addressee': {
      const indent = mmToPt(addresseeLook.indentMm);
      const rows = block.lines.flatMap((line) => paragraphRows(ctx, root, [{ text: line }], addresseeLook.line, index, { x: M.left + indent, width: textWidth(pdf) - indent }));
      return together(rows, addresseeLook.spaceBeforePt, addresseeLook.spaceAfterPt);
    }
    case 'paragraph':
      return paragraphRows(ctx, root, block.runs, lookOf(block.style, ctx.language), index, block.style === 'subject' ? { tag: 'H1' } : {});
    case 'heading':
      return paragraphRows(ctx, root, [{ text: block.text }], headingLook, index, { tag: block.level === 1 ? 'H1' : 'H2', whole: true });
    case 'list': {
      const list = tagged(pdf, root, 'L');
      return block.items.flatMap((item, i) => {
        const li = tagged(pdf, list.element, 'LI');
        const label = tagged(pdf, li.element, 'Lbl');
        const body = tagged(pdf, li.element, 'LBody');
        const marker = (block.ordered ? listLook.number(i + 1, block.marker) : listLook.bullet) + listLook.gap;
        return paragraphRows(ctx, list.element, [{ text: marker, role: 'label' }, ...item], listLook.item, index, { targets: { label, body } });
      });
    }
    case 'table':
      return tableRows(ctx, root, block, index, { x: M.left, width: textWidth(pdf) });
    case 'signature': {
      // Position on the left; the name right-aligned on the baseline of the position's last line.
      const look = signatureLook.line;
      const positionWidth = textWidth(pdf) * signatureLook.positionShare;
      const position = into(tagged(pdf, root, 'P'));
      const name = into(tagged(pdf, root, 'P'));
      const positionLines = block.position.flatMap((line) => composeLines(ctx, [{ text: line }], look, positionWidth));
      const [nameLine] = composeLines(ctx, [{ text: block.name }], { ...look, align: 'right' }, textWidth(pdf));
      const height = positionLines.length * lineOf(look);
      return [
        {
          height,
          spaceBefore: signatureLook.spaceBeforePt,
          spaceAfter: 0,
          breakBefore: true,
          block: index,
          draw: (y) => {
            positionLines.forEach((line, i) => drawLine(ctx, line, look, { x: M.left, width: positionWidth, y: y + i * lineOf(look) }, position));
            if (nameLine) drawLine(ctx, nameLine, { ...look, align: 'right' }, { x: M.left, width: textWidth(pdf), y: y + height - lineOf(look) }, name);
          },
        },
      ];
    }
    case 'executor': {
      // Bottom left of the page the letter ends on, the signature's (GOST R 7.0.97): the page may not break before
      // it, so a mark with no room below the signature takes the signature over with it (pdf-flow.ts).
      const look = executorLook.line;
      const element = into(tagged(pdf, root, 'P'));
      const lines = block.lines.flatMap((line) => composeLines(ctx, [{ text: line }], look, mmToPt(executorLook.widthMm)));
      return [
        {
          height: lines.length * lineOf(look) + executorLook.slackPt,
          spaceBefore: executorLook.gapPt,
          spaceAfter: 0,
          breakBefore: false,
          atFoot: true,
          block: index,
          draw: (y) => lines.forEach((line, i) => drawLine(ctx, line, look, { x: M.left, width: mmToPt(executorLook.widthMm), y: y + i * lineOf(look) }, element)),
        },
      ];
    }
    case 'pageBreak':
      return [{ height: 0, spaceBefore: 0, spaceAfter: 0, breakBefore: true, newPage: true, block: index, draw: () => undefined }];
    case 'key': {
      const rows = block.lines.flatMap((line) => paragraphRows(ctx, root, [{ text: line }], keyLook.line, index, { letterSpacingPt: keyLook.letterSpacingPt }));
      return together(rows, keyLook.spaceBeforePt, keyLook.spaceAfterPt);
    }
    case 'contents':
      return contentsRows(extras.area, block, index, extras.blocks, extras.pageOfBlock);
    case 'chart':
      return chartRows(extras.area, block, index, extras.charts?.get(index));
    case 'figure':
      return figureRows(extras.area, block, index);
    default:
      return assertNever(block, 'block kind');
  }
}

/** A horizontal rule across the text width at `y`, an artifact (not part of the text's structure). */
function rule(pdf: Pdf, y: number): void {
  pdf.markContent('Artifact', { type: 'Layout' });
  pdf.moveTo(M.left, y).lineTo(pdf.page.width - M.right, y).lineWidth(letterheadLook.ruleWidthPt).stroke();
  pdf.endMarkedContent();
}

/** Page numbers from page 2, centred at the top, as artifacts (not part of the text's structure). */
function numberPages(pdf: Pdf): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start + 1; index < start + count; index += 1) {
    pdf.switchToPage(index);
    pdf.markContent('Artifact', { type: 'Pagination' });
    const top = pdf.page.margins.top;
    pdf.page.margins.top = 0; // writing inside the top margin must not start a new page
    pdf.font('serif').fontSize(type.pageNumberPt).text(String(index - start + 1), M.left, mmToPt(page.headerMm), { width: pdf.page.width - M.left - M.right, align: 'center', lineBreak: false });
    pdf.page.margins.top = top;
    pdf.endMarkedContent();
  }
}

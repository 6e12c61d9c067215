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
import { ByteSink } from './byte-sink.ts';
import { chartSvg } from './charts.ts';
import { fontPath } from './fonts.ts';
import { chartRows, contentsEntries, contentsRows, dossierFurniture, figureRows, headingDestination, type Area, type Numbers } from './pdf-dossier.ts';
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
  // A table of contents gives the pages its headings start on: its numbers are read from this same layout once it is
  // placed, and drawn in boxes of fixed width, so they move nothing (one layout, not one to measure and one to draw).
  const numbers: Numbers = { pageOfBlock: undefined };
  const { pdf, root, placed, pages, elementsOf } = plan(doc, { charts, numbers });
  const pageOfBlock = pageOfBlocks(placed, doc.blocks.length);
  numbers.pageOfBlock = pageOfBlock;
  const sink = new ByteSink();
  pdf.on('data', (chunk: Buffer) => sink.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(sink.bytes()));
    pdf.on('error', reject);
  });
  // pdfkit's stream holds what it emits until it has been read once (a stream is "sync" until its first read):
  // one turn of the event loop lets it start, and from then on each chunk goes straight to the sink.
  await nextTurn();
  // The number of pages is known before anything is drawn, so each page gets its furniture («page N of M») as it is
  // finished and pdfkit writes it out (compressed) when the next begins: no page is held until the end, and each
  // block's structure elements are written out once its last row is drawn (pdfkit frees an ended element's children).
  const meta = { ...doc.meta, classification: doc.meta.classification && safeText(doc.meta.classification) };
  const furnish = (index: number) => (doc.meta.furniture ? dossierFurniture(pdf, meta, M, index, pages) : numberPage(pdf, index));
  let current = 0;
  let block = -1;
  const finishBlock = () => {
    for (const element of elementsOf[block] ?? []) element.end();
    elementsOf[block] = [];
  };
  for (const { row, page: onPage, y, headerY } of placed) {
    if (row.block !== block) {
      finishBlock();
      block = row.block;
    }
    for (; current < onPage; current += 1) {
      furnish(current);
      pdf.addPage();
      // Between pages the event loop runs: the app's main process answers the window while a long dossier is drawn.
      await nextTurn();
    }
    if (headerY !== undefined && row.header) row.header.draw(headerY);
    row.draw(y);
  }
  finishBlock();
  for (; current < pages - 1; current += 1) {
    furnish(current);
    pdf.addPage();
  }
  furnish(current);
  root.end();
  pdf.end();
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
function plan(doc: Doc, drawn: { charts?: ReadonlyMap<number, string>; numbers?: Numbers } = {}) {
  const created = new Date(`${doc.meta.date ?? UNDATED}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: [mmToPt(page.widthMm), mmToPt(page.heightMm)],
    margins: M,
    // Pages are written out as they are finished (layoutPdf draws each one's furniture before the next begins).
    bufferPages: false,
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
  /** Each block's elements directly under the document, to be ended (written out) once the block is drawn. */
  const elementsOf: Struct[][] = [];
  const linked = new Set(doc.blocks.flatMap((block, index) => (block.kind === 'contents' ? contentsEntries(doc.blocks, index).map((entry) => entry.index) : [])));
  doc.blocks.forEach((block, index) => {
    const own: Struct[] = [];
    elementsOf.push(own);
    const parent = { add: (element: Struct) => (root.add(element), own.push(element), parent) } as unknown as Struct;
    const area: Area = { ctx, root: parent, x: M.left, width: textWidth(pdf), paragraphRows };
    const blockRowsOf = blockRows(ctx, parent, block, index, { area, blocks: doc.blocks, linked, ...drawn });
    // A block kept with the next one: the page may not break before the next block's first row.
    if (index > 0 && keep[index - 1] && blockRowsOf[0]) blockRowsOf[0].breakBefore = false;
    for (const row of blockRowsOf) rows.push(row);
  });
  const { placed, pages } = placeRows(rows, M.top, pdf.page.height - M.bottom);
  return { pdf, root, placed, pages, elementsOf };
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
  numbers?: Numbers;
  /** The headings a table of contents lists (and links to). */
  linked: ReadonlySet<number>;
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
    case 'heading': {
      const rows = paragraphRows(ctx, root, [{ text: block.text }], headingLook, index, { tag: block.level === 1 ? 'H1' : 'H2', whole: true });
      const first = rows[0];
      if (first && extras.linked.has(index)) {
        // Where the contents' link goes: the top of the heading's first line, on the page it is drawn on.
        const draw = first.draw;
        first.draw = (y) => {
          pdf.addNamedDestination(headingDestination(index), 'XYZ', M.left, y, null);
          draw(y);
        };
      }
      return rows;
    }
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
      return contentsRows(extras.area, block, index, extras.blocks, extras.numbers);
    case 'chart':
      return chartRows(extras.area, block, index, extras.charts?.get(index));
    case 'figure':
      return figureRows(extras.area, block, index);
    default:
      return assertNever(block, 'block kind');
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A horizontal rule across the text width at `y`, an artifact (not part of the text's structure). */
function rule(pdf: Pdf, y: number): void {
  pdf.markContent('Artifact', { type: 'Layout' });
  pdf.moveTo(M.left, y).lineTo(pdf.page.width - M.right, y).lineWidth(letterheadLook.ruleWidthPt).stroke();
  pdf.endMarkedContent();
}

/** The page number of page `index` (0-based) from page 2, centred at the top, an artifact (not part of the text's structure). */
function numberPage(pdf: Pdf, index: number): void {
  if (index === 0) return;
  pdf.markContent('Artifact', { type: 'Pagination' });
  const top = pdf.page.margins.top;
  pdf.page.margins.top = 0; // writing inside the top margin must not start a new page
  pdf.font('serif').fontSize(type.pageNumberPt).text(String(index + 1), M.left, mmToPt(page.headerMm), { width: pdf.page.width - M.left - M.right, align: 'center', lineBreak: false });
  pdf.page.margins.top = top;
  pdf.endMarkedContent();
}

import PDFDocument from 'pdfkit';
import { assertNever } from '../../shared/assert-never.ts';
import {
  addresseeLook,
  executorLook,
  headingLook,
  keyLook,
  letterheadLook,
  lineHeight,
  listLook,
  mmToPt,
  page,
  paragraphLook,
  signatureLook,
  tableLook,
  type,
  type ParagraphLook,
} from '../../shared/document/layout.ts';
import type { Block, Doc, Run } from '../../shared/document/model.ts';
import { fontPath } from './fonts.ts';
import { imageHeightMm } from './image-size.ts';
import { safeText } from './safe-text.ts';

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const M = { top: mmToPt(page.marginMm.top), right: mmToPt(page.marginMm.right), bottom: mmToPt(page.marginMm.bottom), left: mmToPt(page.marginMm.left) };
/** Without a date (a draft) the document still needs a fixed creation date, so its bytes stay deterministic. */
const UNDATED = '2000-01-01';
const fontOf = (run: Pick<Run, 'bold' | 'italic'>) => (run.bold ? (run.italic ? 'serif-bold-italic' : 'serif-bold') : run.italic ? 'serif-italic' : 'serif');

/**
 * The PDF writer: PDF/A-2b, tagged (a structure tree of P, H, L, Table, Figure; page numbers and rules are
 * artifacts), PT Serif embedded as subsets, text extractable, and deterministic — the creation date comes from the
 * letter's date, so the same Doc gives the same bytes. Layout from shared/document/layout.ts.
 */
export function renderPdf(doc: Doc): Promise<Buffer> {
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
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('serif', fontPath('regular'));
  pdf.registerFont('serif-bold', fontPath('bold'));
  pdf.registerFont('serif-italic', fontPath('italic'));
  pdf.registerFont('serif-bold-italic', fontPath('bold-italic'));

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  for (const block of doc.blocks) writeBlock(pdf, root, block);
  root.end();
  numberPages(pdf);
  pdf.end();
  return done;
}

/** pdfkit adds lineGap to the font's own line height; this makes every line exactly `lineHeight` × size. */
const gapFor = (pdf: Pdf, sizePt: number) => sizePt * lineHeight - pdf.currentLineHeight(false);
const width = (pdf: Pdf) => pdf.page.width - M.left - M.right;

function runs(pdf: Pdf, parent: Struct, items: readonly Run[], look: ParagraphLook, options: { x?: number; width?: number; prefix?: string; letterSpacingPt?: number } = {}): void {
  const x = options.x ?? M.left + mmToPt(look.leftMm);
  const w = options.width ?? width(pdf) - mmToPt(look.leftMm);
  // pdfkit drops a run's leading space at a font change: it moves to the end of the run before.
  const all: Run[] = [...(options.prefix ? [{ text: options.prefix }] : []), ...items]
    .map((run) => ({ ...run }))
    .filter((run) => run.text.length > 0);
  for (let i = 1; i < all.length; i += 1) {
    const lead = /^\s+/.exec(all[i]!.text)?.[0];
    if (lead) {
      all[i - 1]!.text += lead;
      all[i]!.text = all[i]!.text.slice(lead.length);
    }
  }
  if (all.length === 0) all.push({ text: ' ' });
  pdf.fontSize(look.sizePt);
  if (look.spaceBeforePt) pdf.y += look.spaceBeforePt;
  const element = pdf.struct('P');
  parent.add(element);
  all.forEach((run, index) => {
    const last = index === all.length - 1;
    pdf.font(fontOf({ bold: run.bold || look.bold, italic: run.italic }));
    const text = safeText(run.text);
    const markings = { structParent: element, structType: 'Span' } as const;
    const style = { width: w, align: look.align, indent: mmToPt(look.firstLineMm), continued: !last, lineGap: gapFor(pdf, look.sizePt), characterSpacing: options.letterSpacingPt ?? 0 };
    if (index === 0) pdf.text(text, x, pdf.y, { ...style, ...markings });
    else pdf.text(text, { ...style, ...markings });
  });
  element.end();
  pdf.y += look.spaceAfterPt;
}

function writeBlock(pdf: Pdf, root: Struct, block: Block): void {
  switch (block.kind) {
    case 'letterhead': {
      if (block.emblem) {
        const emblem = block.emblem;
        const [w, h] = [mmToPt(emblem.widthMm), mmToPt(imageHeightMm(emblem))];
        const figure = pdf.struct('Figure', { alt: block.lines[0] ?? 'Emblem' }, () => {
          pdf.image(Buffer.from(emblem.base64, 'base64'), (pdf.page.width - w) / 2, pdf.y, { width: w, height: h });
        });
        root.add(figure);
        pdf.y += h + letterheadLook.emblemGapPt;
      }
      block.lines.forEach((line, index) => runs(pdf, root, [{ text: line }], index === 0 ? letterheadLook.name : letterheadLook.details));
      rule(pdf, pdf.y + letterheadLook.ruleGapPt);
      pdf.y += letterheadLook.spaceAfterPt;
      return;
    }
    case 'addressee': {
      pdf.y += addresseeLook.spaceBeforePt;
      const x = M.left + mmToPt(addresseeLook.indentMm);
      for (const line of block.lines) runs(pdf, root, [{ text: line }], addresseeLook.line, { x, width: width(pdf) - mmToPt(addresseeLook.indentMm) });
      pdf.y += addresseeLook.spaceAfterPt;
      return;
    }
    case 'paragraph':
      return runs(pdf, root, block.runs, paragraphLook[block.style]);
    case 'heading': {
      pdf.y += headingLook.spaceBeforePt;
      const heading = pdf.struct(block.level === 1 ? 'H1' : 'H2');
      root.add(heading);
      pdf.font('serif-bold').fontSize(headingLook.sizePt).text(safeText(block.text), M.left, pdf.y, { width: width(pdf), align: 'center', structParent: heading, structType: 'Span' });
      heading.end();
      pdf.y += headingLook.spaceAfterPt;
      return;
    }
    case 'list': {
      const list = pdf.struct('L');
      root.add(list);
      block.items.forEach((item, index) => runs(pdf, list, item, listLook.item, { prefix: (block.ordered ? listLook.number(index + 1, block.marker) : listLook.bullet) + listLook.gap }));
      list.end();
      return;
    }
    case 'table':
      return table(pdf, root, block);
    case 'signature': {
      pdf.y += signatureLook.spaceBeforePt;
      const look = signatureLook.line;
      if (pdf.y + signatureLook.keepLines * look.sizePt > pdf.page.height - M.bottom) pdf.addPage();
      block.position.forEach((line) => runs(pdf, root, [{ text: line }], look, { width: width(pdf) * signatureLook.positionShare }));
      const bottom = pdf.y;
      pdf.y = bottom - look.sizePt * lineHeight; // every line is exactly this high: the name stands on the last line's baseline
      runs(pdf, root, [{ text: block.name }], { ...look, align: 'right' });
      pdf.y = Math.max(pdf.y, bottom);
      return;
    }
    case 'executor': {
      // Bottom left of the page the letter ends on (a new page only when the text already reaches the bottom).
      const look = executorLook.line;
      pdf.fontSize(look.sizePt);
      const height = block.lines.length * pdf.currentLineHeight(true) + executorLook.slackPt;
      const target = pdf.page.height - M.bottom - height;
      if (pdf.y + executorLook.gapPt > target) pdf.addPage();
      pdf.y = Math.max(pdf.y + executorLook.gapPt, pdf.page.height - M.bottom - height);
      for (const line of block.lines) runs(pdf, root, [{ text: line }], look, { width: mmToPt(executorLook.widthMm) });
      return;
    }
    case 'pageBreak':
      pdf.addPage();
      return;
    case 'key': {
      pdf.y += keyLook.spaceBeforePt;
      for (const line of block.lines) runs(pdf, root, [{ text: line }], keyLook.line, { letterSpacingPt: keyLook.letterSpacingPt });
      pdf.y += keyLook.spaceAfterPt;
      return;
    }
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

/** A table drawn row by row; a row that does not fit starts a new page, which repeats the header. */
function table(pdf: Pdf, root: Struct, block: Extract<Block, { kind: 'table' }>): void {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.header.map((_, i) => ((block.widths[i] ?? 1) / total) * width(pdf));
  const pad = tableLook.paddingPt;
  const look = tableLook.text;
  const element = pdf.struct('Table');
  root.add(element);
  const drawRow = (cells: readonly string[], header: boolean) => {
    pdf.font(header ? 'serif-bold' : 'serif').fontSize(look.sizePt);
    const heights = cells.map((cell, i) => pdf.heightOfString(safeText(cell) || ' ', { width: widths[i]! - 2 * pad, lineGap: gapFor(pdf, look.sizePt) }));
    const height = Math.max(...heights) + 2 * pad;
    if (pdf.y + height > pdf.page.height - M.bottom) {
      pdf.addPage();
      if (!header) drawRow(block.header, true);
      pdf.font(header ? 'serif-bold' : 'serif').fontSize(look.sizePt);
    }
    const top = pdf.y;
    const row = pdf.struct('TR');
    element.add(row);
    let x = M.left;
    cells.forEach((cell, i) => {
      const cellElement = pdf.struct(header ? 'TH' : 'TD');
      row.add(cellElement);
      pdf.text(safeText(cell) || ' ', x + pad, top + pad, { width: widths[i]! - 2 * pad, align: look.align, lineGap: gapFor(pdf, look.sizePt), structParent: cellElement, structType: 'Span' });
      cellElement.end();
      x += widths[i]!;
    });
    row.end();
    pdf.markContent('Artifact', { type: 'Layout' });
    x = M.left;
    for (const w of widths) {
      pdf.rect(x, top, w, height).lineWidth(tableLook.ruleWidthPt).stroke();
      x += w;
    }
    pdf.endMarkedContent();
    pdf.x = M.left;
    pdf.y = top + height;
  };
  drawRow(block.header, true);
  for (const cells of block.rows) drawRow(block.header.map((_, i) => cells[i] ?? ''), false);
  element.end();
  pdf.y += tableLook.spaceAfterPt;
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

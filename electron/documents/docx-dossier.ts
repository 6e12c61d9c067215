import { AlignmentType, Footer, Header, ImageRun, LeaderType, PageNumber, Paragraph, TableOfContents, TabStopType, TextRun, type FileChild, type IParagraphStyleOptions } from 'docx';
import { chartLook, contentsLook, figureLook, furnitureLook, mmToPx, mmToTwip, pageOf, ptToHalfPoints, ptToTwip, textWidthMm } from '../../shared/document/layout.ts';
import { chartDescription, type ChartBlock, type DocMeta, type FigureBlock } from '../../shared/document/model.ts';
import { imageHeightMm } from './image-size.ts';
import { safeText } from './safe-text.ts';

/**
 * The dossier's blocks in the DOCX (issue 13): a real TOC field (TOC \o "1-2" \h) whose cached result already holds
 * every entry with the page the PDF's layout gives it, so Word and LibreOffice show the right numbers when the file
 * opens and can update the field; charts as PNGs of the one renderer's SVG (charts.ts) with their data as alt text;
 * figures with their captions; the dossier's header and footer.
 */

/** Bookmark names of the headings the contents lists, as Word names its own (`_Toc…`), for the \h hyperlinks. */
const BOOKMARK_DIGITS = 8;
export const headingBookmark = (index: number) => `_Toc${String(index).padStart(BOOKMARK_DIGITS, '0')}`;

export interface ContentsEntry {
  text: string;
  level: 1 | 2;
  page: number;
  index: number;
}

type FieldOptions = ConstructorParameters<typeof TableOfContents>[1];
/**
 * The library's TOC with the page numbers' tab stop at the right edge of OUR text (it assumes another page width),
 * as in the PDF: its tab-stop method is replaced in a subclass typed as a plain block (the method is private).
 */
class ContentsField extends (TableOfContents as unknown as new (alias: string, options: FieldOptions) => FileChild) {
  getTabStopsForLevel(_level: number, leader: (typeof LeaderType)[keyof typeof LeaderType]) {
    return [{ type: TabStopType.RIGHT, position: mmToTwip(textWidthMm), leader }];
  }
}

/** The table of contents' field with its entries written in (clean: Word shows it as it is, and can update it). */
export function contentsField(title: string, entries: readonly ContentsEntry[]): FileChild {
  const cachedEntries = entries.map((entry) => ({ title: safeText(entry.text), level: entry.level, page: entry.page, href: headingBookmark(entry.index) }));
  return new ContentsField(safeText(title), { hyperlink: true, headingStyleRange: '1-2', cachedEntries, beginDirty: false, tabLeader: LeaderType.DOT });
}

/** TOC1 and TOC2, the styles Word gives the entries of levels 1 and 2 (and keeps when it updates the field). */
export const contentsStyles = (style: (id: string, name: string, look: typeof contentsLook.entry, extra?: { indentLeftMm?: number }) => IParagraphStyleOptions): IParagraphStyleOptions[] => [
  style('TOC1', 'toc 1', contentsLook.entry),
  style('TOC2', 'toc 2', contentsLook.entry, { indentLeftMm: contentsLook.level2IndentMm }),
  style('ContentsTitle', 'TOC Heading', contentsLook.title),
  style('Caption', 'caption', figureLook.caption),
];

/** A chart: the PNG of its SVG at the chart's size, centred, its data read out as the alt text; its title under it. */
export function chartParagraphs(block: ChartBlock, png: Buffer, id: number, pageBreakBefore: boolean): Paragraph[] {
  const description = safeText(chartDescription(block));
  const image = new ImageRun({ type: 'png', data: png, transformation: { width: mmToPx(chartLook.widthMm), height: mmToPx(chartLook.heightMm) }, altText: { id: String(id), name: `chart-${id}`, title: safeText(block.title), description } });
  return [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, pageBreakBefore, spacing: { before: ptToTwip(chartLook.spaceBeforePt), after: ptToTwip(figureLook.gapPt) }, children: [image] }), new Paragraph({ style: 'Caption', spacing: { after: ptToTwip(chartLook.spaceAfterPt) }, children: [new TextRun(safeText(block.title))] })];
}

/** A figure: its picture centred at its width, its caption lines under it, kept on one page. */
export function figureParagraphs(block: FigureBlock, id: number, pageBreakBefore: boolean): Paragraph[] {
  const widthMm = Math.min(block.image.widthMm, textWidthMm);
  const transformation = { width: mmToPx(widthMm), height: mmToPx((widthMm * imageHeightMm(block.image)) / block.image.widthMm) };
  const image = new ImageRun({ type: block.image.mediaType === 'image/png' ? 'png' : 'jpg', data: Buffer.from(block.image.base64, 'base64'), transformation, altText: { id: String(id), name: `figure-${id}`, title: safeText(block.alt), description: safeText(block.alt) } });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, pageBreakBefore, spacing: { before: ptToTwip(figureLook.spaceBeforePt), after: ptToTwip(figureLook.gapPt) }, children: [image] }),
    ...block.caption.map((line, i) => new Paragraph({ style: 'Caption', keepNext: i < block.caption.length - 1, ...(i === block.caption.length - 1 ? { spacing: { after: ptToTwip(figureLook.spaceAfterPt) } } : {}), children: [new TextRun(safeText(line))] })),
  ];
}

/**
 * A dossier's header and footer: the classification mark top right on every page; «page N of M» centred at the foot
 * (PAGE and NUMPAGES fields) on every page but the cover, which is Word's different first page.
 */
export function dossierFurniture(meta: DocMeta): { titlePage: boolean; headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  const size = ptToHalfPoints(furnitureLook.sizePt);
  const mark = () => new Header({ children: meta.classification ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: safeText(meta.classification), size })] })] : [] });
  // The phrase with placeholders, cut where the two numbers stand: «Страница » PAGE « из » NUMPAGES.
  const [before = '', middle = '', after = ''] = pageOf[meta.language]('{N}', '{M}').split(/\{[NM]\}/);
  const numbers = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size, children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after].filter((part) => part !== '') })] })] });
  const cover = meta.furniture?.cover ?? false;
  return { titlePage: cover, headers: { default: mark(), first: mark() }, footers: { default: numbers, first: cover ? new Footer({ children: [] }) : numbers } };
}

import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  CharacterSet,
  Document,
  FrameAnchorType,
  Header,
  HeadingLevel,
  HorizontalPositionAlign,
  ImageRun,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  NoBreakHyphen,
  TableBorders,
  VerticalAlign,
  Packer,
  PageNumber,
  PageBreak,
  Paragraph,
  SoftHyphen,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalPositionAlign,
  WidthType,
  type FileChild,
  type IParagraphOptions,
} from 'docx';
import { assertNever } from '../../shared/assert-never.ts';
import { chartPng } from './charts.ts';
import { chartParagraphs, contentsField, contentsStyles, dossierFurniture, figureParagraphs, headingBookmark } from './docx-dossier.ts';
import { contentsEntries } from './pdf-dossier.ts';
import { pageMap } from './pdf-writer.ts';
import {
  addresseeLook,
  chartLook,
  contentsLook,
  figureLook,
  executorLook,
  furnitureLook,
  fontFamily,
  headingLook,
  keepsWithNext,
  keyLook,
  letterheadLook,
  lineHeight,
  listLook,
  lookOf,
  mmToPx,
  mmToTwip,
  page,
  paragraphLook,
  ptToEighths,
  ptToHalfPoints,
  ptToTwip,
  signatureLook,
  tableLook,
  textWidthMm,
  type,
} from '../../shared/document/layout.ts';
import type { Block, Doc, Image, Run } from '../../shared/document/model.ts';
import { NO_BREAK_HYPHEN, typeset, type Setting as TextSetting } from '../../shared/document/typography.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { withSeededRandom } from './deterministic.ts';
import { paragraphStyles, style, styleIds, wordLanguage } from './docx-styles.ts';
import { fontPath } from './fonts.ts';
import { hyphenate, SOFT_HYPHEN } from './hyphenation.ts';
import { imageHeightMm } from './image-size.ts';
import { safeText } from './safe-text.ts';

/** An empty paragraph exactly `pt` high: the space the PDF writer leaves after a block that is not a paragraph. */
const spacer = (pt: number, options: { keepNext?: boolean; pageBreakBefore?: boolean; before?: number } = {}) =>
  new Paragraph({ keepNext: options.keepNext, pageBreakBefore: options.pageBreakBefore, spacing: { before: ptToTwip(options.before ?? 0), after: 0, line: ptToTwip(pt), lineRule: LineRuleType.EXACT }, children: [] });
const rule = (widthPt: number) => ({ style: BorderStyle.SINGLE, size: ptToEighths(widthPt), color: '000000', space: 0 });
const listLevel = { level: 0, suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: mmToTwip(listLook.item.firstLineMm) } } } } as const;

/** How a block's paragraphs are set: the letter's language, and whether words may break at soft hyphens. */
interface Setting {
  language: Language;
  hyphenate: boolean;
  /** A size of its own (a heading's), else the paragraph style's. */
  sizePt?: number;
  /** A table cell sets dates looser than the page (typography.ts). */
  text?: TextSetting;
}

/**
 * Runs as Word text runs, set as the PDF writer sets them (typography.ts's no-break and zero-width spaces, the
 * same soft hyphens as Word's optional hyphens, no-break hyphens as Word's), so Word and LibreOffice break lines
 * where the PDF does; a line break inside a run becomes a break, as the PDF writer shows it.
 */
const textRuns = (runs: readonly Run[], setting: Setting) =>
  runs
    .filter((run) => run.text.length > 0)
    .flatMap((run) => {
      const spaced = typeset(safeText(run.text), setting.language, setting.text);
      const set = setting.hyphenate ? hyphenate(spaced, setting.language) : spaced;
      return set.split('\n').map((line, index) => {
        const children = line
          .split(new RegExp(`([${SOFT_HYPHEN}${NO_BREAK_HYPHEN}])`, 'u'))
          .map((part) => (part === SOFT_HYPHEN ? new SoftHyphen() : part === NO_BREAK_HYPHEN ? new NoBreakHyphen() : part))
          .filter((child) => child !== '');
        return new TextRun({ children, bold: run.bold, italics: run.italic, ...(setting.sizePt ? { size: ptToHalfPoints(setting.sizePt), font: fontFamily, color: '000000' } : {}), ...(index > 0 ? { break: 1 } : {}) });
      });
    });

/**
 * The DOCX writer: named styles, real numbering (each list restarts at 1), page numbers from page 2 in the header
 * (a different first page), PT Serif embedded, the executor's mark in a frame at the bottom left of the last page.
 * Its XML is deterministic (identifiers seeded from the document), apart from the dates in docProps/core.xml.
 * `layout.pageOfBlock`: where the PDF's layout put each block (`layoutPdf`'s), when the caller has just made the PDF —
 * a table of contents then takes its numbers from it instead of laying the whole Doc out again (a 1,000-sheet dossier's
 * layout is some hundred MiB held at once).
 */
export async function renderDocx(doc: Doc, seed: string, layout: { pageOfBlock?: readonly number[] } = {}): Promise<Buffer> {
  // A dossier's charts (PNGs of the one renderer's SVG) and its contents' page numbers (the PDF's own layout) are
  // made first: the seeded part below must not yield.
  const charts = new Map<number, Buffer>();
  for (const [index, block] of doc.blocks.entries()) if (block.kind === 'chart') charts.set(index, await chartPng(block));
  if (layout.pageOfBlock && layout.pageOfBlock.length !== doc.blocks.length) throw new Error('the page map is of another Doc');
  const pageOfBlock = doc.blocks.some((block) => block.kind === 'contents') ? (layout.pageOfBlock ?? pageMap(doc).pageOfBlock) : [];
  return withSeededRandom(seed, () => {
    const counted = { lists: 0, drawings: 0 };
    const next: Counters = { list: () => (counted.lists += 1), drawing: () => (counted.drawings += 1) };
    const dossier: Dossier = { blocks: doc.blocks, charts, pageOfBlock, bookmarked: new Set(doc.blocks.flatMap((block, index) => (block.kind === 'contents' ? contentsEntries(doc.blocks, index).map((entry) => entry.index) : []))) };
    const keep = keepsWithNext(doc.blocks);
    const output: (Paragraph | Table | FileChild)[][] = [];
    const spacing = doc.blocks.map(blockSpacing);
    doc.blocks.forEach((block, index) => {
      output.push([]);
      if (block.kind === 'pageBreak' && doc.blocks[index + 1]) return; // the next block starts the page (below)
      const [previous, own, following] = [spacing[index - 1], spacing[index]!, spacing[index + 1]];
      const flow: Flow = {
        keepNext: keep[index] ?? false,
        pageBreakBefore: doc.blocks[index - 1]?.kind === 'pageBreak',
        // The space between two paragraphs, all of it above the second: Word adds the space after one paragraph to
        // the space before the next, LibreOffice takes the larger, so only one of them may be set (the PDF adds).
        before: own.first && previous?.last ? previous.after + own.before : own.before,
        zeroAfter: own.last && (following?.first ?? false),
      };
      const paragraphs = docxBlock(block, next, doc.meta.language, flow, { ...dossier, index });
      // The executor's frame goes before the signature: a framed paragraph is anchored to the paragraph after it,
      // and stands on that paragraph's page — so the mark is on the signature's page, and when it has no room
      // below the signature, Word and LibreOffice move the signature (kept with the lines above it) and the mark
      // together to the next page, as the PDF does.
      if (block.kind === 'executor' && doc.blocks[index - 1]?.kind === 'signature') output[index - 1]!.unshift(...paragraphs);
      else output[index]!.push(...paragraphs);
    });
    const children = output.flat();
    const language = { value: wordLanguage[doc.meta.language] };
    const furniture = doc.meta.furniture ? dossierFurniture(doc.meta) : null;
    const document = new Document({
      creator: 'Ombuds Dossier',
      title: doc.meta.title,
      lastModifiedBy: 'Ombuds Dossier',
      fonts: [{ name: fontFamily, data: readFileSync(fontPath('regular')), bold: readFileSync(fontPath('bold')), italic: readFileSync(fontPath('italic')), boldItalic: readFileSync(fontPath('bold-italic')), characterSet: CharacterSet.RUSSIAN }],
      styles: { default: { document: { run: { font: fontFamily, size: ptToHalfPoints(type.bodyPt), language } } }, paragraphStyles: [...paragraphStyles(doc.meta.language, doc.meta.furniture !== undefined), ...(furniture ? contentsStyles(style) : [])].map((style) => ({ ...style, run: { ...style.run, language } })) },
      numbering: {
        config: [
          { reference: 'ordered', levels: [{ ...listLevel, format: LevelFormat.DECIMAL, text: listLook.number('%1', 'dot') }] },
          { reference: 'ordered-paren', levels: [{ ...listLevel, format: LevelFormat.DECIMAL, text: listLook.number('%1', 'paren') }] },
          { reference: 'bullets', levels: [{ ...listLevel, format: LevelFormat.BULLET, text: listLook.bullet }] },
        ],
      },
      sections: [
        {
          properties: {
            titlePage: furniture?.titlePage ?? true,
            page: {
              size: { width: mmToTwip(page.widthMm), height: mmToTwip(page.heightMm) },
              margin: { top: mmToTwip(page.marginMm.top), right: mmToTwip(page.marginMm.right), bottom: mmToTwip(page.marginMm.bottom), left: mmToTwip(page.marginMm.left), header: mmToTwip(page.headerMm), ...(furniture ? { footer: mmToTwip(furnitureLook.footerMm) } : {}) },
            },
          },
          ...(furniture
            ? { headers: furniture.headers, footers: furniture.footers }
            : {
                headers: {
                  first: new Header({ children: [] }),
                  default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: ptToHalfPoints(type.pageNumberPt) })] })] }),
                },
              }),
          children,
        },
      ],
    });
    return Packer.toBuffer(document);
  });
}

/** The emblem centred above the letterhead, as wide as the Doc says, as high as its proportions make it. */
function emblemParagraph(emblem: Image, office: string, id: number): Paragraph {
  const transformation = { width: mmToPx(emblem.widthMm), height: mmToPx(imageHeightMm(emblem)) };
  const image = new ImageRun({ type: emblem.mediaType === 'image/png' ? 'png' : 'jpg', data: Buffer.from(emblem.base64, 'base64'), transformation, altText: { id: String(id), name: 'emblem', title: office, description: office } });
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(letterheadLook.emblemGapPt) }, children: [image] });
}

/**
 * Numbers that must be unique within one document, counted per document: each list's numbering instance (so it
 * restarts at 1) and each drawing's id. The docx library would draw drawing ids from a counter shared by the whole
 * process, and the second export of the same letter would differ from the first.
 */
interface Counters {
  list: () => number;
  drawing: () => number;
}

/**
 * How a block meets the page flow, as the PDF's layout decides it (layout.ts `keepsWithNext`): kept on the page
 * where the next block starts (Word's keep-with-next on its last paragraph), or starting a page (a page break of
 * the Doc, as page-break-before on its first paragraph, which adds no empty line as a break character would).
 */
interface Flow {
  keepNext: boolean;
  pageBreakBefore: boolean;
  /** The space above the block's first paragraph, in points. */
  before: number;
  /** The space below its last paragraph goes above the next block's first instead. */
  zeroAfter: boolean;
}

/**
 * The space a block has above and below it (the looks in layout.ts), and whether it begins and ends with a plain
 * paragraph whose spacing can carry it (a table, a page break or the executor's frame cannot).
 */
function blockSpacing(block: Block): { before: number; after: number; first: boolean; last: boolean } {
  const paragraphs = (before: number, after: number) => ({ before, after, first: true, last: true });
  switch (block.kind) {
    case 'letterhead':
      return { ...paragraphs(0, letterheadLook.spaceAfterPt), first: block.emblem === null };
    case 'addressee':
      return paragraphs(addresseeLook.spaceBeforePt, addresseeLook.spaceAfterPt);
    case 'paragraph':
      return paragraphs(paragraphLook[block.style].spaceBeforePt, paragraphLook[block.style].spaceAfterPt);
    case 'heading':
      return paragraphs(headingLook.spaceBeforePt, headingLook.spaceAfterPt);
    case 'list':
      return paragraphs(listLook.item.spaceBeforePt, listLook.item.spaceAfterPt);
    case 'signature':
      return { ...paragraphs(0, 0), last: false };
    case 'key':
      return paragraphs(keyLook.spaceBeforePt, keyLook.spaceAfterPt);
    case 'contents':
      return paragraphs(contentsLook.title.spaceBeforePt, contentsLook.entry.spaceAfterPt);
    case 'chart':
      return paragraphs(chartLook.spaceBeforePt, chartLook.spaceAfterPt);
    case 'figure':
      return paragraphs(figureLook.spaceBeforePt, figureLook.spaceAfterPt);
    case 'table':
    case 'executor':
    case 'pageBreak':
      return { before: 0, after: 0, first: false, last: false };
    default:
      return assertNever(block, 'block kind');
  }
}

/**
 * Paragraphs with Word's widow control (two lines at least on each page, as the PDF keeps them), keep-with-next on
 * the last and page-break-before on the first, as `flow` says.
 */
function withFlow(paragraphs: IParagraphOptions[], flow: Flow): Paragraph[] {
  return paragraphs.map((options, index) => {
    const [first, last] = [index === 0, index === paragraphs.length - 1];
    const spacing = { ...options.spacing, ...(first ? { before: ptToTwip(flow.before) } : {}), ...(last && flow.zeroAfter ? { after: 0 } : {}) };
    return new Paragraph({ widowControl: true, ...options, spacing, ...(first && flow.pageBreakBefore ? { pageBreakBefore: true } : {}), ...(last && flow.keepNext ? { keepNext: true } : {}) });
  });
}

/** What the dossier's blocks need: the Doc's blocks, the charts' PNGs, the pages, the headings the contents links. */
interface Dossier {
  blocks: readonly Block[];
  charts: ReadonlyMap<number, Buffer>;
  pageOfBlock: readonly number[];
  bookmarked: ReadonlySet<number>;
}

function docxBlock(block: Block, next: Counters, language: Language, flow: Flow, dossier: Dossier & { index: number }): (Paragraph | Table | FileChild)[] {
  const set = (hyphenate: boolean): Setting => ({ language, hyphenate });
  const line = (text: string, hyphenate = false) => textRuns([{ text }], set(hyphenate));
  switch (block.kind) {
    case 'letterhead': {
      const emblem = block.emblem ? [emblemParagraph(block.emblem, block.lines[0] ?? '', next.drawing())] : [];
      return [
        ...emblem,
        ...withFlow(
          block.lines.map((text, index) => ({
            style: index === 0 ? styleIds.letterhead : styleIds['letterhead-small'],
            keepNext: true,
            children: line(text),
            ...(index === block.lines.length - 1 ? { border: { bottom: { ...rule(letterheadLook.ruleWidthPt), space: letterheadLook.ruleGapPt } }, spacing: { after: ptToTwip(letterheadLook.spaceAfterPt) } } : {}),
          })),
          flow,
        ),
      ];
    }
    case 'addressee':
      return withFlow(
        block.lines.map((text, index) => ({
          style: styleIds.addressee,
          keepNext: index < block.lines.length - 1,
          children: line(text),
          spacing: { before: index === 0 ? ptToTwip(addresseeLook.spaceBeforePt) : 0, after: index === block.lines.length - 1 ? ptToTwip(addresseeLook.spaceAfterPt) : 0 },
        })),
        flow,
      );
    case 'paragraph':
      return withFlow([{ style: styleIds[block.style], children: textRuns(block.runs, set(lookOf(block.style, language).hyphenate)) }], flow);
    case 'heading':
      return withFlow(
        [
          {
            heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            alignment: AlignmentType.CENTER,
            keepNext: true,
            keepLines: true,
            spacing: { before: ptToTwip(headingLook.spaceBeforePt), after: ptToTwip(headingLook.spaceAfterPt), line: ptToTwip(headingLook.sizePt * lineHeight), lineRule: LineRuleType.EXACT },
            children: ((runs) => (dossier.bookmarked.has(dossier.index) ? [new Bookmark({ id: headingBookmark(dossier.index), children: runs })] : runs))(textRuns([{ text: block.text, bold: true }], { ...set(headingLook.hyphenate), sizePt: headingLook.sizePt })),
          },
        ],
        flow,
      );
    case 'list': {
      const instance = next.list();
      const reference = block.ordered ? (block.marker === 'paren' ? 'ordered-paren' : 'ordered') : 'bullets';
      return withFlow(block.items.map((item) => ({ style: styleIds.body, numbering: { reference, level: 0, instance }, children: textRuns(item, set(listLook.item.hyphenate)) })), flow);
    }
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const widths = block.header.map((_, i) => mmToTwip(((block.widths[i] ?? 1) / total) * textWidthMm));
      const pad = ptToTwip(tableLook.paddingPt);
      const border = rule(tableLook.ruleWidthPt);
      // Rows never split across pages (as in the PDF); the header row stays with the first row and repeats.
      const row = (cells: readonly string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          cantSplit: true,
          children: block.header.map((_, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [new Paragraph({ style: styleIds.table, keepNext: header, children: textRuns([{ text: cells[i] ?? '', bold: header }], { ...set(tableLook.text.hyphenate), text: 'cell' }) })] })),
        });
      return [
        ...(flow.pageBreakBefore ? [new Paragraph({ children: [new PageBreak()] })] : []),
        new Table({
          width: { size: mmToTwip(textWidthMm), type: WidthType.DXA },
          columnWidths: widths,
          margins: { top: pad, bottom: pad, left: pad, right: pad },
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
        }),
        spacer(tableLook.spaceAfterPt),
      ];
    }
    case 'signature': {
      // Position on the left, the name right-aligned level with the position's last line: a table without borders,
      // its one row never split, the space above it kept with it.
      const left = mmToTwip(textWidthMm * signatureLook.positionShare);
      const right = mmToTwip(textWidthMm) - left;
      const cell = (paragraphs: Paragraph[], size: number) => new TableCell({ width: { size, type: WidthType.DXA }, verticalAlign: VerticalAlign.BOTTOM, children: paragraphs });
      return [
        spacer(signatureLook.spaceBeforePt, { keepNext: true, pageBreakBefore: flow.pageBreakBefore, before: flow.before }),
        new Table({
          borders: TableBorders.NONE,
          width: { size: mmToTwip(textWidthMm), type: WidthType.DXA },
          columnWidths: [left, right],
          rows: [
            new TableRow({
              cantSplit: true,
              children: [
                cell(block.position.map((text) => new Paragraph({ style: styleIds.signature, keepNext: true, keepLines: true, children: line(text) })), left),
                cell([new Paragraph({ style: styleIds.signature, alignment: AlignmentType.RIGHT, keepLines: true, children: line(block.name) })], right),
              ],
            }),
          ],
        }),
      ];
    }
    case 'executor':
      return withFlow(
        [
          {
            style: styleIds.executor,
            frame: { type: 'alignment', alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.BOTTOM }, anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN }, width: mmToTwip(executorLook.widthMm), space: { horizontal: 0, vertical: ptToTwip(executorLook.gapPt) } },
            children: block.lines.flatMap((text, index) => [...(index > 0 ? [new TextRun({ break: 1 })] : []), ...line(text)]),
          },
        ],
        flow,
      );
    case 'pageBreak':
      // Only as the last block: otherwise the next block starts its page (renderDocx).
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'key':
      return withFlow(
        block.lines.map((text, index) => ({
          style: styleIds.key,
          keepNext: index < block.lines.length - 1,
          spacing: { before: index === 0 ? ptToTwip(keyLook.spaceBeforePt) : 0, after: index === block.lines.length - 1 ? ptToTwip(keyLook.spaceAfterPt) : 0 },
          children: line(text),
        })),
        flow,
      );
    case 'contents': {
      const entries = contentsEntries(dossier.blocks, dossier.index).map((entry) => ({ ...entry, page: dossier.pageOfBlock[entry.index] ?? 1 }));
      return [...withFlow([{ style: 'ContentsTitle', keepNext: true, children: line(block.title) }], flow), contentsField(block.title, entries)];
    }
    case 'chart':
      return chartParagraphs(block, dossier.charts.get(dossier.index) ?? Buffer.alloc(0), next.drawing(), flow.pageBreakBefore);
    case 'figure':
      return figureParagraphs(block, next.drawing(), flow.pageBreakBefore);
    default:
      return assertNever(block, 'block kind');
  }
}

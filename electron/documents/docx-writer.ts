import { readFileSync } from 'node:fs';
import {
  AlignmentType,
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
  TableBorders,
  VerticalAlign,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalPositionAlign,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import type { Block, Doc, ParagraphStyle, Run } from '../../shared/document/model.ts';
import { addresseeIndentMm, fontFamily, lineHeight, mmToTwip, page, paragraphLook, signaturePositionShare, signatureSpaceBeforePt, textWidthMm, type, type ParagraphLook } from '../../shared/document/layout.ts';
import { withSeededRandom } from './deterministic.ts';
import { fontPath } from './fonts.ts';
import { safeText } from './safe-text.ts';

const halfPoints = (pt: number) => Math.round(pt * 2);
const twentieths = (pt: number) => Math.round(pt * 20);
const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** Named paragraph styles, so a clerk can restyle the letter in Word; every look comes from layout.ts. */
const styleIds: Record<ParagraphStyle | 'letterhead' | 'letterhead-small' | 'addressee' | 'signature' | 'executor' | 'table', string> = {
  reference: 'Reference',
  subject: 'Subject',
  salutation: 'Salutation',
  body: 'Body',
  closing: 'Closing',
  annex: 'Annex',
  note: 'Note',
  letterhead: 'Letterhead',
  'letterhead-small': 'LetterheadDetails',
  addressee: 'Addressee',
  signature: 'Signature',
  executor: 'Executor',
  table: 'TableText',
};

function style(id: string, name: string, look: ParagraphLook, extra: { indentLeftMm?: number } = {}): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontFamily, size: halfPoints(look.sizePt), bold: look.bold },
    paragraph: {
      alignment: alignment[look.align],
      spacing: { before: twentieths(look.spaceBeforePt), after: twentieths(look.spaceAfterPt), line: twentieths(look.sizePt * lineHeight), lineRule: LineRuleType.EXACT },
      indent: { firstLine: mmToTwip(look.firstLineMm), ...(extra.indentLeftMm ? { left: mmToTwip(extra.indentLeftMm) } : {}) },
    },
  };
}

const paragraphStyles: IParagraphStyleOptions[] = [
  ...(Object.keys(paragraphLook) as ParagraphStyle[]).map((key) => style(styleIds[key], styleIds[key], paragraphLook[key])),
  style(styleIds.letterhead, 'Letterhead', { ...paragraphLook.reference, align: 'center', bold: true, sizePt: type.letterheadPt + 1 }),
  style(styleIds['letterhead-small'], 'Letterhead details', { ...paragraphLook.reference, align: 'center', sizePt: type.smallPt }),
  style(styleIds.addressee, 'Addressee', { ...paragraphLook.reference, sizePt: type.bodyPt, spaceAfterPt: 0 }, { indentLeftMm: addresseeIndentMm }),
  style(styleIds.signature, 'Signature', { ...paragraphLook.reference, sizePt: type.bodyPt, spaceAfterPt: 0 }),
  style(styleIds.executor, 'Executor', paragraphLook.note),
  style(styleIds.table, 'Table text', { ...paragraphLook.reference, sizePt: type.tablePt, spaceAfterPt: 0 }),
];

/** Runs as Word text runs; a line break inside a run becomes a break, as the PDF writer shows it. */
const textRuns = (runs: readonly Run[]) =>
  runs
    .filter((run) => run.text.length > 0)
    .flatMap((run) => safeText(run.text).split('\n').map((line, index) => new TextRun({ text: line, bold: run.bold, italics: run.italic, ...(index > 0 ? { break: 1 } : {}) })));
const para = (styleId: string, runs: readonly Run[] | string) => new Paragraph({ style: styleId, children: textRuns(typeof runs === 'string' ? [{ text: runs }] : runs) });

/**
 * The DOCX writer: named styles, real numbering (each list restarts at 1), page numbers from page 2 in the header
 * (a different first page), PT Serif embedded, the executor's mark in a frame at the bottom left of the last page.
 * Its XML is deterministic (identifiers seeded from the document), apart from the dates in docProps/core.xml.
 */
export function renderDocx(doc: Doc, seed: string): Promise<Buffer> {
  return withSeededRandom(seed, () => {
    let lists = 0;
    const children: (Paragraph | Table)[] = [];
    for (const block of doc.blocks) children.push(...docxBlock(block, () => (lists += 1)));
    const document = new Document({
      creator: 'Ombuds Dossier',
      title: doc.meta.title,
      lastModifiedBy: 'Ombuds Dossier',
      fonts: [{ name: fontFamily, data: readFileSync(fontPath('regular')), bold: readFileSync(fontPath('bold')), italic: readFileSync(fontPath('italic')), boldItalic: readFileSync(fontPath('bold-italic')), characterSet: CharacterSet.RUSSIAN }],
      styles: { default: { document: { run: { font: fontFamily, size: halfPoints(type.bodyPt) } } }, paragraphStyles },
      numbering: {
        config: [
          {
            reference: 'ordered',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: mmToTwip(12.5) } } } }],
          },
          { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: mmToTwip(12.5) } } } }] },
        ],
      },
      sections: [
        {
          properties: {
            titlePage: true,
            page: {
              size: { width: mmToTwip(page.widthMm), height: mmToTwip(page.heightMm) },
              margin: { top: mmToTwip(page.marginMm.top), right: mmToTwip(page.marginMm.right), bottom: mmToTwip(page.marginMm.bottom), left: mmToTwip(page.marginMm.left), header: mmToTwip(page.headerMm) },
            },
          },
          headers: {
            first: new Header({ children: [] }),
            default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(type.tablePt) })] })] }),
          },
          children,
        },
      ],
    });
    return Packer.toBuffer(document);
  });
}

function docxBlock(block: Block, nextList: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'letterhead':
      return [
        ...(block.emblem
          ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: block.emblem.mediaType === 'image/png' ? 'png' : 'jpg', data: Buffer.from(block.emblem.base64, 'base64'), transformation: { width: block.emblem.widthMm * 3.78, height: block.emblem.widthMm * 3.78 }, altText: { name: 'emblem', title: block.lines[0] ?? '', description: block.lines[0] ?? '' } })] })]
          : []),
        ...block.lines.map((line, index) =>
          new Paragraph({
            style: index === 0 ? styleIds.letterhead : styleIds['letterhead-small'],
            children: textRuns([{ text: line }]),
            ...(index === block.lines.length - 1 ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } }, spacing: { after: 200 } } : {}),
          }),
        ),
      ];
    case 'addressee':
      return block.lines.map((line, index) => new Paragraph({ style: styleIds.addressee, children: textRuns([{ text: line }]), ...(index === 0 ? { spacing: { before: 120 } } : {}), ...(index === block.lines.length - 1 ? { spacing: { after: 240 } } : {}) }));
    case 'paragraph':
      return [para(styleIds[block.style], block.runs)];
    case 'heading':
      return [new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, spacing: { before: 160, after: 200 }, children: [new TextRun({ text: safeText(block.text), bold: true, font: fontFamily, size: halfPoints(type.headingPt), color: '000000' })] })];
    case 'list': {
      const instance = nextList();
      return block.items.map((item) => new Paragraph({ style: styleIds.body, numbering: { reference: block.ordered ? 'ordered' : 'bullets', level: 0, instance }, children: textRuns(item) }));
    }
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const widths = block.header.map((_, i) => mmToTwip(((block.widths[i] ?? 1) / total) * textWidthMm));
      const row = (cells: readonly string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          cantSplit: false,
          children: block.header.map((_, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [new Paragraph({ style: styleIds.table, children: textRuns([{ text: cells[i] ?? '', bold: header }]) })] })),
        });
      return [new Table({ width: { size: mmToTwip(textWidthMm), type: WidthType.DXA }, columnWidths: widths, rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))] })];
    }
    case 'signature': {
      // Position on the left, the name right-aligned level with the position's last line: a table without borders.
      const left = mmToTwip(textWidthMm * signaturePositionShare);
      const right = mmToTwip(textWidthMm) - left;
      const cell = (paragraphs: Paragraph[], size: number) => new TableCell({ width: { size, type: WidthType.DXA }, verticalAlign: VerticalAlign.BOTTOM, children: paragraphs });
      return [
        new Paragraph({ spacing: { before: 0, after: 0, line: twentieths(signatureSpaceBeforePt), lineRule: LineRuleType.EXACT }, children: [] }),
        new Table({
          borders: TableBorders.NONE,
          width: { size: mmToTwip(textWidthMm), type: WidthType.DXA },
          columnWidths: [left, right],
          rows: [
            new TableRow({
              children: [
                cell(block.position.map((line) => para(styleIds.signature, line)), left),
                cell([new Paragraph({ style: styleIds.signature, alignment: AlignmentType.RIGHT, children: textRuns([{ text: block.name }]) })], right),
              ],
            }),
          ],
        }),
      ];
    }
    case 'executor':
      return [
        new Paragraph({
          style: styleIds.executor,
          frame: { type: 'alignment', alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.BOTTOM }, anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN }, width: mmToTwip(100) },
          children: block.lines.map((line, index) => new TextRun({ text: safeText(line), ...(index > 0 ? { break: 1 } : {}) })),
        }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

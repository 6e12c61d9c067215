import type { Language } from '../domain/vault.ts';
import { runsText, type Block, type ListMarker, type ParagraphStyle } from './model.ts';

/**
 * The one source of page geometry and type for every writer (GOST R 7.0.97 conventions, DOMAIN.md): A4, margins
 * 20 mm left, 10 mm right, 20 mm top and bottom; 14 pt serif body, justified, 1.25 cm first-line indent; page
 * numbers from page 2, centred at the top; the executor's mark in 10 pt at the bottom left of the last page.
 * The PDF, DOCX and preview writers hold no measure of their own (lint: no-magic-numbers in those files), so a
 * change here moves all three alike — and shows in every golden file (test/golden).
 */
export const page = { widthMm: 210, heightMm: 297, marginMm: { top: 20, right: 10, bottom: 20, left: 20 }, headerMm: 10 } as const;

export const fontFamily = 'PT Serif';
export const type = { bodyPt: 14, smallPt: 10, headingPt: 14, tablePt: 11, pageNumberPt: 11 } as const;
/** Line height as a multiple of the type size, exactly, in both writers (so DOCX and PDF break pages alike). */
export const lineHeight = 1.2;

export interface ParagraphLook {
  align: 'left' | 'center' | 'right' | 'justify';
  /** The whole paragraph's distance from the left margin (a block in the right part of the page). */
  leftMm: number;
  firstLineMm: number;
  sizePt: number;
  bold: boolean;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Words may break at soft hyphens (body text); headings, names and lines of the form do not. */
  hyphenate: boolean;
}

/** The right part of the page where the addressee block and an annex's mark stand. */
const ADDRESSEE_INDENT_MM = 80;

const body: ParagraphLook = { align: 'justify', leftMm: 0, firstLineMm: 12.5, sizePt: type.bodyPt, bold: false, spaceBeforePt: 0, spaceAfterPt: 0, hyphenate: true };

export const paragraphLook: Record<ParagraphStyle, ParagraphLook> = {
  reference: { ...body, align: 'left', firstLineMm: 0, sizePt: 12, spaceAfterPt: 2, hyphenate: false },
  subject: { ...body, align: 'left', firstLineMm: 0, spaceBeforePt: 12, spaceAfterPt: 12, bold: true, hyphenate: false },
  salutation: { ...body, align: 'center', firstLineMm: 0, spaceAfterPt: 12, hyphenate: false },
  body,
  closing: { ...body, align: 'left', firstLineMm: 0, spaceBeforePt: 18 },
  annex: { ...body, align: 'left', firstLineMm: 0, spaceBeforePt: 12 },
  note: { ...body, align: 'left', firstLineMm: 0, sizePt: type.smallPt },
  'annex-heading': { ...body, align: 'left', leftMm: ADDRESSEE_INDENT_MM, firstLineMm: 0, spaceAfterPt: 18, hyphenate: false },
  'cover-title': { ...body, align: 'center', firstLineMm: 0, sizePt: 20, bold: true, spaceBeforePt: 60, spaceAfterPt: 24, hyphenate: false },
  cover: { ...body, align: 'center', firstLineMm: 0, spaceAfterPt: 6, hyphenate: false },
};

/**
 * A paragraph style's look in a letter's language. The salutation is centred in Russian and Tajik letters (GOST
 * R 7.0.97 practice: «Уважаемая Татьяна Николаевна!» on a line of its own, in the middle) and flush left in English
 * ones ("Dear Ms Moskalkova," as English business letters open).
 */
export function lookOf(style: ParagraphStyle, language: Language): ParagraphLook {
  if (style === 'salutation') return { ...paragraphLook.salutation, align: salutationAlign[language] };
  return paragraphLook[style];
}
const salutationAlign: Record<Language, ParagraphLook['align']> = { ru: 'center', tg: 'center', en: 'left' };

/** A line of text that is not a paragraph of the body: left-aligned, no indent, no space around. */
const line: ParagraphLook = { ...body, align: 'left', firstLineMm: 0, hyphenate: false };

/** The letterhead: the emblem centred above the office's name, its details under it, a rule under them all. */
export const letterheadLook = {
  name: { ...line, align: 'center', sizePt: 13, bold: true, spaceAfterPt: 2 },
  details: { ...line, align: 'center', sizePt: type.smallPt, spaceAfterPt: 2 },
  /** Between the emblem and the name. */
  emblemGapPt: 4,
  /** Between the last line's box and the rule, and the rule's weight. */
  ruleGapPt: 2,
  ruleWidthPt: 0.75,
  spaceAfterPt: 10,
} as const;

/** The addressee block: one line each, starting at this distance from the left margin (the right half). */
export const addresseeLook = { line: { ...line, sizePt: type.bodyPt }, indentMm: ADDRESSEE_INDENT_MM, spaceBeforePt: 6, spaceAfterPt: 12 } as const;

export const headingLook: ParagraphLook = { ...line, align: 'center', sizePt: type.headingPt, bold: true, spaceBeforePt: 8, spaceAfterPt: 10 };

/** Lists: items are body paragraphs whose first line starts with the marker and a space. */
export const listLook = {
  item: body,
  bullet: '•',
  /** The number's form, «1.» or «1)»; DOCX passes its level placeholder (`%1`) for n. */
  number: (n: number | string, marker: ListMarker = 'dot') => (marker === 'paren' ? `${n})` : `${n}.`),
  gap: ' ',
} as const;

/** Tables: text in the table size, each cell padded on every side and framed by a thin rule. */
export const tableLook = { text: { ...line, sizePt: type.tablePt, hyphenate: true }, paddingPt: 3, ruleWidthPt: 0.5, spaceAfterPt: 8 } as const;

/** The signature: the position takes this share of the text width, the name right-aligned level with its last line. */
export const signatureLook = {
  line: { ...line, sizePt: type.bodyPt },
  positionShare: 0.6,
  spaceBeforePt: 30,
} as const;

/**
 * Keeping text together on paper, the same in the PDF (its layout) and the DOCX (Word's keep-with-next and widow
 * control, which LibreOffice honours too): a paragraph split across pages leaves at least `minLines` lines on each
 * (no widows, no orphans); a block that `keepsWithNext` ends on the page where the next block starts.
 */
export const keepLook = { minLines: 2 } as const;

/**
 * Which blocks end on the page where the next one starts: headings, the subject, the salutation and an annex's
 * mark (never alone at the foot of a page); a paragraph ending in a colon and the list or table it introduces; and
 * the two blocks before the signature (the closing and what precedes it), so the signature never starts a page
 * without at least two lines of the letter's text above it.
 */
export function keepsWithNext(blocks: readonly Block[]): boolean[] {
  return blocks.map((block, index) => {
    const next = blocks[index + 1];
    if (!next) return false;
    if (next.kind === 'signature') return true;
    if (next.kind === 'paragraph' && next.style === 'closing' && blocks[index + 2]?.kind === 'signature') return true;
    switch (block.kind) {
      case 'heading':
        return true;
      case 'paragraph':
        if (block.style === 'subject' || block.style === 'salutation' || block.style === 'annex-heading' || block.style === 'closing') return true;
        return /:\s*$/.test(runsText(block.runs)) && (next.kind === 'list' || next.kind === 'table');
      default:
        return false;
    }
  });
}

/** The executor's mark, bottom left of the last page: at most this wide, at least this far below the text. */
export const executorLook = { line: paragraphLook.note, widthMm: 100, gapPt: 12, slackPt: 0 } as const;

/** Characters to be copied by hand (the recovery key): large, bold, spaced apart, never justified or broken. */
export const keyLook = { line: { ...line, sizePt: 22, bold: true }, letterSpacingPt: 2, spaceBeforePt: 6, spaceAfterPt: 12 } as const;

/**
 * A dossier's page furniture (model.ts `furniture`): the classification mark top right in the header on every
 * page, «page N of M» centred in the footer (in the bottom margin, this far from the paper's edge) on every page but
 * the cover. N counts the cover, so it is the page the table of contents gives and the PDF viewer shows.
 */
export const furnitureLook = { sizePt: type.pageNumberPt, footerMm: 10 } as const;
export const pageOf: Record<Language, (n: number | string, m: number | string) => string> = {
  ru: (n, m) => `Страница ${n} из ${m}`,
  tg: (n, m) => `Саҳифаи ${n} аз ${m}`,
  en: (n, m) => `Page ${n} of ${m}`,
};

/** The table of contents: one line per heading, level 2 indented, its page number flush right after dot leaders. */
export const contentsLook = {
  title: { ...line, align: 'center', sizePt: type.headingPt, bold: true, spaceBeforePt: 8, spaceAfterPt: 10 } as ParagraphLook,
  entry: { ...line, sizePt: 12, spaceAfterPt: 3 } as ParagraphLook,
  level2IndentMm: 8,
  /** Room kept for the page number on the right; the leader dots end before it. */
  numberMm: 12,
  leader: '.',
} as const;

/** A chart as drawn: the text's width, this high; its picture rasterized at this many pixels per mm for the DOCX. */
/**
 * A chart: its size, raster density for the DOCX picture, type size and spacing; an axis label wraps into lines of at
 * least `labelMinChars` characters, over the width left after the y axis (`axisRoomPx`), a character taken as
 * `charWidthEm` of the size; a bar's count stands `valueGapPx` above it.
 */
export const chartLook = { widthMm: 170, heightMm: 85, rasterPxPerMm: 8, sizePt: 9, spaceBeforePt: 6, spaceAfterPt: 10, labelMinChars: 8, axisRoomPx: 80, charWidthEm: 0.55, valueGapPx: 8 } as const;

/** A figure: the picture centred, its caption under it in the small size, centred. */
export const figureLook = { caption: { ...line, align: 'center', sizePt: type.smallPt, spaceAfterPt: 0 } as ParagraphLook, gapPt: 4, spaceBeforePt: 6, spaceAfterPt: 10 } as const;

export const textWidthMm = page.widthMm - page.marginMm.left - page.marginMm.right;

// Units: the writers convert with these, so no writer carries a factor of its own.
const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;
export const mmToPt = (mm: number) => (mm * PT_PER_INCH) / MM_PER_INCH;
/** DOCX measures spacing and widths in twentieths of a point ("twips"). */
export const mmToTwip = (mm: number) => Math.round(mmToPt(mm) * 20);
export const ptToTwip = (pt: number) => Math.round(pt * 20);
/** DOCX type sizes are in half points, border widths in eighths of a point. */
export const ptToHalfPoints = (pt: number) => Math.round(pt * 2);
export const ptToEighths = (pt: number) => Math.round(pt * 8);
/** The docx library sizes images in CSS pixels (96 per inch). */
const PX_PER_INCH = 96;
export const mmToPx = (mm: number) => (mm * PX_PER_INCH) / MM_PER_INCH;
/** Points as CSS pixels (a chart's font size in vega's units). */
export const ptToPx = (pt: number) => (pt * PX_PER_INCH) / PT_PER_INCH;
/** A share of a width as a CSS percentage. */
export const percent = (share: number) => `${share * 100}%`;

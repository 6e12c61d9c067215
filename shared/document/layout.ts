import type { ParagraphStyle } from './model.ts';

/**
 * The one source of page geometry and type for every writer (GOST R 7.0.97 conventions, DOMAIN.md): A4, margins
 * 20 mm left, 10 mm right, 20 mm top and bottom; 14 pt serif body, justified, 1.25 cm first-line indent; page
 * numbers from page 2, centred at the top; the executor's mark in 10 pt at the bottom left of the last page.
 */
export const page = { widthMm: 210, heightMm: 297, marginMm: { top: 20, right: 10, bottom: 20, left: 20 }, headerMm: 10 } as const;

export const fontFamily = 'PT Serif';
export const type = { bodyPt: 14, smallPt: 10, letterheadPt: 12, headingPt: 14, tablePt: 11 } as const;
/** Line height as a multiple of the type size, exactly, in both writers (so DOCX and PDF break pages alike). */
export const lineHeight = 1.2;
/** The signature's position takes this share of the text width; the name is right-aligned beside its last line. */
export const signaturePositionShare = 0.6;

export interface ParagraphLook {
  align: 'left' | 'center' | 'right' | 'justify';
  firstLineMm: number;
  sizePt: number;
  bold: boolean;
  spaceBeforePt: number;
  spaceAfterPt: number;
}

const body: ParagraphLook = { align: 'justify', firstLineMm: 12.5, sizePt: type.bodyPt, bold: false, spaceBeforePt: 0, spaceAfterPt: 0 };

export const paragraphLook: Record<ParagraphStyle, ParagraphLook> = {
  reference: { ...body, align: 'left', firstLineMm: 0, sizePt: 12, spaceAfterPt: 2 },
  subject: { ...body, align: 'left', firstLineMm: 0, spaceBeforePt: 12, spaceAfterPt: 12, bold: true },
  salutation: { ...body, align: 'center', firstLineMm: 0, spaceAfterPt: 12 },
  body,
  closing: { ...body, align: 'left', firstLineMm: 0, spaceBeforePt: 18 },
  annex: { ...body, align: 'left', firstLineMm: 0, spaceBeforePt: 12 },
  note: { ...body, align: 'left', firstLineMm: 0, sizePt: type.smallPt },
};

/** The addressee block starts at this distance from the left margin (the right half of the text width). */
export const addresseeIndentMm = 80;
/** The signature block: position on the left, the name right-aligned, with this gap above. */
export const signatureSpaceBeforePt = 30;

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
/** DOCX measures in twentieths of a point. */
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
export const textWidthMm = page.widthMm - page.marginMm.left - page.marginMm.right;

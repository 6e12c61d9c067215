import { lineHeight, mmToPt, type ParagraphLook } from '../../shared/document/layout.ts';
import type { Run } from '../../shared/document/model.ts';
import { typeset, type Setting } from '../../shared/document/typography.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { hyphenate } from './hyphenation.ts';
import { breakLines, type FaceName, type Line, type Piece } from './pdf-lines.ts';
import { safeText } from './safe-text.ts';

export type Pdf = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;
/** A structure element and its type, which its marked content repeats as its tag. */
export interface Tagged {
  element: Struct;
  tag: string;
}
/** Where the marked content of a line goes: the list marker's element and the text's (the same for a paragraph). */
export type Targets = Record<Piece['role'], Tagged>;

/** A new structure element of `tag` under `parent`. */
export function tagged(pdf: Pdf, parent: Struct, tag: string, options?: { alt?: string }): Tagged {
  const element = pdf.struct(tag, options ?? {});
  parent.add(element);
  return { element, tag };
}
/** Both roles of a line into one element (a paragraph without a list marker). */
export const into = (target: Tagged): Targets => ({ label: target, body: target });

const faceOf = (run: Pick<Run, 'bold' | 'italic'>): FaceName => (run.bold ? (run.italic ? 'serif-bold-italic' : 'serif-bold') : run.italic ? 'serif-italic' : 'serif');

export interface Ctx {
  pdf: Pdf;
  language: Language;
  /** A table cell sets dates looser than the page (typography.ts `Setting`). */
  setting?: Setting;
}

/** A line's height: exactly `lineHeight` × the type size, as DOCX's exact line spacing makes it. */
export const lineOf = (look: Pick<ParagraphLook, 'sizePt'>) => look.sizePt * lineHeight;

/** Text as every writer sets it: glyphs the font has, no-break spaces, and soft hyphens where the look allows. */
export const setText = (ctx: Ctx, text: string, look: Pick<ParagraphLook, 'hyphenate'>) => {
  const spaced = typeset(safeText(text), ctx.language, ctx.setting);
  return look.hyphenate ? hyphenate(spaced, ctx.language) : spaced;
};

/** Lines of runs in a look, `width` wide. */
export function composeLines(ctx: Ctx, pieces: readonly { text: string; bold?: boolean | undefined; italic?: boolean | undefined; role?: Piece['role'] }[], look: ParagraphLook, width: number, letterSpacingPt = 0): Line[] {
  const { pdf } = ctx;
  const set: Piece[] = pieces.map((piece) => ({ text: setText(ctx, piece.text, look), face: faceOf({ bold: piece.bold || look.bold, italic: piece.italic }), role: piece.role ?? 'body' }));
  const measure = (text: string, face: FaceName) => pdf.font(face).fontSize(look.sizePt).widthOfString(text, { characterSpacing: letterSpacingPt });
  return breakLines(set, measure, width, mmToPt(look.firstLineMm));
}

/**
 * Draws one line at `y`: aligned, a justified line's spaces stretched so it ends exactly at the right edge whatever
 * faces it mixes, each stretch of the list marker (`label`) and of the text (`body`) marked as content of its
 * structure element (none when `targets` is null: the caller marks the line as an artifact).
 */
export function drawLine(ctx: Ctx, line: Line, look: ParagraphLook, at: { x: number; width: number; y: number }, targets: Targets | null, letterSpacingPt = 0): void {
  const { pdf } = ctx;
  const indent = line.first ? mmToPt(look.firstLineMm) : 0;
  const free = at.width - indent - line.width;
  const stretch = look.align === 'justify' && !line.last && line.spaces > 0 ? free / line.spaces : 0;
  let x = at.x + indent + (look.align === 'right' ? free : look.align === 'center' ? free / 2 : 0);
  let open: Piece['role'] | null = null;
  line.segments.forEach((segment, index) => {
    if (segment.kind === 'space') {
      x += segment.width + stretch;
      return;
    }
    if (targets && open !== segment.role) {
      if (open) pdf.endMarkedContent();
      targets[segment.role].element.add(pdf.markStructureContent(targets[segment.role].tag));
      open = segment.role;
    }
    // A word followed by a space is drawn with it, so the text (and the structure a screen reader reads) has its
    // spaces; where the next word starts is set by its own position, not by the space's width.
    const spaced = line.segments[index + 1]?.kind === 'space' ? `${segment.text} ` : segment.text;
    pdf.font(segment.face).fontSize(look.sizePt).text(spaced, x, at.y, { lineBreak: false, characterSpacing: letterSpacingPt });
    x += segment.width;
  });
  if (open) pdf.endMarkedContent();
}


import * as fontkit from 'fontkit';
import { fontFaces, fontPath } from './fonts.ts';

/** Bidirectional controls would let text reorder itself on the page; they are dropped, never drawn. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const REPLACEMENT = '?';

let covered: ((codePoint: number) => boolean) | null = null;
function hasGlyph(codePoint: number): boolean {
  if (!covered) {
    const faces = fontFaces.map((face) => fontkit.openSync(fontPath(face)) as fontkit.Font);
    covered = (cp) => faces.every((font) => font.hasGlyphForCodePoint(cp));
  }
  return covered(codePoint);
}
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Text as the letter's font can show it: characters PT Serif has no glyph for (emoji, Arabic or Hebrew script, rare
 * symbols) become «?» — one per character as a reader sees it — so no writer draws an empty box or a .notdef glyph
 * (which PDF/A forbids), and DOCX and PDF say the same words. Line breaks and tabs are kept.
 */
export function safeText(text: string): string {
  let out = '';
  for (const { segment } of segmenter.segment(text.replace(BIDI_CONTROLS, ''))) {
    const ok = [...segment].every((char) => char === '\n' || char === '\t' || hasGlyph(char.codePointAt(0)!));
    out += ok ? segment : REPLACEMENT;
  }
  return out;
}

import { AlignmentType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import {
  addresseeLook,
  executorLook,
  fontFamily,
  keyLook,
  letterheadLook,
  lineHeight,
  lookOf,
  mmToTwip,
  paragraphLook,
  ptToHalfPoints,
  ptToTwip,
  signatureLook,
  tableLook,
  type ParagraphLook,
} from '../../shared/document/layout.ts';
import type { ParagraphStyle } from '../../shared/document/model.ts';
import type { Language } from '../../shared/domain/vault.ts';

/**
 * The DOCX's named paragraph styles and language: every paragraph the writer makes refers to one of these by id, so a
 * clerk can restyle a letter in Word; every look comes from layout.ts.
 */

/** The language Word and LibreOffice spell-check a letter in (Tajik in Cyrillic, British English). */
export const wordLanguage: Record<Language, string> = { ru: 'ru-RU', tg: 'tg-Cyrl-TJ', en: 'en-GB' };

const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** Named paragraph styles, so a clerk can restyle the letter in Word; every look comes from layout.ts. */
export const styleIds: Record<ParagraphStyle | 'letterhead' | 'letterhead-small' | 'addressee' | 'signature' | 'executor' | 'table' | 'key', string> = {
  reference: 'Reference',
  subject: 'Subject',
  salutation: 'Salutation',
  body: 'Body',
  closing: 'Closing',
  annex: 'Annex',
  note: 'Note',
  'annex-heading': 'AnnexHeading',
  'cover-title': 'CoverTitle',
  cover: 'Cover',
  letterhead: 'Letterhead',
  'letterhead-small': 'LetterheadDetails',
  addressee: 'Addressee',
  signature: 'Signature',
  executor: 'Executor',
  table: 'TableText',
  key: 'Key',
};

export function style(id: string, name: string, look: ParagraphLook, extra: { indentLeftMm?: number; letterSpacingPt?: number } = {}): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fontFamily, size: ptToHalfPoints(look.sizePt), bold: look.bold, ...(extra.letterSpacingPt ? { characterSpacing: ptToTwip(extra.letterSpacingPt) } : {}) },
    paragraph: {
      alignment: alignment[look.align],
      spacing: { before: ptToTwip(look.spaceBeforePt), after: ptToTwip(look.spaceAfterPt), line: ptToTwip(look.sizePt * lineHeight), lineRule: LineRuleType.EXACT },
      indent: { firstLine: mmToTwip(look.firstLineMm), ...((extra.indentLeftMm ?? look.leftMm) ? { left: mmToTwip(extra.indentLeftMm ?? look.leftMm) } : {}) },
    },
  };
}

/** A dossier's own styles: a letter's DOCX does not carry them (its styles stay as they were before dossiers). */
const dossierStyles = new Set<ParagraphStyle>(['cover-title', 'cover']);

/** The named styles of a letter in `language` (the salutation's alignment is the language's, layout.ts `lookOf`). */
export const paragraphStyles = (language: Language, dossier: boolean): IParagraphStyleOptions[] => [
  ...(Object.keys(paragraphLook) as ParagraphStyle[]).filter((key) => dossier || !dossierStyles.has(key)).map((key) => style(styleIds[key], styleIds[key], lookOf(key, language))),
  style(styleIds.letterhead, 'Letterhead', letterheadLook.name),
  style(styleIds['letterhead-small'], 'Letterhead details', letterheadLook.details),
  style(styleIds.addressee, 'Addressee', addresseeLook.line, { indentLeftMm: addresseeLook.indentMm }),
  style(styleIds.signature, 'Signature', signatureLook.line),
  style(styleIds.executor, 'Executor', executorLook.line),
  style(styleIds.table, 'Table text', tableLook.text),
  style(styleIds.key, 'Key', keyLook.line, { letterSpacingPt: keyLook.letterSpacingPt }),
];


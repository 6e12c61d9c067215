import type { Doc } from '../../shared/document/model.ts';
import { stampAnnexSheets, stampRegistration } from '../../shared/templates/letters/stamp.ts';
import { pageMap } from './pdf-writer.ts';

/**
 * The annex's real sheet count in its mark («Приложение: на 2 л. в 1 экз.»), from the PDF's own layout: the annex
 * begins at the letter's page break (the block after it) and runs to the last page; one page is one sheet (letters
 * are printed on one side). Writing the number can move the text, so the count is taken again until it holds.
 * A letter without an annex mark or page break is returned as it is.
 */
export function withAnnexSheets(doc: Doc): Doc {
  const start = doc.blocks.findIndex((block) => block.kind === 'pageBreak') + 1;
  const marked = doc.blocks.some((block) => block.kind === 'paragraph' && block.style === 'annex');
  if (start === 0 || start >= doc.blocks.length || !marked) return doc;
  let stamped = doc;
  for (let tries = 0; tries < 3; tries += 1) {
    const { pages, pageOfBlock } = pageMap(stamped);
    const next = stampAnnexSheets(doc, pages - pageOfBlock[start]! + 1);
    if (JSON.stringify(next) === JSON.stringify(stamped)) return next;
    stamped = next;
  }
  return stamped;
}

/** A draft as registered: its number and date stamped in, then its annex's sheets counted again (staff may have edited it). */
export const registeredDoc = (doc: Doc, number: string, date: string): Doc => withAnnexSheets(stampRegistration(doc, number, date));

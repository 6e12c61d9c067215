import { runsText, type Doc } from '../../document/model.ts';
import { letterPhrases } from './phrases.ts';

/**
 * Writes the registration number and date into a (possibly edited) draft: the meta, the date-and-number line (the
 * first reference paragraph) and the annex heading, which a draft shows with blanks. Everything staff wrote stays.
 */
export function stampRegistration(doc: Doc, number: string, date: string): Doc {
  const p = letterPhrases[doc.meta.language];
  const draftAnnexHeading = p.annexHeading(null, null);
  let referenceDone = false;
  const blocks = doc.blocks.map((block) => {
    if (block.kind === 'paragraph' && block.style === 'reference' && !referenceDone) {
      referenceDone = true;
      return { ...block, runs: [{ text: p.reference(number, date) }] };
    }
    // Compared with its line breaks as spaces: a draft saved when the heading was one line is stamped too.
    if (block.kind === 'paragraph' && block.style === 'annex-heading' && oneLine(runsText(block.runs)) === oneLine(draftAnnexHeading)) return { ...block, runs: [{ text: p.annexHeading(number, date) }] };
    // Drafts saved before the annex heading became a paragraph top right.
    if (block.kind === 'heading' && block.text === draftAnnexHeading) return { ...block, text: p.annexHeading(number, date) };
    return block;
  });
  return { meta: { ...doc.meta, number, date }, blocks };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Writes the annex's real sheet count into the annex mark («Приложение: на 2 л. в 1 экз.») once the layout has
 * counted them. Only the mark the template made — with blanks, or with an earlier count — is replaced; a mark staff
 * rewrote is left as they wrote it.
 */
export function stampAnnexSheets(doc: Doc, sheets: number): Doc {
  const p = letterPhrases[doc.meta.language];
  const templateMade = (text: string) => text === p.annexMark(null) || (text.match(/\d+/g) ?? []).some((n) => p.annexMark(Number(n)) === text);
  const blocks = doc.blocks.map((block) => (block.kind === 'paragraph' && block.style === 'annex' && templateMade(runsText(block.runs)) ? { ...block, runs: [{ text: p.annexMark(sheets) }] } : block));
  return { ...doc, blocks };
}

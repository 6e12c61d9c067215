import type { Doc } from '../../document/model.ts';
import { letterPhrases } from './phrases.ts';

/**
 * Writes the registration number and date into a (possibly edited) draft: the meta, the «№ … от …» line (the first
 * reference paragraph) and the annex heading, which a draft shows with blanks. Everything staff wrote stays.
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
    if (block.kind === 'heading' && block.text === draftAnnexHeading) return { ...block, text: p.annexHeading(number, date) };
    return block;
  });
  return { meta: { ...doc.meta, number, date }, blocks };
}

import type { Doc } from '../../../shared/document/model.ts';
import { dossierPhrases } from '../../../shared/templates/dossier/phrases.ts';

/** The Doc's limit for the mark at the top of every page (shared/document/model.ts). */
const MARK_MAX = 200;

/**
 * A build's Doc as printed before it is issued. The cover, when the dossier has one, already says «Проект по
 * состоянию на …» (the template writes it for every build that is not an edition); here the same phrase, in the
 * dossier's language, joins the classification mark at the top of EVERY page, so no page of the print passes for
 * a page of an issued edition — not even a dossier without a cover, or a page pulled from the pile. A classification
 * too long to carry it is shortened with «…» (the whole mark stays on the cover). The chart pictures made for the
 * preview are left out: the PDF writer draws each chart from its data.
 */
export function draftForPrint(doc: Doc, asOf: string): Doc {
  const draft = dossierPhrases[doc.meta.language].cover.draft(asOf);
  const joiner = ' · ';
  const room = MARK_MAX - draft.length - joiner.length;
  const classification = doc.meta.classification ?? '';
  const kept = classification.length > room ? `${classification.slice(0, Math.max(0, room - 1))}…` : classification;
  const blocks = doc.blocks.map((block) => {
    if (block.kind !== 'chart') return block;
    const picture = { ...block };
    delete picture.svg;
    return picture;
  });
  return { ...doc, meta: { ...doc.meta, classification: kept ? `${kept}${joiner}${draft}` : draft }, blocks };
}

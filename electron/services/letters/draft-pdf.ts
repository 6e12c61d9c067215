import type { LetterDraft } from '../../../shared/domain/letter-draft.ts';
import { withAnnexSheets } from '../../documents/annex-sheets.ts';
import { renderPdf } from '../../documents/pdf-writer.ts';

/**
 * The PDF of a draft as the window holds it, for Print: the same writer and the same annex sheet count as
 * registration (letter-registration.ts), only without a number and date, so what is printed is what would be
 * registered, page for page. Made in memory and handed to the window; nothing is kept or written.
 */
export const draftPdf = (draft: LetterDraft): Promise<Buffer> => renderPdf(withAnnexSheets(draft.doc));

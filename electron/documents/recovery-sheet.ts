import { recoverySheetDoc, type RecoverySheetInput } from '../../shared/templates/recovery-sheet.ts';
import { renderPdf } from './pdf-writer.ts';

export type { RecoverySheetInput };

/** The printable recovery sheet as PDF bytes: its Doc (shared/templates/recovery-sheet.ts) drawn by the PDF writer. */
export function renderRecoverySheet(input: RecoverySheetInput): Promise<Buffer> {
  return renderPdf(recoverySheetDoc(input));
}

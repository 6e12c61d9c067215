import PDFDocument from 'pdfkit';
import type { Language } from '../../shared/domain/vault.ts';
import { recoverySheetPhrases } from '../../shared/templates/recovery-sheet.ts';
import { fontPath } from './fonts.ts';

export interface RecoverySheetInput {
  recoveryKey: string;
  vaultId: string;
  createdAt: Date;
  language: Language;
}

const MM = 72 / 25.4;

/** The printable recovery sheet as PDF bytes (A4, PT Serif embedded, text extractable). */
export function renderRecoverySheet(input: RecoverySheetInput): Promise<Buffer> {
  const phrases = recoverySheetPhrases[input.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 20 * MM, bottom: 20 * MM, left: 20 * MM, right: 15 * MM },
    info: { Title: phrases.title, Producer: 'Ombuds Dossier', Creator: 'Ombuds Dossier', CreationDate: input.createdAt },
    lang: input.language,
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('serif', fontPath('regular'));
  doc.registerFont('serif-bold', fontPath('bold'));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('serif-bold').fontSize(18).text(phrases.title, { width });
  doc.moveDown(0.8).font('serif').fontSize(12).text(phrases.intro, { width });
  doc.moveDown(1.2).font('serif-bold').fontSize(12).text(phrases.keyLabel, { width });
  // The key in large type, two lines of four groups, so it can be copied by hand without losing place.
  const groups = input.recoveryKey.split('-');
  doc.moveDown(0.4).font('serif-bold').fontSize(22);
  for (let i = 0; i < groups.length; i += 4) doc.text(groups.slice(i, i + 4).join('-'), { width, characterSpacing: 2 });
  doc.moveDown(1).font('serif').fontSize(11);
  doc.text(`${phrases.vaultLabel}: ${input.vaultId}`, { width });
  doc.text(`${phrases.createdLabel}: ${input.createdAt.toISOString().slice(0, 10)}`, { width });
  doc.moveDown(1).fontSize(12);
  phrases.instructions.forEach((line, index) => doc.text(`${index + 1}. ${line}`, { width }).moveDown(0.3));
  doc.moveDown(1).font('serif-bold').text(phrases.warning, { width });
  doc.end();
  return done;
}

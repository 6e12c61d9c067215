// A child of letters.bench.ts: one 20-incident letter made in a fresh process — Node started, the writer's code and
// its fonts loaded for the first time — and written to the path given, like a LibreOffice cold start. The parent
// times the whole process, from spawn to exit.
import { writeFileSync } from 'node:fs';
import { letterOf } from './letter-of.ts';

const [format, out] = process.argv.slice(2);
if (!out || (format !== 'pdf' && format !== 'docx')) throw new Error('usage: cold-letter.ts pdf|docx OUT');
// Only the writer asked for is loaded, as the app loads it on first use.
const bytes =
  format === 'pdf'
    ? await (await import('../electron/documents/pdf-writer.ts')).renderPdf(letterOf(20))
    : await (await import('../electron/documents/docx-writer.ts')).renderDocx(letterOf(20), 'bench');
writeFileSync(out, bytes);

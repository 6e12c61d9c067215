import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocx } from '../electron/documents/docx-writer.ts';
import { renderPdf } from '../electron/documents/pdf-writer.ts';
import { buildLetter } from '../shared/templates/letters/letter.ts';
import { appeal, incident } from '../test/support/letter-inputs.ts';
import { median, report, timeAsync } from './report.ts';

const letterOf = (count: number) => buildLetter(appeal(Array.from({ length: count }, (_, i) => incident(i + 1, { description: 'Граждане Республики Таджикистан удерживались на пункте пропуска трое суток без пищи и воды; среди них женщины и дети. Сотрудники отказывались объяснить причины задержания.' }))));

/**
 * A 20-incident appeal (the text lists 5; beyond that the incidents go to a numbered annex, so this one has an annex
 * table): our PDF and DOCX writers, median of 5, beside LibreOffice headless converting the same DOCX to PDF in this
 * run. Then a 200-incident letter in a child process, for its time and its own peak memory.
 */
export async function benchLetters(): Promise<void> {
  console.log('\nletters: a 20-incident appeal, median of 5, beside LibreOffice headless converting the same DOCX to PDF (one run, cold start included)');
  const doc = letterOf(20);
  let docx: Buffer = Buffer.alloc(0);
  const pdfTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) pdfTimes.push(await timeAsync(() => renderPdf(doc)));
  const pdfMs = median(pdfTimes);
  const docxTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) docxTimes.push(await timeAsync(async () => (docx = await renderDocx(doc, 'bench'))));
  const docxMs = median(docxTimes);
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    const input = join(dir, 'letter.docx');
    writeFileSync(input, docx);
    const start = performance.now();
    const converted = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { encoding: 'utf8' });
    const libreMs = performance.now() - start;
    if (converted.status !== 0) console.log(`LibreOffice unavailable (${converted.error?.message ?? converted.stderr.trim()}); no baseline`);
    else {
      report('letter PDF, 20 incidents (pdfkit)', pdfMs, 'LibreOffice DOCX → PDF', libreMs);
      report('letter DOCX, 20 incidents (docx)', docxMs, 'LibreOffice DOCX → PDF', libreMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('\nletters: a 200-incident appeal (annex of 200 rows), PDF + DOCX, in a child process for its own peak memory');
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-200'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`200-incident bench failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout) as { pdfMs: number; docxMs: number; pages: number; rssBeforeMiB: number; peakMiB: number };
  report('letter PDF, 200 incidents', result.pdfMs, 'letter PDF, 20 incidents', pdfMs);
  report('letter DOCX, 200 incidents', result.docxMs, 'letter DOCX, 20 incidents', docxMs);
  report('200-incident letter: peak RSS', result.peakMiB, 'RSS before generating', result.rssBeforeMiB, 'MiB');
}

/** The child: builds and writes the 200-incident letter, then reports its times and the process's peak RSS. */
async function child200(): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const doc = letterOf(200);
  const pdfMs = await timeAsync(() => renderPdf(doc));
  const docxMs = await timeAsync(() => renderDocx(doc, 'bench-200'));
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ pdfMs, docxMs, rssBeforeMiB: rssBefore / 2 ** 20, peakMiB: peak / 2 ** 20 }));
}

if (process.argv.includes('--child-200')) await child200();

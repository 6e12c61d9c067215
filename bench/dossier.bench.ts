import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { renderDocx } from '../electron/documents/docx-writer.ts';
import { renderPdf } from '../electron/documents/pdf-writer.ts';
import { thumbnail } from '../electron/documents/thumbnails.ts';
import { dossierDoc } from '../test/support/dossier-docs.ts';
import { letterOf } from './letter-of.ts';
import { report, timeAsync } from './report.ts';

/**
 * The meeting dossier (issue 13) at 100, 500 and 1,000 incident sheets with 200 evidence images, each size in a
 * child process of its own for its peak RSS: the 200 thumbnails made one at a time from 2400×1600 photos (sharp),
 * then the PDF and the DOCX built and saved. The Doc has the dossier's shape (cover, contents, summary with three
 * charts, one sheet per incident, the evidence annex) without the vault (test/support/dossier-docs.ts). Baseline,
 * in the same child: a letter whose annex lists the same number of incidents, PDF and DOCX.
 */
const SIZES = [100, 500, 1000] as const;
const IMAGES = 200;
const PHOTO = { width: 2400, height: 1600 };

/** What one child process makes: the dossier as PDF or DOCX (with its thumbnails), or the baseline letter (both). */
type Job = 'pdf' | 'docx' | 'letter';
interface ChildResult {
  thumbsMs: number;
  ms: number;
  docxMs: number;
  pages: number;
  peakMiB: number;
  /** RSS just before the document is built (code, fonts, thumbnails in memory). */
  beforeMiB: number;
}

function run(job: Job, size: number): ChildResult {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', job, String(size)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`dossier bench (${job} ${size}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult;
}

export function benchDossier(): void {
  console.log(
    `\ndossier: ${SIZES.join(', ')} incident sheets with ${IMAGES} evidence images; the PDF and the DOCX each in a child process of its own ` +
      `(its ${IMAGES} thumbnails made one at a time from ${PHOTO.width}×${PHOTO.height} JPEGs, then the document built and saved; peak RSS of that process). ` +
      'Baseline: a letter with the same number of incidents in its annex, PDF and DOCX, in a child of its own',
  );
  const perSheet: { pdf: number; docx: number }[] = [];
  for (const size of SIZES) {
    const [pdf, docx, letter] = [run('pdf', size), run('docx', size), run('letter', size)];
    perSheet.push({ pdf: pdf.ms / size, docx: docx.ms / size });
    report(`dossier PDF, ${size} sheets (${pdf.pages} p.)`, pdf.ms, `letter PDF, ${size} incidents`, letter.ms);
    report(`dossier DOCX, ${size} sheets`, docx.ms, `letter DOCX, ${size} incidents`, letter.docxMs);
    report(`${IMAGES} thumbnails, one at a time`, pdf.thumbsMs, `dossier PDF, ${size} sheets`, pdf.ms);
    report(`dossier PDF ${size}: peak RSS`, pdf.peakMiB, `letters ${size}: peak RSS`, letter.peakMiB, 'MiB');
    report(`dossier DOCX ${size}: peak RSS`, docx.peakMiB, `letters ${size}: peak RSS`, letter.peakMiB, 'MiB');
    report(`dossier PDF ${size}: peak RSS`, pdf.peakMiB, 'RSS before it (code, thumbnails)', pdf.beforeMiB, 'MiB');
  }
  // Linear cost: the time per sheet at 1,000 beside the time per sheet at 100.
  const [small, , large] = perSheet;
  if (small && large) {
    report('dossier PDF per sheet at 1,000', large.pdf, 'dossier PDF per sheet at 100', small.pdf);
    report('dossier DOCX per sheet at 1,000', large.docx, 'dossier DOCX per sheet at 100', small.docx);
  }
}

/** A photo's bytes, different for each index (so no two thumbnails are the same picture). */
const photo = (index: number) =>
  sharp({ create: { width: PHOTO.width, height: PHOTO.height, channels: 3, background: { r: (index * 37) % 256, g: (index * 91) % 256, b: (index * 53) % 256 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

/** The 200 thumbnails, one at a time, each from a photo made just before it (as read from the vault one by one). */
async function thumbnails(): Promise<{ pictures: { mediaType: 'image/jpeg'; base64: string }[]; ms: number }> {
  const pictures: { mediaType: 'image/jpeg'; base64: string }[] = [];
  let ms = 0;
  for (let i = 0; i < IMAGES; i += 1) {
    const bytes = await photo(i);
    ms += await timeAsync(async () => {
      const made = await thumbnail(bytes, 'image/jpeg');
      if ('damaged' in made) throw new Error(`photo ${i}: ${made.reason}`);
      pictures.push({ mediaType: made.mediaType, base64: made.base64 });
    });
  }
  return { pictures, ms };
}

async function child(job: Job, size: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    // Warm-up (untimed): code and fonts loaded, as in the app after its first document.
    if (job === 'docx') await renderDocx(dossierDoc({ sheets: 2, figures: 1 }), 'bench');
    else await renderPdf(dossierDoc({ sheets: 2, figures: 1 }));
    const result: ChildResult = { thumbsMs: 0, ms: 0, docxMs: 0, pages: 0, peakMiB: 0, beforeMiB: 0 };
    if (job === 'letter') {
      const letter = letterOf(size);
      result.ms = await timeAsync(async () => writeFileSync(join(dir, 'letter.pdf'), await renderPdf(letter)));
      result.docxMs = await timeAsync(async () => writeFileSync(join(dir, 'letter.docx'), await renderDocx(letter, 'bench')));
    } else {
      const { pictures, ms } = await thumbnails();
      result.thumbsMs = ms;
      const doc = dossierDoc({ sheets: size, figures: IMAGES, pictures });
      result.beforeMiB = process.memoryUsage().rss / 2 ** 20;
      result.ms = await timeAsync(async () => {
        const bytes = job === 'pdf' ? await renderPdf(doc) : await renderDocx(doc, 'bench');
        if (job === 'pdf') result.pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(bytes.toString('latin1'))?.[1] ?? 0);
        writeFileSync(join(dir, `dossier.${job}`), bytes);
      });
    }
    result.peakMiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
    process.stdout.write(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1] as Job, Number(process.argv[at + 2]));

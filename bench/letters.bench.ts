import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocx } from '../electron/documents/docx-writer.ts';
import { renderPdf } from '../electron/documents/pdf-writer.ts';
import { letterOf } from './letter-of.ts';
import { median, report, time, timeAsync } from './report.ts';

const RUNS = 3;
const WARM = 5;
/** Files converted by one soffice for its warm figure: the batch's time less a one-file run's, per extra file. */
const BATCH = 21;
const COLD_CHILD = fileURLToPath(new URL('./cold-letter.ts', import.meta.url));

/** Builds a letter of `count` incidents, renders it and saves it: what a figure below times. */
async function makeLetter(count: number, format: 'pdf' | 'docx', path: string): Promise<void> {
  const doc = letterOf(count);
  writeFileSync(path, format === 'pdf' ? await renderPdf(doc) : await renderDocx(doc, 'bench'));
}

/** Wall time of one process from spawn to exit; a failure returns its message instead. */
function runProcess(command: string, args: string[]): number | string {
  let result: ReturnType<typeof spawnSync> | undefined;
  const ms = time(() => (result = spawnSync(command, args, { encoding: 'utf8' })));
  if (result!.status === 0) return ms;
  return result!.error?.message ?? String(result!.stderr).trim();
}

/** Our writer made cold: a fresh Node process that loads the writer and its fonts, builds the letter and writes it. */
function ourCold(format: 'pdf' | 'docx', dir: string): number {
  const times = Array.from({ length: RUNS }, (_, i) => {
    const ms = runProcess(process.execPath, [COLD_CHILD, format, join(dir, `cold-${i}.${format}`)]);
    if (typeof ms === 'string') throw new Error(`cold ${format} letter failed: ${ms}`);
    return ms;
  });
  return median(times);
}

/** LibreOffice headless converting DOCX files to PDF in one fresh soffice process: its wall time, or why it failed. */
function soffice(dir: string, inputs: readonly string[], outdir: string): number | string {
  return runProcess('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, ...inputs]);
}

/**
 * LibreOffice cold (a new soffice converting one file) and warm (per file, when one soffice converts a batch of
 * BATCH files: (batch time − one-file time) / (BATCH − 1), so its start-up and the first file's loading drop out).
 * A first, untimed run creates its user profile, which a user's installation already has.
 */
function libreOffice(docx: Buffer, dir: string): { cold: number; warm: number } | string {
  const one = join(dir, 'letter.docx');
  writeFileSync(one, docx);
  const batch = Array.from({ length: BATCH }, (_, i) => join(dir, `letter-${i + 1}.docx`));
  for (const file of batch) copyFileSync(one, file);
  const profile = soffice(dir, [one], join(dir, 'profile-run'));
  if (typeof profile === 'string') return profile;
  const singles: number[] = [];
  const batches: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    for (const [times, inputs] of [[singles, [one]], [batches, batch]] as const) {
      const outdir = join(dir, `out-${times === singles ? 'one' : 'batch'}-${i}`);
      mkdirSync(outdir);
      const ms = soffice(dir, inputs, outdir);
      if (typeof ms === 'string') return ms;
      times.push(ms);
    }
  }
  return { cold: median(singles), warm: (median(batches) - median(singles)) / (BATCH - 1) };
}

/**
 * A 20-incident appeal (the text lists 5; beyond that the incidents go to a numbered annex, so this one has an annex
 * table), our PDF and DOCX writers beside LibreOffice headless converting the same DOCX to PDF, cold with cold and
 * warm with warm; every side writes its file to disk. Then a 200-incident letter in a child process, for its time
 * and its own peak memory.
 */
export async function benchLetters(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  let pdfMs = 0;
  let docxMs = 0;
  try {
    const coldPdf = ourCold('pdf', dir);
    const coldDocx = ourCold('docx', dir);
    // Warm: the same process has made the letter once already (untimed), as the app has after its first letter.
    const warm = async (format: 'pdf' | 'docx') => {
      await makeLetter(20, format, join(dir, `warm-up.${format}`));
      const times: number[] = [];
      for (let i = 0; i < WARM; i += 1) times.push(await timeAsync(() => makeLetter(20, format, join(dir, `warm-${i}.${format}`))));
      return median(times);
    };
    pdfMs = await warm('pdf');
    docxMs = await warm('docx');
    const libre = libreOffice(await renderDocx(letterOf(20), 'bench'), dir);
    console.log(
      `\nletters: a 20-incident appeal built, written and saved, beside LibreOffice headless converting the same DOCX to PDF. ` +
        `Cold = a new process (ours: Node + writer + fonts; LibreOffice: a new soffice, its profile already made; ` +
        `both with their program files in the OS page cache), median of ${RUNS}. ` +
        `Warm = ours in a process that has made it once, median of ${WARM}; LibreOffice per file when one soffice converts ${BATCH} ` +
        '(batch time less a one-file run, ÷ the extra files)',
    );
    if (typeof libre === 'string') {
      console.log(`LibreOffice unavailable (${libre}); our cold figures beside our warm ones instead`);
      report('letter PDF, 20 incidents, cold', coldPdf, 'letter PDF, 20 incidents, warm', pdfMs);
      report('letter DOCX, 20 incidents, cold', coldDocx, 'letter DOCX, 20 incidents, warm', docxMs);
    } else {
      report('letter PDF, 20 incidents, cold', coldPdf, 'LibreOffice DOCX → PDF, cold', libre.cold);
      report('letter DOCX, 20 incidents, cold', coldDocx, 'LibreOffice DOCX → PDF, cold', libre.cold);
      report('letter PDF, 20 incidents, warm', pdfMs, 'LibreOffice DOCX → PDF, warm', libre.warm);
      report('letter DOCX, 20 incidents, warm', docxMs, 'LibreOffice DOCX → PDF, warm', libre.warm);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('\nletters: a 200-incident appeal (annex of 200 rows), built, written and saved, warm, in a child process for its own peak memory');
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-200'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`200-incident bench failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout) as { pdfMs: number; docxMs: number; rssBeforeMiB: number; peakMiB: number };
  report('letter PDF, 200 incidents, warm', result.pdfMs, 'letter PDF, 20 incidents, warm', pdfMs);
  report('letter DOCX, 200 incidents, warm', result.docxMs, 'letter DOCX, 20 incidents, warm', docxMs);
  report('200-incident letters: peak RSS', result.peakMiB, 'RSS after a 20-incident letter', result.rssBeforeMiB, 'MiB');
}

/**
 * The child: makes a 20-incident PDF and DOCX first (untimed: code and fonts loaded, as for the 20-incident warm
 * figures), then the 200-incident ones, and reports their times and the process's peak RSS.
 */
async function child200(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    await makeLetter(20, 'pdf', join(dir, 'warm-up.pdf'));
    await makeLetter(20, 'docx', join(dir, 'warm-up.docx'));
    const rssBefore = process.memoryUsage().rss;
    const pdfMs = await timeAsync(() => makeLetter(200, 'pdf', join(dir, 'letter-200.pdf')));
    const docxMs = await timeAsync(() => makeLetter(200, 'docx', join(dir, 'letter-200.docx')));
    const peak = process.resourceUsage().maxRSS * 1024;
    process.stdout.write(JSON.stringify({ pdfMs, docxMs, rssBeforeMiB: rssBefore / 2 ** 20, peakMiB: peak / 2 ** 20 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--child-200')) await child200();

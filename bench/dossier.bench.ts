import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DossierBuildFigures } from './dossier-build.ts';
import { dossierIdFor, makeBenchVault } from './dossier-vault.ts';
import { median, report, time, timeAsync } from './report.ts';

/**
 * The meeting dossier (issue 13, "Fast, at scale") through the real pipeline: a FAST_KDF vault with 1,000 generated
 * incidents (places, victims — withheld ones among them —, sources, letters to the counterpart) and 200 photos of
 * 1.2–3 megapixels taken in through the evidence service, and one composition per size. For each size and format a
 * fresh child process does what `dossier build --out FILE.pdf|.docx` does (bench/dossier-build.ts).
 *
 * Baseline: LibreOffice, in a fresh soffice, opening the DOCX our child just wrote and saving the same document as PDF
 * (our PDF's side) or as DOCX (our DOCX's side). That is a mature office suite laying out and writing the very
 * document, pictures included, so the ratio says how our writers compare with it; our side does more (it unlocks the
 * vault, reads and checks every record and image, scales 200 photos), so a ratio near 1 is already good. The letters
 * bench compares small documents; this one the large.
 */
const SIZES = [100, 500, 1000] as const;
const IMAGES = 200;
/** Issue 13's targets for 1,000 incidents, PDF (the DOCX "in the same range"). */
const TARGET_MS = 10_000;
const TARGET_MIB = 500e6 / 2 ** 20;
/** Rounds in mirrored order (ours then LibreOffice, then LibreOffice then ours, …); each figure is the median. */
const ROUNDS = 3;
const CHILD = fileURLToPath(new URL('./dossier-build.ts', import.meta.url));

type Format = 'pdf' | 'docx';
interface Ours extends DossierBuildFigures {
  /** Spawn to exit, as the parent saw it: Node started, code loaded, vault unlocked, build, file written. */
  processMs: number;
}
interface Theirs {
  processMs: number;
  peakMiB: number;
  pages: number;
}
interface SizeResult {
  size: number;
  pdf: Ours;
  docx: Ours;
  loPdf: Theirs;
  loDocx: Theirs;
}

function ours(vaultDir: string, size: number, format: Format, out: string): Ours {
  let child: ReturnType<typeof spawnSync> | undefined;
  const processMs = time(() => (child = spawnSync(process.execPath, [CHILD, vaultDir, dossierIdFor(size), format, out], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })));
  if (child!.status !== 0) throw new Error(`dossier bench: the ${format} build of ${size} failed: ${String(child!.stderr)}`);
  return { ...(JSON.parse(String(child!.stdout)) as DossierBuildFigures), processMs };
}

/** A fonts.conf adding the PT Serif package's fonts (not installed system-wide), so LibreOffice sets the document in its face. */
function fontsConf(dir: string): string {
  const fonts = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/pt-serif/package.json'));
  mkdirSync(join(dir, 'font-cache'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'font-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return conf;
}

/** A fresh soffice converting `docx` to `format`, under /usr/bin/time for its peak RSS (soffice.bin, the process it waits for). */
function libreOffice(scratch: string, docx: string, format: Format, fonts: string): Theirs {
  const outdir = mkdtempSync(join(scratch, `lo-${format}-`));
  const rusage = join(outdir, 'rusage.txt');
  const args = ['-f', '%M', '-o', rusage, 'soffice', `-env:UserInstallation=file://${join(scratch, 'lo-profile')}`, '--headless', '--convert-to', format, '--outdir', outdir, docx];
  let result: ReturnType<typeof spawnSync> | undefined;
  const processMs = time(() => (result = spawnSync('/usr/bin/time', args, { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fonts } })));
  const written = join(outdir, docx.split('/').at(-1)!.replace(/\.docx$/, `.${format}`));
  if (result!.status !== 0 || !existsSync(written)) throw new Error(`dossier bench: LibreOffice → ${format} failed: ${String(result!.stderr)}`);
  const pages = format === 'pdf' ? Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [written], { encoding: 'utf8' }).stdout)?.[1] ?? 0) : 0;
  const peakMiB = Number(readFileSync(rusage, 'utf8').trim().split('\n').at(-1)) / 1024;
  rmSync(outdir, { recursive: true, force: true });
  return { processMs, peakMiB, pages };
}

export async function benchDossier(): Promise<void> {
  if (!existsSync('/usr/bin/time') || spawnSync('soffice', ['--version']).status !== 0) {
    console.log('\ndossier: skipped — the baseline needs LibreOffice (soffice) and /usr/bin/time');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    let vault: Awaited<ReturnType<typeof makeBenchVault>> | undefined;
    const setupMs = await timeAsync(async () => (vault = await makeBenchVault(scratch, SIZES, IMAGES)));
    const fonts = fontsConf(scratch);
    console.log(
      `\ndossier through the real pipeline: ${SIZES.join(', ')} incidents (each with its victims — withheld ones masked —, places, sources and letters) ` +
        `and ${IMAGES} photos of 1.2–3.0 megapixels (${(vault!.photoBytes / 2 ** 20).toFixed(0)} MiB of JPEG and PNG), all in a FAST_KDF vault made in ${(setupMs / 1000).toFixed(1)} s ` +
        'and removed afterwards. Each size and format in a fresh child process doing what `dossier build --out` does: unlock, gather the records and scale each photo ' +
        '(one at a time, from the vault), build the Doc, run the writer, write the file; time from spawn to exit, peak RSS of that process, and its RSS as the build starts. ' +
        'Baseline: a fresh LibreOffice (soffice, its profile made beforehand, PT Serif given) opening the DOCX our child wrote and saving that same document as PDF, ' +
        `or as DOCX, timed the same way with its peak RSS. Each figure the median of ${ROUNDS} rounds in mirrored order. Targets for 1,000 incidents: build ≤ ${TARGET_MS / 1000} s, peak ≤ 500 MB (${TARGET_MIB.toFixed(0)} MiB)`,
    );
    const results: SizeResult[] = [];
    for (const size of SIZES) {
      const docxPath = join(scratch, `dossier-${size}.docx`);
      const rounds: SizeResult[] = [];
      const ourRound = () => ({ pdf: ours(vault!.vaultDir, size, 'pdf', join(scratch, `dossier-${size}.pdf`)), docx: ours(vault!.vaultDir, size, 'docx', docxPath) });
      const theirRound = () => ({ loPdf: libreOffice(scratch, docxPath, 'pdf', fonts), loDocx: libreOffice(scratch, docxPath, 'docx', fonts) });
      for (let round = 0; round < ROUNDS; round += 1) {
        if (round % 2 === 0) {
          const mine = ourRound();
          // Untimed: LibreOffice's first start makes its user profile, which an installation in use already has.
          if (results.length === 0 && round === 0) libreOffice(scratch, docxPath, 'pdf', fonts);
          rounds.push({ size, ...mine, ...theirRound() });
        } else {
          const theirs = theirRound();
          rounds.push({ size, ...ourRound(), ...theirs });
        }
      }
      const { pdf, docx, loPdf, loDocx } = medianOf(size, rounds);
      results.push({ size, pdf, docx, loPdf, loDocx });
      if (pdf.pictures !== IMAGES || docx.pictures !== IMAGES) throw new Error(`dossier bench: ${pdf.pictures} pictures in the ${size} dossier, ${IMAGES} expected`);
      const n = size.toLocaleString('en');
      report(`PDF ${n} (${pdf.pages} p.), spawn to exit`, pdf.processMs, `LibreOffice DOCX → PDF (${loPdf.pages} p.)`, loPdf.processMs);
      report(`DOCX ${n}, spawn to exit`, docx.processMs, 'LibreOffice DOCX → DOCX', loDocx.processMs);
      report(`PDF ${n}: peak RSS`, pdf.peakMiB, 'LibreOffice DOCX → PDF: peak RSS', loPdf.peakMiB, 'MiB');
      report(`DOCX ${n}: peak RSS`, docx.peakMiB, 'LibreOffice DOCX → DOCX: peak RSS', loDocx.peakMiB, 'MiB');
      report(`PDF ${n}: peak RSS`, pdf.peakMiB, 'its RSS as the build starts', pdf.beforeMiB, 'MiB');
      report(`DOCX ${n}: peak RSS`, docx.peakMiB, 'its RSS as the build starts', docx.beforeMiB, 'MiB');
      report(`PDF ${n}: records → Doc`, pdf.gatherMs, 'PDF writer, file written', pdf.writeMs);
      report(`PDF ${n}: records → Doc`, pdf.gatherMs, `of it, ${IMAGES} photos decoded and scaled`, pdf.thumbsMs);
      report(`DOCX ${n}: DOCX writer, file written`, docx.writeMs, 'PDF writer, file written', pdf.writeMs);
    }
    // The cost per incident: what each added incident costs (the 200 photos and the start-up drop out), at the small
    // end and the large end; equal when the cost grows linearly. Then the same beside LibreOffice's.
    const [small, middle, large] = results;
    if (small && middle && large) {
      const perAdded = (from: SizeResult, to: SizeResult, pick: (r: SizeResult) => number) => (pick(to) - pick(from)) / (to.size - from.size);
      const build = (format: Format) => (r: SizeResult) => r[format].gatherMs + r[format].writeMs;
      console.log('cost per added incident (ms, or MiB of peak RSS), between two sizes: the photos and the start-up drop out');
      report('PDF per incident, 500 → 1,000', perAdded(middle, large, build('pdf')), 'PDF per incident, 100 → 500', perAdded(small, middle, build('pdf')));
      report('DOCX per incident, 500 → 1,000', perAdded(middle, large, build('docx')), 'DOCX per incident, 100 → 500', perAdded(small, middle, build('docx')));
      report('PDF per incident, 100 → 1,000', perAdded(small, large, (r) => r.pdf.processMs), 'LibreOffice → PDF per incident', perAdded(small, large, (r) => r.loPdf.processMs));
      report('DOCX per incident, 100 → 1,000', perAdded(small, large, (r) => r.docx.processMs), 'LibreOffice → DOCX per incident', perAdded(small, large, (r) => r.loDocx.processMs));
      report('PDF peak per incident, 100 → 1,000', perAdded(small, large, (r) => r.pdf.peakMiB), 'LibreOffice → PDF peak per incident', perAdded(small, large, (r) => r.loPdf.peakMiB), 'MiB');
      report('DOCX peak per incident, 100 → 1,000', perAdded(small, large, (r) => r.docx.peakMiB), 'LibreOffice → DOCX peak per incident', perAdded(small, large, (r) => r.loDocx.peakMiB), 'MiB');
      report('PDF 1,000: build (records → file)', build('pdf')(large), 'target', TARGET_MS);
      report('DOCX 1,000: build (records → file)', build('docx')(large), 'target', TARGET_MS);
      report('PDF 1,000: peak RSS', large.pdf.peakMiB, 'target (500 MB)', TARGET_MIB, 'MiB');
      report('DOCX 1,000: peak RSS', large.docx.peakMiB, 'target (500 MB)', TARGET_MIB, 'MiB');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Each figure's median over the rounds (a process's peak RSS varies little; its time varies with the machine's load). */
function medianOf(size: number, rounds: readonly SizeResult[]): SizeResult {
  const of = <T extends object>(pick: (r: SizeResult) => T): T => {
    const first = pick(rounds[0]!);
    return Object.fromEntries(Object.keys(first).map((key) => [key, median(rounds.map((r) => (pick(r) as Record<string, number>)[key]!))])) as T;
  };
  return { size, pdf: of((r) => r.pdf), docx: of((r) => r.docx), loPdf: of((r) => r.loPdf), loDocx: of((r) => r.loDocx) };
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { libreOfficePdfsWithFonts } from './libreoffice.ts';
import { tempDir } from './temp.ts';

/** Real tools over real files: poppler (pdftotext, pdffonts, pdfinfo, pdftoppm), qpdf and LibreOffice. */
function run(command: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
/**
 * A poppler reader that must succeed: a missing or unreadable PDF throws instead of reading as "no text", which would
 * let a check on it pass or fail for the wrong reason (a test once read a file its temp folder had already lost).
 */
function read(command: 'pdftotext' | 'pdfinfo' | 'pdffonts', args: string[]): string {
  const result = run(command, args);
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr.trim()}`);
  return result.stdout;
}

const A4 = { width: 595, height: 842 };
/** Below the header, where page numbers stand (10 mm from the top), so body text can be compared across writers. */
const BODY_TOP = 48;

export const pdfText = (path: string, ...args: string[]) => read('pdftotext', [...args, path, '-']);
/**
 * The words of the body in reading order (content order with -raw), page numbers cropped away. A word hyphenated at
 * a line end is joined again, and hyphens are dropped, so two layouts that break lines in other places (ours and
 * LibreOffice's, a word or two apart) say the same words.
 */
export const bodyWords = (path: string) =>
  pdfText(path, '-raw', '-x', '0', '-y', String(BODY_TOP), '-W', String(A4.width), '-H', String(A4.height - BODY_TOP))
    .replace(/-\n/g, '')
    .replace(/-/g, '')
    .split(/\s+/)
    .filter(Boolean);
/** Text in a band of one page, in points from the top: to check what stands where. */
export const textIn = (path: string, page: number, band: { y: number; h: number }) =>
  pdfText(path, '-f', String(page), '-l', String(page), '-x', '0', '-y', String(Math.round(band.y)), '-W', String(A4.width), '-H', String(Math.round(band.h))).trim();

export function pageCount(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(read('pdfinfo', [path]))?.[1] ?? 0);
}

export interface FontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
}
export function pdfFonts(path: string): FontRow[] {
  const lines = read('pdffonts', [path]).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: the yes/no columns are the 5th, 4th and 3rd from the end
    return { name: cells[0]!, embedded: cells.at(-5) === 'yes', subset: cells.at(-4) === 'yes' };
  });
}

export const qpdfCheck = (path: string) => run('qpdf', ['--check', path]);

/** Word boxes of a page (pdftotext -bbox), in points. */
export function wordBoxes(path: string, page: number): { xMin: number; xMax: number; yMin: number; yMax: number; word: string }[] {
  const html = read('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    word: m[5]!,
  }));
}

/**
 * LibreOffice headless converts DOCX files to PDF, in order, in one soffice run, with the letter's font (PT Serif)
 * made available to it, so it breaks lines and pages as our PDF does (libreoffice.ts).
 */
export const libreOfficePdfs = (...docx: string[]): string[] => libreOfficePdfsWithFonts(...docx);

/** Renders the pages to PNG in test-artifacts/letters, to be looked at. */
export function renderPages(pdf: string, name: string): void {
  const dir = join(process.cwd(), 'test-artifacts', 'letters');
  mkdirSync(dir, { recursive: true });
  run('pdftoppm', ['-r', '70', '-png', pdf, join(dir, name)]);
}

/** The XML parts of a DOCX by name. */
export function docxParts(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const parts = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString(/\.(xml|rels)$/.test(entry.fileName) ? 'utf8' : 'base64'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.readEntry();
    });
  });
}

export function writeTemp(name: string, bytes: Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}
export const readBytes = (path: string) => readFileSync(path);

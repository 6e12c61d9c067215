import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDemo } from '../../scripts/demo-vault.ts';
import { runCli } from '../support/cli.ts';
import { docxParts, libreOfficePdfs, pageCount, pdfText } from '../support/documents.ts';
import { FAST_KDF } from '../support/fast-kdf.ts';
import { tempDir } from '../support/temp.ts';

const PASS = 'демо Хорог 2024 кӯҳ ва дарё';
/** The scenario's withheld person: no byte of either file may hold the name, in any spelling the records have. */
const WITHHELD = ['Раҳимов', 'Ҷамшед', 'Rakhimov', 'Jamshed', '+992 90 000 00 00'];
/** Text compared across layouts: no spaces, no hyphens (line breaks and hyphenation differ). */
const squeezed = (text: string) => text.replace(/[\s\u00AD-]+/g, '');

/** The PDF's table of contents as printed: each entry's title (wrapped lines joined) and page number. */
function contentsOf(pdf: string, page: number): { title: string; page: number }[] {
  const lines = pdfText(pdf, '-layout', '-f', String(page), '-l', String(page)).split('\n').map((line) => line.trim());
  const entries: { title: string; page: number }[] = [];
  let pending = '';
  for (const line of lines.slice(lines.findIndex((line) => line === 'Содержание') + 1)) {
    if (!line || /^Страница \d+ из \d+$/.test(line)) continue;
    const entry = /^(.*?)\s*(?:\.\s*){3,}(\d+)$/.exec(line);
    if (entry) {
      entries.push({ title: `${pending} ${entry[1]}`.trim(), page: Number(entry[2]) });
      pending = '';
    } else pending = `${pending} ${line}`.trim();
  }
  return entries;
}

/** The heading stands on the page as a line of its own (wrapped over up to three lines), not inside other text. */
function standsOn(page: string, title: string): boolean {
  const lines = page.split('\n').map((line) => squeezed(line)).filter(Boolean);
  const wanted = squeezed(title);
  return lines.some((line, at) => wanted.startsWith(line) && lines.slice(at, at + 3).join('').startsWith(wanted));
}

/** Every page's text, 1-based. */
const pagesOf = (pdf: string) => Array.from({ length: pageCount(pdf) }, (_, at) => pdfText(pdf, '-f', String(at + 1), '-l', String(at + 1)));

/** The PDF's streams decompressed (qpdf --qdf), to search what a plain byte search cannot see. */
function decompressed(pdf: string): string {
  const out = join(tempDir(), 'qdf.pdf');
  const result = spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, out]);
  expect(result.status, String(result.stderr)).toBe(0);
  return readFileSync(out).toString('latin1') + readFileSync(out).toString('utf8');
}

/** PNGs of every page, to be looked at: test-artifacts/dossier/done-when-<name>-N.png. */
function pngsOf(pdf: string, name: string): void {
  const dir = join(process.cwd(), 'test-artifacts', 'dossier');
  mkdirSync(dir, { recursive: true });
  spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, `done-when-${name}`)]);
}

describe('Done when (issue 13), through the CLI on the demo vault', () => {
  it('a Russian dossier for the scenario counterpart: composed from JSON, built, issued as edition 1, exported; contents, headings, chart data, ledger, no withheld name, byte-identical re-export', async () => {
    const root = tempDir('ombuds-done-when-');
    const { vaultDir } = await makeDemo(root, { passphrase: PASS, kdf: FAST_KDF });
    const cli = (...args: string[]) => {
      const result = runCli([args[0]!, '--store', vaultDir, ...args.slice(1)], { OMBUDS_PASSPHRASE: PASS });
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result;
    };

    // Composed as a script would: the demo's own composition file (its kept originals included), a new title, no id.
    const demo = JSON.parse(readFileSync(join(root, 'dossiers', 'kz-ombudsman-ru.json'), 'utf8')) as Record<string, unknown>;
    delete demo.id;
    const file = join(root, 'meeting.json');
    writeFileSync(file, JSON.stringify({ ...demo, title: 'Досье к встрече с Уполномоченным по правам человека в Республике Казахстан', meeting: { ...(demo.meeting as object), date: '2026-12-10' } }));
    const id = cli('dossier', 'create', '--from', file).stdout.trim();
    const draft = cli('dossier', 'build', '--dossier', id, '--out', join(root, 'draft.pdf'));
    expect(draft.stderr).not.toMatch(/^warning:/m);
    expect(cli('dossier', 'issue', '--dossier', id).stdout).toMatch(/^edition 1, \d+ pages/m);
    const pdf = join(root, 'edition-1.pdf');
    const docx = join(root, 'edition-1.docx');
    const again = join(root, 'edition-1-again.pdf');
    cli('dossier', 'export', '--dossier', id, '--edition', '1', '--out', pdf);
    cli('dossier', 'export', '--dossier', id, '--edition', '1', '--out', docx);
    cli('dossier', 'export', '--dossier', id, '--edition', '1', '--out', again);
    expect(readFileSync(again).equals(readFileSync(pdf)), 'the same edition re-exported is byte-identical').toBe(true);
    rmSync(again);

    // The contents' page numbers are the pages where each heading stands (its first page after the contents).
    const pages = pagesOf(pdf);
    const contentsPage = pages.findIndex((text) => text.includes('Содержание')) + 1;
    const contents = contentsOf(pdf, contentsPage);
    expect(contents.map((entry) => entry.title).slice(0, 3)).toEqual(['Сводные данные', 'Основные показатели', 'Журнал переписки']);
    expect(contents.length).toBeGreaterThanOrEqual(7);
    for (const entry of contents) {
      const found = pages.findIndex((text, at) => at + 1 > contentsPage && standsOn(text, entry.title)) + 1;
      expect(found, entry.title).toBe(entry.page);
    }

    // The ledger: 11 sent, 1 answered for the demo's counterpart (its sample letters went to another counterpart).
    const ledgerPage = squeezed(pages[contents.find((entry) => entry.title === 'Журнал переписки')!.page - 1]!);
    expect(ledgerPage).toContain(squeezed('С января 2024 г. направлено 11 писем, ответ получен на 1.'));

    // The DOCX through LibreOffice: the same headings in the same order.
    const [converted] = libreOfficePdfs(docx);
    const lo = squeezed(pagesOf(converted!).slice(contentsPage).join('\n'));
    let from = 0;
    for (const entry of contents) {
      const at = lo.indexOf(squeezed(entry.title), from);
      expect(at, `${entry.title} after the previous heading in LibreOffice's rendering`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    // The same chart data: the DOCX reader sees each chart as its picture with the value on every bar, and its data as
    // the picture's alt text; the alt text says the same labels and counts the PDF's vector chart prints as text.
    const body = (await docxParts(readFileSync(docx))).get('word/document.xml')!;
    const descriptions = [...body.matchAll(/descr="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
    expect(descriptions).toHaveLength(3);
    const summary = squeezed(pages.slice(contents[0]!.page - 1, contents[2]!.page - 1).join('\n'));
    const [byViolation] = descriptions;
    const bars = byViolation!.replace(/^[^:]+: /, '').split('; ').map((bar) => /^(.*) (\d+)$/.exec(bar)!.slice(1) as [string, string]);
    expect(bars.map(([label]) => label)).toContain('Жестокое обращение');
    for (const [label] of bars) expect(summary, label).toContain(squeezed(label));
    expect(bars.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(5);
    expect(descriptions[2]).toContain('11.2024 Направлено писем 1, Получено ответов 1');
    const loImages = spawnSync('pdfimages', ['-list', converted!], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(loImages.length, 'the charts (and emblem) as pictures in LibreOffice').toBeGreaterThanOrEqual(3);

    // No withheld name in any byte: the raw PDF, its decompressed streams, every DOCX part (raw and unzipped).
    const raw = readFileSync(pdf);
    const streams = decompressed(pdf);
    const parts = [...(await docxParts(readFileSync(docx))).values()].join('\n');
    const docxRaw = readFileSync(docx);
    expect(streams, 'the fonts\' text maps were decompressed and searched').toMatch(/begincmap/);
    for (const name of WITHHELD) {
      for (const [where, bytes] of [['pdf', raw], ['docx', docxRaw]] as const) {
        expect(bytes.includes(Buffer.from(name, 'utf8')), `${name} in the raw ${where}`).toBe(false);
        expect(bytes.includes(Buffer.from(name, 'utf16le')), `${name} (UTF-16) in the raw ${where}`).toBe(false);
      }
      expect(streams.includes(name), `${name} in the PDF's streams`).toBe(false);
      expect(parts.includes(name), `${name} in a DOCX part`).toBe(false);
    }

    pngsOf(pdf, 'pdf');
    pngsOf(converted!, 'docx');
  });
});

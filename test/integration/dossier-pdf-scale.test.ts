import { spawnSync } from 'node:child_process';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { layoutPdf } from '../../electron/documents/pdf-writer.ts';
import { qpdfCheck, writeTemp } from '../support/documents.ts';
import { dossierDoc } from '../support/dossier-docs.ts';

/**
 * The dossier PDF's contents link to their headings, and the writer holds no finished page (issue 13, "Fast, at
 * scale"): checked on the file with qpdf and pdfinfo.
 */
const doc = dossierDoc({ sheets: 30, figures: 6 });
let layout: Awaited<ReturnType<typeof layoutPdf>>;
let path: string;
beforeAll(async () => {
  layout = await layoutPdf(doc);
});
// Temp folders are removed after each test: each writes the PDF into its own.
beforeEach(() => {
  path = writeTemp('dossier.pdf', layout.bytes);
});

/** Every object of the PDF by its id, as qpdf --json reads it. */
function objects(): Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }> {
  const json = JSON.parse(spawnSync('qpdf', ['--json', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout) as { qpdf: [unknown, Record<string, never>] };
  return json.qpdf[1];
}

describe('the dossier PDF', () => {
  it('links each contents entry to its heading: a Link annotation going to a named destination on the page the heading starts on', () => {
    expect(qpdfCheck(path).status).toBe(0);
    const headings = doc.blocks.flatMap((block, index) => (block.kind === 'heading' ? [index] : []));
    // pdfinfo -dests: «page [ XYZ x y null ] "name"» for every named destination.
    const dests = new Map([...spawnSync('pdfinfo', ['-dests', path], { encoding: 'utf8' }).stdout.matchAll(/^\s*(\d+)\s+\[.*\]\s+"(.+)"$/gm)].map((match) => [match[2]!, Number(match[1])]));
    expect(dests.size).toBe(headings.length);
    for (const index of headings) expect(dests.get(`heading-${index}`)).toBe(layout.pageOfBlock[index]);

    const all = Object.values(objects()).map((object) => object.value).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null);
    const actions = all.filter((value) => value['/S'] === '/GoTo');
    const links = all.filter((value) => value['/Subtype'] === '/Link');
    // Every heading is the target of at least one link (an entry of two lines has two); every link goes to a heading.
    const targets = new Set(actions.map((action) => String(action['/D']).replace(/^u:/, '')));
    expect([...targets].sort()).toEqual(headings.map((index) => `heading-${index}`).sort());
    expect(links.length).toBeGreaterThanOrEqual(headings.length);
    expect(links.every((link) => typeof link['/StructParent'] === 'number' && typeof link['/Contents'] === 'string')).toBe(true);
  });

  it('tags each entry as a Link inside its TOCI, holding the entry text and the link annotation (OBJR)', () => {
    const byId = objects();
    const values = Object.values(byId).map((object) => object.value).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null);
    const tocis = values.filter((value) => value['/S'] === '/TOCI');
    expect(tocis.length).toBe(doc.blocks.filter((block) => block.kind === 'heading').length);
    for (const toci of tocis) {
      const kids = [toci['/K']].flat() as string[];
      const link = byId[`obj:${kids[0]}`]?.value;
      expect(link?.['/S']).toBe('/Link');
      const linkKids = [link?.['/K']].flat() as unknown[];
      // Marked content of the text (MCIDs, as numbers or MCR dictionaries) and an OBJR for the annotation.
      const objr = (kid: unknown) => (typeof kid === 'string' ? byId[`obj:${kid}`]?.value : (kid as Record<string, unknown> | null));
      const annotation = linkKids.map(objr).find((kid) => kid?.['/Type'] === '/OBJR');
      expect(byId[`obj:${String(annotation?.['/Obj'])}`]?.value?.['/Subtype']).toBe('/Link');
      expect(linkKids.some((kid) => typeof kid === 'number' || (typeof kid === 'object' && kid !== null && '/MCID' in kid))).toBe(true);
    }
  });

  it('writes each page out as it finishes: the first page comes before the last page’s pictures in the file (nothing is held for a page-number pass)', () => {
    const xref = new Map([...spawnSync('qpdf', ['--show-xref', path], { encoding: 'utf8' }).stdout.matchAll(/^(\d+)\/0: uncompressed; offset = (\d+)$/gm)].map((match) => [Number(match[1]), Number(match[2])]));
    const pages = spawnSync('qpdf', ['--show-pages', '--with-images', path], { encoding: 'utf8' }).stdout.split(/^page \d+: /m).slice(1);
    const firstContent = Number(/content:\s+(\d+) 0 R/.exec(pages[0]!)![1]);
    const lastImages = [...pages.at(-1)!.matchAll(/\/\w+: (\d+) 0 R/g)].map((match) => Number(match[1]));
    expect(lastImages.length).toBeGreaterThan(0);
    for (const image of lastImages) expect(xref.get(firstContent)!).toBeLessThan(xref.get(image)!);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withAnnexSheets } from '../../electron/documents/annex-sheets.ts';
import { layoutPdf, pageMap } from '../../electron/documents/pdf-writer.ts';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { runsText, type Block, type Doc } from '../../shared/document/model.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { pageCount, pdfText, writeTemp } from '../support/documents.ts';
import { fixtureLetter } from '../support/letter-fixtures.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { routerCall } from '../support/router-call.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

/** The annex mark's real sheet count («Приложение: на 2 л. в 1 экз.») from the PDF's own page map. */
const markOf = (doc: Doc) => runsText((doc.blocks.find((block) => block.kind === 'paragraph' && block.style === 'annex') as Extract<Block, { kind: 'paragraph' }>).runs);
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Pages of the PDF from the one that shows `heading` to the last, counted with poppler. */
function annexPages(pdf: string, heading: string): number {
  const pages = pageCount(pdf);
  for (let page = 1; page <= pages; page += 1) if (flat(pdfText(pdf, '-f', String(page), '-l', String(page))).includes(heading)) return pages - page + 1;
  throw new Error('no annex');
}

describe('page map and the annex sheet count', () => {
  it('layoutPdf and pageMap give the page each block starts on and the page count, as poppler sees them', async () => {
    const doc = fixtureLetter('appeal-annex', 'ru');
    const { bytes, pages, pageOfBlock } = await layoutPdf(doc);
    expect(pageMap(doc)).toEqual({ pages, pageOfBlock });
    const pdf = writeTemp('map.pdf', bytes);
    expect(pageCount(pdf)).toBe(pages);
    const signature = doc.blocks.findIndex((block) => block.kind === 'signature');
    expect(flat(pdfText(pdf, '-f', String(pageOfBlock[signature]), '-l', String(pageOfBlock[signature])))).toContain('Салимзода');
  });

  it.each([
    ['ru', /Приложение: на (\d+) л\. в 1 экз\./],
    ['tg', /Замима: дар (\d+) варақ, дар 1 нусха\./],
    ['en', /Annex: (\d+) sheets?, 1 copy\./],
  ] as const)('writes the real count into the %s annex mark, the same the PDF shows', async (language, mark) => {
    const template = fixtureLetter('appeal-annex', language);
    expect(markOf(template)).not.toMatch(mark); // the template leaves blanks
    const doc = withAnnexSheets(template);
    const sheets = Number(mark.exec(markOf(doc))?.[1]);
    const pdf = writeTemp('annex.pdf', (await layoutPdf(doc)).bytes);
    const heading = runsText((doc.blocks.find((block) => block.kind === 'paragraph' && block.style === 'annex-heading') as Extract<Block, { kind: 'paragraph' }>).runs).slice(0, 12);
    expect(sheets).toBe(annexPages(pdf, flat(heading)));
    expect(flat(pdfText(pdf))).toContain(markOf(doc));
  });

  it('fills the count in the service’s draft and counts again at registration after staff lengthened the annex', async () => {
    const dir = tempDir();
    const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
    const call = routerCall(app.router);
    await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
    const data = JSON.parse(readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8')) as { incidents: { id: string }[] };
    // Seven more incidents (more than a letter tells in its text), so the appeal has an annex.
    const annexed = Array.from({ length: 7 }, (_, i) => ({ ...data.incidents[0]!, id: `in-annex-${i}` }));
    data.incidents = [...data.incidents, ...annexed];
    const db = app.session.store();
    await importInBatches(db, parseInterchange(db, JSON.stringify(data)), 'tester');
    await importInBatches(db, parseInterchange(db, readFileSync(new URL('../fixtures/kz-ombudsman-letters.json', import.meta.url), 'utf8')), 'tester');
    await call('office:save', JSON.parse(readFileSync(new URL('../fixtures/office.json', import.meta.url), 'utf8')));
    const draft = (await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: annexed.map((incident) => incident.id) })) as LetterDraft;
    const drafted = Number(/на (\d+) л\./.exec(markOf(draft.doc))?.[1]);
    expect(drafted).toBeGreaterThanOrEqual(1);
    // Staff add rows to the annex's table: it runs over more sheets.
    const blocks = draft.doc.blocks.map((block) => (block.kind === 'table' ? { ...block, rows: [...block.rows, ...block.rows, ...block.rows, ...block.rows, ...block.rows] } : block));
    const result = (await call('letters:registerDraft', { ...draft, doc: { ...draft.doc, blocks } })) as { letter: { id: string } };
    const frozen = (await call('letters:document', { letterId: result.letter.id })) as { doc: Doc };
    const registered = Number(/на (\d+) л\./.exec(markOf(frozen.doc))?.[1]);
    expect(registered).toBeGreaterThan(drafted);
    const { pages, pageOfBlock } = pageMap(frozen.doc);
    expect(registered).toBe(pages - pageOfBlock[frozen.doc.blocks.findIndex((block) => block.kind === 'pageBreak') + 1]! + 1);
    app.dispose();
  });
});

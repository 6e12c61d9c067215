import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import type { LetterFile } from '../../shared/domain/correspondence.ts';
import type { LetterDraft } from '../../shared/domain/letter-draft.ts';
import { letterPhrases } from '../../shared/templates/letters/phrases.ts';
import { stampRegistration } from '../../shared/templates/letters/stamp.ts';
import { pageCount, pdfText, writeTemp } from '../support/documents.ts';
import { passphraseBytes } from '../support/passphrase.ts';
import { routerCall } from '../support/router-call.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

// Print prints the PDF (renderer/features/letters/usePdfPrint.ts): main hands the window the bytes — a draft's as the
// writer makes them (letters:draftPdf), a registered letter's as kept (letters:registeredPdf).

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
/** pdftotext's text on one line; the writer's non-breaking hyphen («01‑12/1») read as the hyphen the phrases write. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\u2011/g, '-').trim();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A vault with the test scenario, the kz ombudsman's letters and the office; an appeal about eight incidents (so it has an annex). */
async function appWithDraft(): Promise<{ app: App; call: ReturnType<typeof routerCall>; draft: LetterDraft }> {
  const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'clerk', kdf: FAST_KDF });
  const call = routerCall(app.router);
  await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
  const data = JSON.parse(fixture('border-detention.json')) as { incidents: { id: string }[] };
  const annexed = Array.from({ length: 7 }, (_, i) => ({ ...data.incidents[0]!, id: `in-annex-${i}` }));
  data.incidents = [...data.incidents, ...annexed];
  const db = app.session.store();
  await importInBatches(db, parseInterchange(db, JSON.stringify(data)), 'tester');
  await importInBatches(db, parseInterchange(db, fixture('kz-ombudsman-letters.json')), 'tester');
  await call('office:save', JSON.parse(fixture('office.json')));
  const draft = (await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'ru', incidentIds: [data.incidents[0]!.id, ...annexed.map((incident) => incident.id)] })) as LetterDraft;
  return { app, call, draft };
}

const bytesOf = (value: unknown) => (value as { bytes: Uint8Array }).bytes;

describe('Print: the PDF bytes main hands the window', () => {
  it('letters:draftPdf gives the PDF the writer makes for the draft as held, the registered PDF but for its number and date; letters:registeredPdf the PDF as kept', async () => {
    const { app, call, draft } = await appWithDraft();
    // Staff edited the draft in the window: the PDF follows the text the window holds, not the one drafted.
    const edited = { ...draft, doc: { ...draft.doc, blocks: draft.doc.blocks.map((block) => (block.kind === 'paragraph' && block.style === 'salutation' ? { ...block, runs: [{ text: 'Глубокоуважаемая Татьяна Николаевна!' }] } : block)) } };
    const draftBytes = bytesOf(await call('letters:draftPdf', edited));
    const draftPdf = writeTemp('draft.pdf', Buffer.from(draftBytes));
    expect(Buffer.from(draftBytes).subarray(0, 5).toString()).toBe('%PDF-');
    const draftText = flat(pdfText(draftPdf));
    expect(draftText).toContain('Глубокоуважаемая Татьяна Николаевна!');
    expect(draftText).toContain(flat(letterPhrases.ru.reference(null, null)));
    // Pages as printed: numbered from page 2 at the top, the annex with its real sheet count.
    const pages = pageCount(draftPdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 2; page <= pages; page += 1) expect(pdfText(draftPdf, '-f', String(page), '-l', String(page)).trim().split('\n')[0]?.trim()).toBe(String(page));
    expect(pdfText(draftPdf, '-f', '1', '-l', '1').trim().split('\n')[0]?.trim()).not.toBe('1');
    expect(draftText).toMatch(/Приложение: на \d+ л\. в 1 экз\./);

    const registered = (await call('letters:registerDraft', edited)) as { letter: { id: string; number: string; date: string }; files: LetterFile[] };
    const { id, number, date } = registered.letter;
    const kept = bytesOf(await call('letters:registeredPdf', { letterId: id }));
    // Exactly the PDF kept at registration (the one Save PDF… writes out).
    expect(sha256(kept)).toBe(registered.files.find((file) => file.role === 'pdf')!.sha256);
    const keptText = flat(pdfText(writeTemp('registered.pdf', Buffer.from(kept))));
    // The draft printed what was registered: the same text but for the blanks the number and date fill.
    const p = letterPhrases.ru;
    expect(keptText).toBe(draftText.replace(flat(p.reference(null, null)), flat(p.reference(number, date))).replace(flat(p.annexHeading(null, null)), flat(p.annexHeading(number, date))));
    // And the same draft with that number and date prints byte for byte the registered PDF: one writer, one annex count.
    const stamped = bytesOf(await call('letters:draftPdf', { ...edited, doc: stampRegistration(edited.doc, number, date) }));
    expect(sha256(stamped)).toBe(sha256(kept));
    app.dispose();
  });

  it('refuses a malformed draft with invalid-input naming the field, an unknown letter or one without a PDF with not-found, and both while locked', async () => {
    const { app, call, draft } = await appWithDraft();
    const refused = async (channel: string, input: unknown) => {
      const result = await app.router.handle(channel, input);
      if (result.ok) throw new Error(`${channel} was not refused`);
      return result.error;
    };
    expect(await refused('letters:draftPdf', { ...draft, doc: { ...draft.doc, blocks: 'not blocks' } })).toMatchObject({ code: 'invalid-input', detail: expect.stringContaining('doc.blocks') });
    expect(await refused('letters:draftPdf', { ...draft, format: 'something-else' })).toMatchObject({ code: 'invalid-input', detail: expect.stringContaining('format') });
    expect(await refused('letters:draftPdf', draft.doc)).toMatchObject({ code: 'invalid-input' });
    expect(await refused('letters:registeredPdf', { letterId: 'letter-unknown' })).toMatchObject({ code: 'not-found' });
    // A letter registered by hand (from the fixture) has no PDF kept with it.
    const list = (await call('letters:list', { counterpartId: 'cp-kz-ombudsman', asOf: '2030-01-01' })) as { letter: { id: string } }[];
    expect(await refused('letters:registeredPdf', { letterId: list[0]!.letter.id })).toMatchObject({ code: 'not-found' });
    await call('vault:lock');
    expect(await refused('letters:draftPdf', draft)).toMatchObject({ code: 'vault-locked' });
    expect(await refused('letters:registeredPdf', { letterId: 'letter-unknown' })).toMatchObject({ code: 'vault-locked' });
    app.dispose();
  });
});
